import fs from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { StoreLayout } from './layout';
import { writeManifest, type Manifest, type Segment } from './manifest';
import { isPartitioned, segmentDir } from './segment-range';
import { writeSidecars } from './sidecars';

/** Whether a segment has what the engine reads quickly: its partitioned path and both sidecars. */
export function isCurrent(segment: Segment): boolean {
  return isPartitioned(segment.file) && segment.summary !== undefined && segment.ids !== undefined && segment.sts !== undefined;
}

/**
 * Brings segments written before partitioned paths and sidecars up to date, once, in the ingest
 * that first meets them: each gets its sidecars and a hard link at its partitioned path; the
 * manifest swaps to the new paths; only then are the old names removed, so a reader still on the
 * old manifest keeps finding its files until it re-reads.
 */
export async function upgradeSegments(conn: DuckDBConnection, layout: StoreLayout, manifest: Manifest): Promise<Manifest> {
  if (manifest.segments.every(isCurrent)) return manifest;
  const retired: string[] = [];
  const segments: Segment[] = [];
  for (const segment of manifest.segments) {
    if (isCurrent(segment)) {
      segments.push(segment);
      continue;
    }
    const dir = segmentDir(segment.minTime, segment.maxTime);
    const base = path.basename(segment.file);
    const file = `${dir}/${base}`;
    const from = path.join(layout.segments, segment.file);
    const sidecars = await writeSidecars(conn, layout, from, dir, base.replace(/\.parquet$/, ''));
    if (segment.file !== file) {
      await fs.rm(path.join(layout.segments, file), { force: true });
      await fs.link(from, path.join(layout.segments, file));
      retired.push(from);
    }
    segments.push({ ...segment, file, ...sidecars });
  }
  const upgraded = { ...manifest, generation: manifest.generation + 1, segments };
  await writeManifest(layout, upgraded);
  for (const old of retired) await fs.rm(old, { force: true });
  return upgraded;
}
