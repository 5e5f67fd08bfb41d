import fs from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { hourlySummaryOf } from '@/lib/summary/hourly';
import { code } from '@/lib/sql/sql';
import { pathLiteral, type StoreLayout } from './layout';

// Row groups of 20k rows: a bulk ingest writes about 6,000 events an hour at 10M events over 70 days,
// so a group spans a few hours and a lookup's stretch reads one (measured at 10M: search by key over
// the whole range p95 130 → 48 ms, ingest unchanged, peak RSS lower) where 100k-row groups spanned 16.
export const PARQUET_OPTIONS = `FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, ROW_GROUP_SIZE 20000`;
export const ID_PARQUET_OPTIONS = `FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, ROW_GROUP_SIZE 8192`;

/**
 * What is written beside each segment, from the segment itself, in the same directory:
 * - its hourly summary (lib/summary/hourly.ts), which profiles, lists and charts read;
 * - its event ids sorted, with their times, in small row groups: a lookup by event id reads one
 *   row group's worth of each file (min/max statistics) instead of the segments' id columns;
 * - its STS calls, whole rows: the role-assumption queries (attribution, the chain, external
 *   assumptions, session names) read a few per cent of the events instead of all of them.
 */
export interface Sidecars {
  summary: string;
  ids: string;
  sts: string;
}

/** The hourly summary of one segment file, as DuckDB SQL text (COPY takes no parameters). */
function summarySql(segmentFile: string): string {
  const { sql: text, params } = hourlySummaryOf(code(`read_parquet(${pathLiteral(segmentFile)})`)).toQuery();
  if (params.length > 0) throw new Error('the hourly summary binds no values');
  return text;
}

/**
 * Writes the sidecars of the segment whose rows are in `source` as `<dir>/<base>.hourly.parquet`
 * and `<dir>/<base>.ids.parquet` under segments/, each landing whole (written aside, then renamed).
 * Returns their manifest paths.
 */
export async function writeSidecars(conn: DuckDBConnection, layout: StoreLayout, source: string, dir: string, base: string): Promise<Sidecars> {
  const names: Sidecars = { summary: `${dir}/${base}.hourly.parquet`, ids: `${dir}/${base}.ids.parquet`, sts: `${dir}/${base}.sts.parquet` };
  const statements: Record<keyof Sidecars, string> = {
    summary: `COPY (${summarySql(source)}) TO %s (${PARQUET_OPTIONS})`,
    ids: `COPY (SELECT eventid, event_time FROM read_parquet(${pathLiteral(source)}) ORDER BY eventid) TO %s (${ID_PARQUET_OPTIONS})`,
    sts: `COPY (SELECT * FROM read_parquet(${pathLiteral(source)}, hive_partitioning = false) WHERE eventsource = 'sts.amazonaws.com') TO %s (${PARQUET_OPTIONS})`,
  };
  await fs.mkdir(path.join(layout.segments, dir), { recursive: true });
  for (const kind of ['summary', 'ids', 'sts'] as const) {
    const target = path.join(layout.segments, names[kind]);
    const tmp = `${target}.tmp`;
    try {
      await conn.run(statements[kind].replace('%s', pathLiteral(tmp)));
      await fs.rename(tmp, target);
    } finally {
      await fs.rm(tmp, { force: true });
    }
  }
  return names;
}
