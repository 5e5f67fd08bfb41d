/**
 * How far automatic detection got, per engine target, in `<data dir>/detections/cursor.json`: a
 * file rather than the app-state database because `npm run detect` and `npm run ingest` must move
 * it while the app holds that database's lock. Only a holder of the detection lock (detect-new.ts)
 * writes it.
 */
import path from 'node:path';
import { readJsonOr, writeJsonAtomic } from '@/lib/event-store/json-file';
import { z } from '@/lib/zod';

const lastRunSchema = z.object({
  at: z.string(),
  scopes: z.array(z.object({ from: z.string(), to: z.string() })),
  findings: z.number().int().nonnegative(),
  inserted: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  delivered: z.enum(['state', 'inbox', 'none']),
  errors: z.array(z.string()),
  bytesScanned: z.number().nullable(),
  costUsd: z.number().nullable(),
});
export type LastRun = z.infer<typeof lastRunSchema>;

const targetSchema = z.object({
  /** Embedded store: the newest segment `createdAt` detected. */
  ingestedThrough: z.string().nullable().default(null),
  /** S3 engines: the end of the last window detected (event time). */
  eventsThrough: z.string().nullable().default(null),
  lastRun: lastRunSchema.nullable().default(null),
});
export type TargetCursor = z.infer<typeof targetSchema>;

const cursorSchema = z.object({ version: z.literal(1), targets: z.record(z.string(), targetSchema) });
type CursorFile = z.infer<typeof cursorSchema>;

export const EMPTY_TARGET: TargetCursor = { ingestedThrough: null, eventsThrough: null, lastRun: null };

export function detectionsDir(dataDir: string): string {
  return path.join(dataDir, 'detections');
}

const cursorFile = (dataDir: string) => path.join(detectionsDir(dataDir), 'cursor.json');

async function readAll(dataDir: string): Promise<CursorFile> {
  const raw = await readJsonOr<unknown>(cursorFile(dataDir), { version: 1, targets: {} });
  const parsed = cursorSchema.safeParse(raw);
  // A cursor we cannot read only costs a wider run (findings are idempotent): start over, say so.
  if (!parsed.success) {
    console.warn(`detections: ignoring unreadable ${cursorFile(dataDir)} (${parsed.error.issues[0]?.message ?? 'invalid'}); the next run starts over`);
    return { version: 1, targets: {} };
  }
  return parsed.data;
}

export async function readCursor(dataDir: string, target: string): Promise<TargetCursor> {
  return (await readAll(dataDir)).targets[target] ?? EMPTY_TARGET;
}

export async function writeCursor(dataDir: string, target: string, cursor: TargetCursor): Promise<void> {
  const all = await readAll(dataDir);
  all.targets[target] = cursor;
  await writeJsonAtomic(cursorFile(dataDir), all);
}
