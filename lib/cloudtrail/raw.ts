import type { Dialect } from '@/lib/engine/dialect';
import { isTrinoFamily } from '@/lib/engine/types';
import { jsonDepthExceeds } from '@/lib/json-depth';
import { recordFromAthenaJson } from './record';

export type CloudTrailRecord = Record<string, unknown>;

/**
 * Real records nest a policy document or a launch template some fifteen levels deep. Far deeper is
 * not CloudTrail, and everything recursive after JSON.parse (JSON.stringify of a response, the
 * ingest's stager) overflows the stack on it: ingest skips such a record, and one already stored
 * (DuckDB reads CloudTrail's S3 objects itself) is shown without its too-deep fields.
 */
export const MAX_RECORD_DEPTH = 100;
const TOO_DEEP = `[nested deeper than ${MAX_RECORD_DEPTH} levels: not shown]`;

/** The raw record as the engine returns it: DuckDB keeps the ingested JSON; the Trino family's is rebuilt. */
export function parseRawRecord(dialect: Dialect, text: string): CloudTrailRecord {
  if (isTrinoFamily(dialect.name)) return recordFromAthenaJson(text);
  const record = JSON.parse(text) as CloudTrailRecord;
  if (!jsonDepthExceeds(record, MAX_RECORD_DEPTH)) return record;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, jsonDepthExceeds(value, MAX_RECORD_DEPTH - 1) ? TOO_DEEP : value]));
}
