/**
 * Detections over what is new since the last run: after every ingest (the ingest CLI, the demo,
 * the app's background loop noticing a new manifest) on the embedded store, and from
 * `npm run detect` (cron) on any engine. One run at a time per data dir (a lock file); the cursor
 * moves only when every rule ran, so a failed query is retried by the next run. Findings keep
 * their ids, so widening a run, or running twice, only merges.
 */
import path from 'node:path';
import type { Env } from '@/lib/env';
import { arrivalsOf, readManifest } from '@/lib/event-store/manifest';
import { storeLayout } from '@/lib/event-store/layout';
import { acquireLock, LockBusyError } from '@/lib/event-store/lock';
import type { Connection, EngineName } from '@/lib/engine/types';
import type { Finding } from '@/lib/findings/types';
import { mergeFindings } from '@/lib/findings/merge';
import type { Scope } from '@/lib/params/scope';
import { detectionsDir, readCursor, writeCursor, type LastRun, type TargetCursor } from './cursor';
import { deliverFindings, type Delivery } from './deliver';
import { DEFAULT_OVERLAP_MS, runScopes, scopesForNewSegments, windowSinceCursor } from './new-data';
import { runCost, runDetections, type RuleRun } from './run';
import { resolvePendingOrigins } from '@/lib/findings/origins';
import { announceIncidents } from '@/lib/incidents/announce';
import { settleNotifications } from '@/lib/notifications/notify';
import { getDataRange } from '@/lib/data-range/get-data-range';

/** What a cursor belongs to: the embedded store of this data dir, or one S3 table. */
export function detectionTarget(e: Pick<Env, 'TRAILSCOPE_ENGINE' | 'TRAILSCOPE_ATHENA_CATALOG' | 'TRAILSCOPE_ATHENA_DATABASE' | 'TRAILSCOPE_ATHENA_TABLE' | 'TRAILSCOPE_TRINO_URL' | 'TRAILSCOPE_TRINO_CATALOG' | 'TRAILSCOPE_TRINO_SCHEMA' | 'TRAILSCOPE_TRINO_TABLE'>): string {
  switch (e.TRAILSCOPE_ENGINE) {
    case 'duckdb':
      return 'duckdb';
    case 'athena':
      return `athena:${e.TRAILSCOPE_ATHENA_CATALOG}.${e.TRAILSCOPE_ATHENA_DATABASE}.${e.TRAILSCOPE_ATHENA_TABLE}`;
    case 'trino':
      return `trino:${e.TRAILSCOPE_TRINO_URL ?? ''}/${e.TRAILSCOPE_TRINO_CATALOG ?? ''}.${e.TRAILSCOPE_TRINO_SCHEMA ?? ''}.${e.TRAILSCOPE_TRINO_TABLE}`;
  }
}

export interface DetectNewOptions {
  conn: Connection;
  engine: EngineName;
  dataDir: string;
  target: string;
  /** Run over [since, until) whatever the cursor says (the cursor still moves forward, never back). */
  since?: string;
  until?: string;
  /** S3 engines: how far before the cursor a run starts again (late deliveries). */
  overlapMs?: number;
  now?: number;
  signal?: AbortSignal;
  /** Findings' destination; the app-state store or its inbox by default. */
  deliver?: (findings: readonly Finding[]) => Promise<Delivery>;
}

