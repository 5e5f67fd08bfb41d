/**
 * `npm run detect -- [--since ISO] [--until ISO] [--overlap-minutes N]`: the built-in detections
 * over what is new since the last run, on the configured engine (TRAILSCOPE_ENGINE). Cron-friendly:
 * it remembers how far it got (`<data dir>/detections/cursor.json`), a run already in progress makes
 * it exit quietly, and it exits 1 when a rule failed (that window is retried next time). Findings go
 * to the findings store, or, while the app runs, to its inbox, which the app imports.
 */
import { env } from '@/lib/env';
import { getConnection } from '@/lib/engine';
import { detectNew, detectionTarget } from '@/lib/detections/detect-new';
import { formatDetectNew } from '@/lib/detections/format-run';
import { LockBusyError } from '@/lib/event-store/lock';
import { parseIsoUtc } from '@/lib/time';
import { closeStateDb } from '@/lib/state/db';
import { settleNotifications } from '@/lib/notifications/notify';

const USAGE = `usage: npm run detect -- [--since 2026-11-01T00:00:00Z] [--until ISO] [--overlap-minutes N]
  --since             start here instead of where the last run stopped
  --until             stop here instead of now
  --overlap-minutes   S3 engines: how far before the last run's end to start again, for late deliveries (default 120)`;

function parseArgs(argv: readonly string[]): { since?: string; until?: string; overlapMs?: number } {
  const out: { since?: string; until?: string; overlapMs?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--') continue;
    if (value === undefined) throw new Error(`${flag} needs a value`);
    i++;
    if (flag === '--since' || flag === '--until') {
      if (parseIsoUtc(value) === null) throw new Error(`${flag} must be an ISO-8601 UTC instant such as 2026-11-18T09:00:00Z, not ${value}`);
      out[flag === '--since' ? 'since' : 'until'] = new Date(parseIsoUtc(value)!).toISOString().replace(/\.\d{3}Z$/, 'Z');
    } else if (flag === '--overlap-minutes') {
      const minutes = Number(value);
      if (!Number.isInteger(minutes) || minutes < 0 || minutes > 7 * 24 * 60) throw new Error('--overlap-minutes must be a whole number of minutes, at most a week');
      out.overlapMs = minutes * 60_000;
    } else throw new Error(`unknown option ${flag}`);
  }
  if (out.since && out.until && out.since >= out.until) throw new Error('--since must be before --until');
  return out;
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const e = env();
  const conn = await getConnection();
  try {
    const result = await detectNew({ conn, engine: e.TRAILSCOPE_ENGINE, dataDir: e.TRAILSCOPE_DATA_DIR, target: detectionTarget(e), ...args });
    console.log(formatDetectNew(result));
    return result.errors.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof LockBusyError) {
      console.log(error.message);
      return 0;
    }
    throw error;
  } finally {
    await settleNotifications();
    await conn.close();
    await closeStateDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`detect failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
