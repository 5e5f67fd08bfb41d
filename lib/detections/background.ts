/**
 * The app's own loop: at start it brings the stored findings' ATT&CK techniques up to the bundled
 * mapping; then every BACKGROUND_INTERVAL_MS it imports the findings other processes queued
 * (deliver.ts: an ingest or `npm run detect` while the app holds the state database) and, on the
 * embedded store, runs the detections over segments no run has seen (an ingest started with
 * --no-detect, one that stopped before detecting, a store from an older version), and resolves the
 * origin identity of findings that have none yet (ORIGINS_PER_PASS at a time). S3 engines'
 * detections are left to `npm run detect` on a schedule the operator chooses: each run is billed.
 */
import { env } from '@/lib/env';
import { getConnection } from '@/lib/engine';
import { manifestToken } from '@/lib/event-store/manifest';
import { storeLayout } from '@/lib/event-store/layout';
import { LockBusyError } from '@/lib/event-store/lock';
import { detectNew } from './detect-new';
import { importInbox } from './deliver';
import { formatDetectNew } from './format-run';
import { refreshStoredTechniques } from '@/lib/findings/store';
import { resolvePendingOrigins } from '@/lib/findings/origins';
import { announceIncidents } from '@/lib/incidents/announce';
import { getDataRange } from '@/lib/data-range/get-data-range';

export const BACKGROUND_INTERVAL_MS = 15_000;

const LOOP = Symbol.for('trailscope.detections.loop');
const holder = globalThis as typeof globalThis & { [LOOP]?: { timer: NodeJS.Timeout | null } };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One pass of the loop; `seen` is the manifest token the last completed run looked at. */
export async function backgroundPass(dataDir: string, engine: string, seen: string | null): Promise<string | null> {
  const imported = await importInbox(dataDir);
  if (imported.files > 0 || imported.rejectedFiles.length > 0) {
    console.log(
      `detections: imported ${imported.files} queued run(s): ${imported.inserted} new findings, ${imported.updated} updated` +
        (imported.skippedFindings ? `, ${imported.skippedFindings} invalid findings skipped` : '') +
        (imported.rejectedFiles.length ? `; not inbox files, renamed .rejected: ${imported.rejectedFiles.join(', ')}` : ''),
    );
  }
  let next = seen;
  if (engine === 'duckdb') {
    const token = await manifestToken(storeLayout(dataDir));
    if (token !== seen) {
      try {
        const result = await detectNew({ conn: await getConnection(), engine: 'duckdb', dataDir, target: 'duckdb' });
        if (result.scopes.length > 0) console.log(formatDetectNew(result));
        next = token;
      } catch (error) {
        if (!(error instanceof LockBusyError)) throw error;
      }
    }
  }
  // Who is behind the newest findings, a few per pass: incidents group on it.
  const conn = await getConnection();
  if ((await resolvePendingOrigins(conn, async () => (await getDataRange(conn)).first)) > 0) await announceIncidents();
  return next;
}

/** Starts the loop once per process (Next may evaluate this module more than once). */
export function startBackgroundDetections(): void {
  if (holder[LOOP]) return;
  const state: { timer: NodeJS.Timeout | null } = { timer: null };
  holder[LOOP] = state;
  const { TRAILSCOPE_DATA_DIR: dataDir, TRAILSCOPE_ENGINE: engine } = env();
  let seen: string | null = null;
  let refreshed = false;
  const tick = async () => {
    if (!refreshed) {
      // Once per start: the bundled ATT&CK mapping may be newer than the techniques stored.
      refreshed = await refreshStoredTechniques().then(
        (n) => {
          if (n > 0) console.log(`findings: ATT&CK techniques recomputed for ${n} finding(s)`);
          return true;
        },
        (error: unknown) => {
          console.error(`findings: could not recompute ATT&CK techniques: ${message(error)}`);
          return false;
        },
      );
    }
    try {
      seen = await backgroundPass(dataDir, engine, seen);
    } catch (error) {
      console.error(`detections: the background run failed, retrying in ${BACKGROUND_INTERVAL_MS / 1000} s: ${message(error)}`);
    }
    state.timer = setTimeout(() => void tick(), BACKGROUND_INTERVAL_MS);
    state.timer.unref();
  };
  void tick();
}