export interface DetectNewResult {
  scopes: Scope[];
  /** Embedded store: how many segments were new. */
  newSegments: number | null;
  findings: Finding[];
  perRule: RuleRun[];
  delivery: Delivery;
  /** Rules that failed (their queries are retried next time: the cursor did not move). */
  errors: string[];
  cursor: TargetCursor;
  cost: ReturnType<typeof runCost>;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function plan(options: DetectNewOptions, cursor: TargetCursor, manifestSegments: Parameters<typeof scopesForNewSegments>[0] | null, now: number) {
  if (manifestSegments && options.since === undefined) {
    const fresh = scopesForNewSegments(manifestSegments, cursor.ingestedThrough);
    return { scopes: fresh.scopes, newSegments: fresh.segments, next: { ...cursor, ingestedThrough: fresh.ingestedThrough ?? cursor.ingestedThrough } };
  }
  const until = options.until !== undefined ? Date.parse(options.until) : Math.floor(now / 1000) * 1000;
  const window = windowSinceCursor({ eventsThrough: cursor.eventsThrough, since: options.since, until, overlapMs: options.overlapMs ?? DEFAULT_OVERLAP_MS });
  const latest = cursor.eventsThrough !== null && Date.parse(cursor.eventsThrough) > until ? cursor.eventsThrough : iso(until);
  // An explicit --since on the embedded store also counts every segment seen so far as detected.
  const ingestedThrough = manifestSegments?.flatMap(arrivalsOf).reduce<string | null>((l, s) => (l === null || s.createdAt > l ? s.createdAt : l), cursor.ingestedThrough) ?? cursor.ingestedThrough;
  return { scopes: window ? runScopes(window.from, window.to) : [], newSegments: null, next: { ...cursor, eventsThrough: latest, ingestedThrough } };
}

/** Detections over the new data; see the module comment. Throws LockBusyError when another run holds the lock. */
export async function detectNew(options: DetectNewOptions): Promise<DetectNewResult> {
  const release = await acquireLock(path.join(detectionsDir(options.dataDir), 'run.lock'), (pid) => `Detections are already running (pid ${pid}).`);
  try {
    const now = options.now ?? Date.now();
    const cursor = await readCursor(options.dataDir, options.target);
    const segments = options.engine === 'duckdb' ? (await readManifest(storeLayout(options.dataDir))).segments : null;
    const { scopes, newSegments, next } = plan(options, cursor, segments, now);

    // A finding seen in two scopes of the run is one finding, as the store would merge it.
    const byId = new Map<string, Finding>();
    const perRule: RuleRun[] = [];
    for (const scope of scopes) {
      const run = await runDetections(options.conn, scope, options.signal, { lookback: true });
      for (const f of run.findings) byId.set(f.id, byId.has(f.id) ? mergeFindings(byId.get(f.id)!, f) : f);
      perRule.push(...run.perRule);
    }
    const findings = [...byId.values()];
    const delivery = await (options.deliver ?? ((f) => deliverFindings(options.dataDir, f)))(findings);
    const errors = perRule.flatMap((r) => (r.error ? [`${r.rule}: ${r.error}`] : []));
    const cost = runCost(perRule);
    const lastRun: LastRun = {
      at: new Date(now).toISOString(),
      scopes,
      findings: findings.length,
      inserted: delivery.to === 'state' ? delivery.inserted : 0,
      updated: delivery.to === 'state' ? delivery.updated : 0,
      delivered: delivery.to,
      errors,
      ...cost,
    };
    const written: TargetCursor = errors.length === 0 ? { ...next, lastRun } : { ...cursor, lastRun };
    await writeCursor(options.dataDir, options.target, written);
    return { scopes, newSegments, findings, perRule, delivery, errors, cursor: written, cost };
  } finally {
    await release();
  }
}

/**
 * After an ingest into the embedded store: detections over the segments it added (and any earlier
 * ones no run saw). When another run holds the lock (the app's loop), that run's next look at the
 * manifest covers them: the result is null.
 */
export async function detectAfterIngest(dataDir: string): Promise<DetectNewResult | null> {
  const { createDuckDbConnection } = await import('@/lib/engine/duckdb/connection');
  const conn = await createDuckDbConnection({ dataDir });
  try {
    const result = await detectNew({ conn, engine: 'duckdb', dataDir, target: 'duckdb' });
    // Written here, so resolved here too: the app opens with its incidents already grouped.
    if (result.delivery.to === 'state') {
      let first: Promise<string | null> | undefined;
      const dataStart = () => (first ??= getDataRange(conn).then((r) => r.first));
      let resolved = 0;
      for (let n; (n = await resolvePendingOrigins(conn, dataStart, 100)) > 0; ) resolved += n;
      if (resolved > 0) await announceIncidents();
      // A CLI exits next: the webhooks hear about the findings and incidents first.
      await settleNotifications();
    }
    return result;
  } catch (error) {
    if (error instanceof LockBusyError) return null;
    throw error;
  } finally {
    await conn.close();
  }
}
