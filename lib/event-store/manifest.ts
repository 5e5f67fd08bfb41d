import fs from 'node:fs/promises';
import { z } from '@/lib/zod';
import { readJsonOr, writeJsonAtomic } from './json-file';
import type { StoreLayout } from './layout';

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
