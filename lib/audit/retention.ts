/**
 * How long audit entries are kept (`TRAILSCOPE_AUDIT_RETENTION_DAYS`, 0 = forever) and how often
 * the purge runs. Purging on write, at most hourly, needs no scheduler and costs one DELETE an
 * hour on a busy server; a server nobody uses keeps old entries until the next write, which is
 * harmless: nothing new is being recorded then either.
 */

const DAY_MS = 24 * 3600 * 1000;
export const PURGE_INTERVAL_MS = 3600 * 1000;

/** Entries recorded before this instant are past retention; null when they are kept forever. */
export function retentionCutoff(now: number, retentionDays: number): string | null {
  if (retentionDays <= 0) return null;
  return new Date(now - retentionDays * DAY_MS).toISOString();
}

/** Whether a write at `now` should purge: never purged in this process, or not for an hour. */
export function purgeDue(lastPurge: number | undefined, now: number): boolean {
  return lastPurge === undefined || now - lastPurge >= PURGE_INTERVAL_MS;
}
