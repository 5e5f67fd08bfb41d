import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { RECORD_STRUCTURE, RECORD_STRUCT_TYPE } from '@/lib/engine/duckdb/record-columns';
import type { RecordSkipReason } from '@/lib/ingest/skip-reasons';
import { pathLiteral, type StoreLayout } from './layout';
import type { Segment } from './manifest';
import { segmentDir } from './segment-range';
import { PARQUET_OPTIONS, writeSidecars } from './sidecars';

/**
 * Loads one batch of files into one parquet segment. DuckDB reads the files itself: CloudTrail's
 * S3 objects (`{"Records":[...]}`, gzipped) directly, and everything else through the NDJSON the
 * Node path stages (one `{"Records":[record],"f":source,"ts":time}` per line).
 *
 * The common case is one streaming pass: parse, type, write. Batches arrive in delivery-time
 * order (see plan-batches), so a segment spans a narrow time slice without sorting its rows here. Every row carries a
 * `skip_reason` (NULL when usable); cheap columnar checks on the written file then count what was
 * unusable and look for repeats (same eventID and time, within the batch or already stored). Only
 * when there are some is the segment rewritten without them, from parquet rather than JSON.
 */

export interface BatchResult {
  segment: Segment | null;
  recordsRead: number;
  inserted: number;
  duplicates: number;
  skipped: Partial<Record<RecordSkipReason, number>>;
  filesWithSkippedRecords: Record<string, number>;
  /** Files that yielded no record (no `Records` array, or an empty one): the caller reads them the slow way. */
  filesWithoutRecords: string[];
}

// Far above any CloudTrail delivery file; a larger value makes DuckDB reserve that much per thread.
const MAX_OBJECT_BYTES = 32 * 1024 * 1024;
const ISO_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function iso(cell: unknown): string {
  const text = String(cell);
  if (!ISO_SECOND.test(text)) throw new Error(`unexpected time ${text}`);
  return text;
}

function timestampLiteral(isoSecond: string): string {
  return `TIMESTAMP '${iso(isoSecond).replace('T', ' ').replace('Z', '')}'`;
}

async function rows<T>(conn: DuckDBConnection, sqlText: string): Promise<T[]> {
  return (await conn.runAndReadAll(sqlText)).getRowObjectsJson() as T[];
}

function parseAndType(files: readonly string[]): string {
  return `
WITH records AS (
  SELECT unnest(Records) AS r, coalesce(f, filename) AS source_file, ts
  FROM read_json([${files.map(pathLiteral).join(', ')}], columns = {Records: 'JSON[]', f: 'VARCHAR', ts: 'VARCHAR'},
                 format = 'newline_delimited', filename = true, maximum_object_size = ${MAX_OBJECT_BYTES})
  WHERE Records IS NOT NULL
), typed AS (
  SELECT CAST(json_transform(r, '${RECORD_STRUCTURE.replaceAll("'", "''")}') AS ${RECORD_STRUCT_TYPE}) AS t,
         json_type(r) = 'OBJECT' AS is_object, CAST(r AS VARCHAR) AS raw, source_file, ts
  FROM records
), timed AS (
  SELECT *, date_trunc('second', CAST(coalesce(TRY_CAST(ts AS TIMESTAMPTZ), TRY_CAST(t.eventtime AS TIMESTAMPTZ)) AS TIMESTAMP)) AS event_time
  FROM typed
)
SELECT t.* REPLACE (coalesce(strftime(event_time, '%Y-%m-%dT%H:%M:%SZ'), t.eventtime) AS eventtime),
       event_time, raw, source_file,
       CASE WHEN NOT is_object THEN 'not-an-object'
            WHEN t.eventname IS NULL AND t.eventsource IS NULL THEN 'not-cloudtrail'
            WHEN coalesce(trim(t.eventid), '') = '' THEN 'missing-event-id'
            WHEN t.eventtime IS NULL AND ts IS NULL THEN 'missing-event-time'
            WHEN event_time IS NULL THEN 'invalid-event-time'
       END AS skip_reason
FROM timed`;
}

