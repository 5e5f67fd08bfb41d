import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { RECORD_STRUCTURE, RECORD_STRUCT_TYPE } from '@/lib/engine/duckdb/record-columns';
import { pathLiteral, type StoreLayout } from './layout';
import type { Segment } from './manifest';

export interface StagedBatch {
  /** NDJSON, one `{"ts": isoTime, "f": sourceFile, "r": record}` per line. */
  file: string;
  records: number;
  minTime: string;
  maxTime: string;
}

const ISO_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function overlapping(segments: readonly Segment[], batch: StagedBatch): Segment[] {
  return segments.filter((s) => s.maxTime >= batch.minTime && s.minTime <= batch.maxTime);
}

/**
 * Turns a staged batch into one parquet segment, dropping events whose eventID is already in the store (CloudTrail re-delivers, and organisation and account trails
 * overlap). A duplicate has the same eventTime, so only segments overlapping the batch's time
 * range are read, and parquet statistics prune the rest. Returns null when nothing was new.
 */
export async function writeSegment(
  conn: DuckDBConnection,
  layout: StoreLayout,
  batch: StagedBatch,
  existing: readonly Segment[],
): Promise<Segment | null> {
  if (!ISO_SECOND.test(batch.minTime) || !ISO_SECOND.test(batch.maxTime)) throw new Error('Batch times must be ISO-8601 seconds');
  await fs.mkdir(layout.segments, { recursive: true });
  const name = `seg-${batch.minTime.replace(/[-:]/g, '')}-${randomBytes(6).toString('hex')}.parquet`;
  const tmp = path.join(layout.segments, `${name}.tmp`);
  const prior = overlapping(existing, batch).map((s) => pathLiteral(path.join(layout.segments, s.file)));
  const notAlreadyStored =
    prior.length === 0
      ? ''
      : `WHERE NOT EXISTS (
          SELECT 1 FROM read_parquet([${prior.join(', ')}]) AS old
          WHERE old.event_time BETWEEN CAST('${batch.minTime}' AS TIMESTAMP) AND CAST('${batch.maxTime}' AS TIMESTAMP)
            AND old.eventid = fresh.eventid AND old.event_time = fresh.event_time)`;
  // Rows are written in staging order: the stager sorts each batch by time and drops repeats
  // within it, so the parquet row groups get tight time ranges without a sort here.
  const copy = `
COPY (
  WITH staged AS (
    SELECT CAST(json_transform(r, '${RECORD_STRUCTURE.replaceAll("'", "''")}') AS ${RECORD_STRUCT_TYPE}) AS t,
           CAST(ts AS TIMESTAMP) AS event_time, CAST(r AS VARCHAR) AS raw, f AS source_file
    FROM read_json(${pathLiteral(batch.file)}, format = 'newline_delimited',
                   columns = {ts: 'VARCHAR', f: 'VARCHAR', r: 'JSON'}, maximum_object_size = 67108864)
  ), fresh AS (
    SELECT t.* REPLACE (strftime(event_time, '%Y-%m-%dT%H:%M:%SZ') AS eventtime), event_time, raw, source_file
    FROM staged
  )
  SELECT * FROM fresh ${notAlreadyStored}
) TO ${pathLiteral(tmp)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`;
  await conn.run(copy);
  const stats = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER AS n, strftime(min(event_time), '%Y-%m-%dT%H:%M:%SZ') AS lo,
            strftime(max(event_time), '%Y-%m-%dT%H:%M:%SZ') AS hi FROM read_parquet(${pathLiteral(tmp)})`,
  );
  const row = stats.getRowObjectsJson()[0] as { n: number; lo: string | null; hi: string | null } | undefined;
  if (!row || row.n === 0 || row.lo === null || row.hi === null) {
    await fs.rm(tmp, { force: true });
    return null;
  }
  await fs.rename(tmp, path.join(layout.segments, name));
  return { file: name, rows: row.n, minTime: row.lo, maxTime: row.hi, createdAt: new Date().toISOString() };
}
