/**
 * Where a detection run's findings go. In the process that holds the app-state database (the app,
 * or a CLI while the app is down) they are written at once; otherwise (`npm run detect` or an
 * ingest while the app runs: DuckDB lets one process open the file) they wait in
 * `<data dir>/detections/inbox/` as one JSON file per run, and the app imports them (importInbox,
 * called by its background loop). Nothing is lost either way, and importing twice is harmless:
 * findings merge by id.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { saveFindingsAndNotify } from '@/lib/notifications/notify';
import { findingSchema } from '@/lib/findings/schema';
import type { Finding } from '@/lib/findings/types';
import { isStateLockedElsewhere } from '@/lib/state/db';
import { z } from '@/lib/zod';
import { writeJsonAtomic } from '@/lib/event-store/json-file';
import { detectionsDir } from './cursor';

export type Delivery = { to: 'state'; inserted: number; updated: number } | { to: 'inbox'; file: string } | { to: 'none' };

const inboxDir = (dataDir: string) => path.join(detectionsDir(dataDir), 'inbox');
const inboxFileSchema = z.object({ version: z.literal(1), createdAt: z.string(), findings: z.array(z.unknown()) });

export async function deliverFindings(dataDir: string, findings: readonly Finding[]): Promise<Delivery> {
  if (findings.length === 0) return { to: 'none' };
  try {
    return { to: 'state', ...(await saveFindingsAndNotify(findings)) };
  } catch (error) {
    if (!isStateLockedElsewhere(error)) throw error;
  }
  // Named by time so the app imports runs in the order they happened.
  const file = path.join(inboxDir(dataDir), `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${randomBytes(3).toString('hex')}.json`);
  await writeJsonAtomic(file, { version: 1, createdAt: new Date().toISOString(), findings });
  return { to: 'inbox', file };
}

export interface InboxImport {
  files: number;
  inserted: number;
  updated: number;
  /** Findings that failed validation (counted, not written), and files that were not an inbox file at all (renamed `.rejected`). */
  skippedFindings: number;
  rejectedFiles: string[];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Writes every waiting inbox file into the findings store and removes it. */
export async function importInbox(dataDir: string): Promise<InboxImport> {
  const dir = inboxDir(dataDir);
  const result: InboxImport = { files: 0, inserted: 0, updated: 0, skippedFindings: 0, rejectedFiles: [] };
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return result;
    throw error;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    const parsed = inboxFileSchema.safeParse(parseJson(await fs.readFile(file, 'utf8')));
    if (!parsed.success) {
      await fs.rename(file, `${file}.rejected`);
      result.rejectedFiles.push(name);
      continue;
    }
    const findings = parsed.data.findings.flatMap((f) => {
      const checked = findingSchema.safeParse(f);
      if (!checked.success) result.skippedFindings++;
      return checked.success ? [checked.data] : [];
    });
    const saved = await saveFindingsAndNotify(findings);
    await fs.rm(file, { force: true });
    result.files++;
    result.inserted += saved.inserted;
    result.updated += saved.updated;
  }
  return result;
}