export async function loadBatch(
  conn: DuckDBConnection,
  layout: StoreLayout,
  files: readonly string[],
  existing: readonly Segment[],
): Promise<BatchResult> {
  await fs.mkdir(layout.segments, { recursive: true });
  const name = `seg-${Date.now().toString(36)}-${randomBytes(6).toString('hex')}.parquet`;
  const first = path.join(layout.segments, `${name}.1.tmp`);
  const second = path.join(layout.segments, `${name}.2.tmp`);
  try {
    await conn.run(`COPY (${parseAndType(files)}) TO ${pathLiteral(first)} (${PARQUET_OPTIONS})`);
    const written = pathLiteral(first);

    const bySource = await rows<{ source_file: string; n: number; bad: number }>(
      conn,
      `SELECT source_file, count(*)::INTEGER AS n, count(skip_reason)::INTEGER AS bad FROM read_parquet(${written}) GROUP BY 1`,
    );
    const yielded = new Set(bySource.map((r) => r.source_file));
    const filesWithoutRecords = files.filter((f) => !yielded.has(f));
    const recordsRead = bySource.reduce((n, r) => n + r.n, 0);
    const filesWithSkippedRecords = Object.fromEntries(bySource.filter((r) => r.bad > 0).map((r) => [r.source_file, r.bad]));
    const skipped: Partial<Record<RecordSkipReason, number>> = {};
    if (Object.keys(filesWithSkippedRecords).length > 0) {
      for (const r of await rows<{ skip_reason: RecordSkipReason; n: number }>(
        conn,
        `SELECT skip_reason, count(*)::INTEGER AS n FROM read_parquet(${written}) WHERE skip_reason IS NOT NULL GROUP BY 1`,
      )) {
        skipped[r.skip_reason] = r.n;
      }
    }
    const result: BatchResult = { segment: null, recordsRead, inserted: 0, duplicates: 0, skipped, filesWithSkippedRecords, filesWithoutRecords };

    const stats = (await rows<{ valid: number; distinct_keys: number; lo: string | null; hi: string | null }>(
      conn,
      `SELECT count(*)::INTEGER AS valid, count(DISTINCT (eventid, event_time))::INTEGER AS distinct_keys,
              strftime(min(event_time), '%Y-%m-%dT%H:%M:%SZ') AS lo, strftime(max(event_time), '%Y-%m-%dT%H:%M:%SZ') AS hi
       FROM read_parquet(${written}) WHERE skip_reason IS NULL`,
    ))[0];
    if (!stats || stats.valid === 0 || stats.lo === null || stats.hi === null) return result;
    const lo = timestampLiteral(stats.lo);
    const hi = timestampLiteral(stats.hi);

    // A re-delivered event keeps its eventTime, so only segments overlapping the batch can hold it.
    const prior = existing
      .filter((s) => s.maxTime >= iso(stats.lo) && s.minTime <= iso(stats.hi))
      .map((s) => pathLiteral(path.join(layout.segments, s.file)));
    const storedAlready = prior.length
      ? `EXISTS (SELECT 1 FROM read_parquet([${prior.join(', ')}]) AS old
                 WHERE old.event_time BETWEEN ${lo} AND ${hi} AND old.eventid = b.eventid AND old.event_time = b.event_time)`
      : 'false';
    const alreadyStored = prior.length
      ? ((await rows<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM read_parquet(${written}) AS b WHERE b.skip_reason IS NULL AND ${storedAlready}`))[0]?.n ?? 0)
      : 0;

    let final = first;
    let inserted = stats.valid;
    if (stats.valid < recordsRead || stats.distinct_keys < stats.valid || alreadyStored > 0) {
      await conn.run(`
COPY (
  SELECT * FROM read_parquet(${written}) AS b
  WHERE b.skip_reason IS NULL AND NOT ${storedAlready}
  QUALIFY row_number() OVER (PARTITION BY b.eventid, b.event_time ORDER BY b.source_file) = 1
  ORDER BY b.event_time
) TO ${pathLiteral(second)} (${PARQUET_OPTIONS})`);
      final = second;
      inserted = (await rows<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM read_parquet(${pathLiteral(second)})`))[0]?.n ?? 0;
    }
    result.duplicates = stats.valid - inserted;
    if (inserted === 0) return result;
    const dir = segmentDir(iso(stats.lo), iso(stats.hi));
    // The sidecars land first: a segment is never listed without them.
    const sidecars = await writeSidecars(conn, layout, final, dir, name.replace(/\.parquet$/, ''));
    await fs.rename(final, path.join(layout.segments, dir, name));
    result.inserted = inserted;
    result.segment = {
      file: `${dir}/${name}`,
      rows: inserted,
      minTime: iso(stats.lo),
      maxTime: iso(stats.hi),
      createdAt: new Date().toISOString(),
      ...sidecars,
    };
    return result;
  } finally {
    await fs.rm(first, { force: true });
    await fs.rm(second, { force: true });
  }
}
