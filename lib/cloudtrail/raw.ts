import { jsonDepthExceeds } from '@/lib/json-depth';

export type CloudTrailRecord = Record<string, unknown>;

/**
 * Real records nest a policy document or a launch template some fifteen levels deep. Far deeper is
 * not CloudTrail, and everything recursive after JSON.parse (JSON.stringify of a response, the
 * ingest's stager) overflows the stack on it: ingest skips such a record, and one already stored
 * (DuckDB reads CloudTrail's S3 objects itself) is shown without its too-deep fields.
 */
export const MAX_RECORD_DEPTH = 100;
const TOO_DEEP = `[nested deeper than ${MAX_RECORD_DEPTH} levels: not shown]`;

/** A record as ingested (DuckDB keeps the JSON), with fields nested too deep stood in for. */
export function parseStoredRecord(text: string): CloudTrailRecord {
  const record = JSON.parse(text) as CloudTrailRecord;
  if (!jsonDepthExceeds(record, MAX_RECORD_DEPTH)) return record;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, jsonDepthExceeds(value, MAX_RECORD_DEPTH - 1) ? TOO_DEEP : value]));
}
