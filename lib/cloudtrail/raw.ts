import type { Dialect } from '@/lib/engine/dialect';
import { recordFromAthenaJson } from './record';

export type CloudTrailRecord = Record<string, unknown>;

/** The raw record as the engine returns it: DuckDB keeps the ingested JSON; Athena's is rebuilt. */
export function parseRawRecord(dialect: Dialect, text: string): CloudTrailRecord {
  if (dialect.name === 'athena') return recordFromAthenaJson(text);
  return JSON.parse(text) as CloudTrailRecord;
}
