import fs from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { pathLiteral, type StoreLayout } from './layout';
import { writeManifest, type Manifest, type Segment } from './manifest';
import { isPartitioned, segmentDir } from './segment-range';
import { PARQUET_OPTIONS, summarySql } from './load-batch';

/**
 * Brings segments written before partitioned paths and hourly summaries up to date, once, in the
 * ingest that first meets them: each gets its summary and a hard link at its partitioned path; the
 * manifest swaps to the new paths; only then are the old names removed, so a reader still on the
 * old manifest keeps finding its files until it re-reads.
 */
export async function upgradeSegments(conn: DuckDBConnection, layout: StoreLayout, manifest: Manifest): Promise<Manifest> {
  const stale = manifest.segments.filter((s) => !isPartitioned(s.file) || s.summary === undefined);
  if (stale.length === 0) return manifest;
  const retired: string[] = [];
  const segments: Segment[] = [];
  for (const segment of manifest.segments) {
    if (isPartitioned(segment.file) && segment.summary !== undefined) {
      segments.push(segment);
      continue;
    }
    const dir = segmentDir(segment.minTime, segment.maxTime);
    const base = path.basename(segment.file);
    const file = `${dir}/${base}`;
    const summary = `${dir}/${base.replace(/\.parquet$/, '')}.hourly.parquet`;
    const from = path.join(layout.segments, segment.file);
    await fs.mkdir(path.join(layout.segments, dir), { recursive: true });
    if (from !== path.join(layout.segments, file)) {
      await fs.rm(path.join(layout.segments, file), { force: true });
      await fs.link(from, path.join(layout.segments, file));
      retired.push(from);
    }
    const tmp = path.join(layout.segments, `${summary}.tmp`);
    await conn.run(`COPY (${summarySql(from)}) TO ${pathLiteral(tmp)} (${PARQUET_OPTIONS})`);
    await fs.rename(tmp, path.join(layout.segments, summary));
    segments.push({ ...segment, file, summary });
  }
  const upgraded = { ...manifest, generation: manifest.generation + 1, segments };
  await writeManifest(layout, upgraded);
  for (const old of retired) await fs.rm(old, { force: true });
  return upgraded;
}
