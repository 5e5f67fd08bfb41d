import fs from 'node:fs/promises';
import { z } from '@/lib/zod';
import { readJsonOr, writeJsonAtomic } from './json-file';
import type { StoreLayout } from './layout';

/** Events of one time range that arrived together: a segment as ingest wrote it. */
const arrivalSchema = z.object({ minTime: z.string(), maxTime: z.string(), createdAt: z.string() });
export type Arrival = z.infer<typeof arrivalSchema>;

const segmentSchema = z.object({
  file: z.string(),
  rows: z.number().int().nonnegative(),
  minTime: z.string(),
  maxTime: z.string(),
  createdAt: z.string(),
  /**
   * The segment's hourly summary (lib/summary/hourly.ts), beside it in segments/. Absent in stores
   * written before summaries existed: the engine then summarises that segment when it reads it.
   */
  summary: z.string().optional(),
  /** Its event ids, sorted (sidecars.ts); absent likewise in older stores. */
  ids: z.string().optional(),
  /** Its STS calls (sidecars.ts); absent likewise in older stores. */
  sts: z.string().optional(),
  /**
   * For a segment compaction merged: when each of its inputs arrived, and what time it covered
   * (absent: the segment's own range and createdAt). Detections after an ingest run over what
   * arrived since their last run, which a merge must not make look new again.
   */
  arrivals: z.array(arrivalSchema).optional(),
});
export type Segment = z.infer<typeof segmentSchema>;

const manifestSchema = z.object({
  version: z.literal(1),
  generation: z.number().int().nonnegative(),
  segments: z.array(segmentSchema),
  /** Files compaction replaced, deleted by a later ingest once no reader can still be using them (compact.ts). */
  retired: z.array(z.object({ file: z.string(), at: z.string() })).default([]),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const EMPTY_MANIFEST: Manifest = { version: 1, generation: 0, segments: [], retired: [] };

/** What arrived when, in a segment (see `arrivals`). */
export function arrivalsOf(segment: Segment): Arrival[] {
  return segment.arrivals ?? [{ minTime: segment.minTime, maxTime: segment.maxTime, createdAt: segment.createdAt }];
}

export async function readManifest(layout: StoreLayout): Promise<Manifest> {
  const raw = await readJsonOr<unknown>(layout.manifest, EMPTY_MANIFEST);
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Corrupt event store manifest at ${layout.manifest}: ${parsed.error.message}`);
  return parsed.data;
}

export async function writeManifest(layout: StoreLayout, manifest: Manifest): Promise<void> {
  await writeJsonAtomic(layout.manifest, manifest);
}

/** A cheap change token: the manifest's mtime and size (checked before each query). */
export async function manifestToken(layout: StoreLayout): Promise<string> {
  try {
    const st = await fs.stat(layout.manifest);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return 'none';
  }
}
