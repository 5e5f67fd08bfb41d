import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { pathLiteral, type StoreLayout } from './layout';
import { arrivalsOf, writeManifest, type Manifest, type Segment } from './manifest';
import { segmentDir } from './segment-range';
import { ID_PARQUET_OPTIONS, PARQUET_OPTIONS } from './sidecars';
import { isCurrent } from './upgrade';

/**
 * Small segments merged into larger ones at the end of an ingest. Every ingest of a few new files
 * adds a segment, so a store kept up to date daily would otherwise grow thousands of small ones,
 * and each costs every whole-range query a file to open. A run of neighbouring small segments (in
 * manifest order, which is delivery order, so neighbours are neighbours in time too) becomes one
 * segment, its summary the concatenation of theirs (the counts add up as they are) and its ids
 * merged. The events are the same events: de-duplication is untouched.
 *
 * The old files are retired, not deleted: a reader may still be running a query over the manifest
 * it read before the swap, so they are removed by an ingest at least RETIRE_AFTER_MS later.
 */
export interface CompactionLimits {
  /** A segment with fewer rows is small. */
  smallRows: number;
  /** A merged segment has at most this many rows. */
  mergedRows: number;
}
// A bulk ingest writes segments of about 126k rows (16 MB of gzip a batch; larger batches measured slower
// and over 2 GiB at 10M events), so it is not rewritten; the small segments of frequent ingests are.
export const DEFAULT_COMPACTION: CompactionLimits = { smallRows: 100_000, mergedRows: 1_000_000 };
export const RETIRE_AFTER_MS = 15 * 60_000;

/** Runs of at least two neighbouring small segments, each run at most `mergedRows` rows. */
export function planCompaction(segments: readonly Segment[], limits: CompactionLimits = DEFAULT_COMPACTION): Segment[][] {
  const runs: Segment[][] = [];
  let run: Segment[] = [];
  let rows = 0;
  const close = () => {
    if (run.length >= 2) runs.push(run);
    run = [];
    rows = 0;
  };
  for (const s of segments) {
    if (s.rows >= limits.smallRows || !isCurrent(s)) {
      close();
      continue;
    }
    if (rows + s.rows > limits.mergedRows) close();
    run.push(s);
    rows += s.rows;
  }
  close();
  return runs;
}

const files = (layout: StoreLayout, names: readonly string[]) =>
  `read_parquet([${names.map((n) => pathLiteral(path.join(layout.segments, n))).join(', ')}], hive_partitioning = false)`;

async function copyTo(conn: DuckDBConnection, select: string, target: string, options: string): Promise<void> {
  const tmp = `${target}.tmp`;
  try {
    await conn.run(`COPY (${select}) TO ${pathLiteral(tmp)} (${options})`);
    await fs.rename(tmp, target);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

async function merge(conn: DuckDBConnection, layout: StoreLayout, run: readonly Segment[]): Promise<Segment> {
  const minTime = run.reduce((m, s) => (s.minTime < m ? s.minTime : m), run[0]!.minTime);
  const maxTime = run.reduce((m, s) => (s.maxTime > m ? s.maxTime : m), run[0]!.maxTime);
  const dir = segmentDir(minTime, maxTime);
  const base = `seg-${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
  await fs.mkdir(path.join(layout.segments, dir), { recursive: true });
  const at = (name: string) => path.join(layout.segments, dir, name);
  // Sidecars first, as at ingest: a segment is never listed without them.
  await copyTo(conn, `SELECT * FROM ${files(layout, run.map((s) => s.summary!))}`, at(`${base}.hourly.parquet`), PARQUET_OPTIONS);
  await copyTo(
    conn,
    `SELECT * FROM ${files(layout, run.map((s) => s.ids!))} ORDER BY eventid`,
    at(`${base}.ids.parquet`),
    ID_PARQUET_OPTIONS,
  );
  await copyTo(conn, `SELECT * FROM ${files(layout, run.map((s) => s.sts!))}`, at(`${base}.sts.parquet`), PARQUET_OPTIONS);
  // In manifest order, so row groups keep the narrow time ranges their segments had.
  await conn.run('SET preserve_insertion_order = true');
  try {
    await copyTo(conn, `SELECT * FROM ${files(layout, run.map((s) => s.file))}`, at(`${base}.parquet`), PARQUET_OPTIONS);
  } finally {
    await conn.run('SET preserve_insertion_order = false');
  }
  return {
    file: `${dir}/${base}.parquet`,
    rows: run.reduce((n, s) => n + s.rows, 0),
    minTime,
    maxTime,
    createdAt: new Date().toISOString(),
    summary: `${dir}/${base}.hourly.parquet`,
    ids: `${dir}/${base}.ids.parquet`,
    sts: `${dir}/${base}.sts.parquet`,
    arrivals: run.flatMap(arrivalsOf),
  };
}

/** Deletes the files retired long enough ago; returns the manifest without them. */
async function dropRetired(layout: StoreLayout, manifest: Manifest, now: number): Promise<Manifest> {
  const due = manifest.retired.filter((r) => now - Date.parse(r.at) >= RETIRE_AFTER_MS);
  if (due.length === 0) return manifest;
  const next = { ...manifest, generation: manifest.generation + 1, retired: manifest.retired.filter((r) => !due.includes(r)) };
  await writeManifest(layout, next);
  for (const r of due) await fs.rm(path.join(layout.segments, r.file), { force: true });
  return next;
}

export async function compactSegments(
  conn: DuckDBConnection,
  layout: StoreLayout,
  manifest: Manifest,
  limits: CompactionLimits = DEFAULT_COMPACTION,
  now = Date.now(),
): Promise<{ manifest: Manifest; merged: number; written: number }> {
  let current = await dropRetired(layout, manifest, now);
  const runs = planCompaction(current.segments, limits);
  if (runs.length === 0) return { manifest: current, merged: 0, written: 0 };
  const replaced = new Map<string, Segment>();
  const gone = new Set<string>();
  for (const run of runs) {
    const merged = await merge(conn, layout, run);
    replaced.set(run[0]!.file, merged);
    for (const s of run) gone.add(s.file);
  }
  const at = new Date(now).toISOString();
  const retiredRuns = runs.flat();
  current = {
    ...current,
    generation: current.generation + 1,
    segments: current.segments.flatMap((s) => (replaced.has(s.file) ? [replaced.get(s.file)!] : gone.has(s.file) ? [] : [s])),
    retired: [...current.retired, ...retiredRuns.flatMap((s) => [s.file, s.summary!, s.ids!, s.sts!].map((file) => ({ file, at })))],
  };
  await writeManifest(layout, current);
  return { manifest: current, merged: retiredRuns.length, written: runs.length };
}
