/**
 * What a detection run after new data covers (pure): the time the new data spans, cut into scopes
 * a run can take (each rule then starts its own look-back earlier: runDetections' `lookback`). The embedded store says exactly what is new
 * (what arrived after the last run's newest arrival, through compaction too: `arrivalsOf`); over
 * S3 the cursor is an event time,
 * moved back by an overlap because CloudTrail delivers a few minutes late, sometimes hours.
 */
import { arrivalsOf, type Segment } from '@/lib/event-store/manifest';
import type { Scope } from '@/lib/params/scope';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** New segments this close in event time are one scope: a run has a fixed cost, a gap between them does not. */
export const MERGE_GAP_MS = DAY_MS;
/** The longest scope one run takes: bounds what a single Athena query scans, and a run's memory. */
export const MAX_RUN_SCOPE_MS = 31 * DAY_MS;
/** How far before the cursor an S3 run starts again, for events delivered late. */
export const DEFAULT_OVERLAP_MS = 2 * HOUR_MS;
/** Where a first S3 run starts when neither a cursor nor --since says. */
export const FIRST_RUN_MS = DAY_MS;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const floorHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
const ceilHour = (ms: number) => Math.ceil(ms / HOUR_MS) * HOUR_MS;

/**
 * Cuts [from, to) into scopes of at most MAX_RUN_SCOPE_MS, on the hour (so the embedded store can
 * answer from its hourly summary).
 */
export function runScopes(fromMs: number, toMs: number): Scope[] {
  const from = floorHour(fromMs);
  const to = Math.max(ceilHour(toMs), from + HOUR_MS);
  const scopes: Scope[] = [];
  for (let start = from; start < to; start += MAX_RUN_SCOPE_MS) scopes.push({ from: iso(start), to: iso(Math.min(to, start + MAX_RUN_SCOPE_MS)) });
  return scopes;
}

export interface NewSegments {
  /** The scopes to run, in time order. */
  scopes: Scope[];
  /** Arrivals judged new (segments as ingest wrote them). */
  segments: number;
  /** The newest arrival among them: the cursor once they are detected (null: nothing new). */
  ingestedThrough: string | null;
}

/**
 * What arrived in the embedded store after `ingestedThrough` (everything when null), as scopes:
 * each arrival's event-time range widened to the hour, ranges closer than MERGE_GAP_MS merged.
 */
export function scopesForNewSegments(segments: readonly Segment[], ingestedThrough: string | null): NewSegments {
  const fresh = segments.flatMap(arrivalsOf).filter((s) => ingestedThrough === null || s.createdAt > ingestedThrough);
  if (fresh.length === 0) return { scopes: [], segments: 0, ingestedThrough: null };
  const ranges = fresh.map((s) => ({ from: Date.parse(s.minTime), to: Date.parse(s.maxTime) + 1000 })).sort((a, b) => a.from - b.from);
  const merged: { from: number; to: number }[] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r.from <= last.to + MERGE_GAP_MS) last.to = Math.max(last.to, r.to);
    else merged.push({ ...r });
  }
  return {
    scopes: merged.flatMap((r) => runScopes(r.from, r.to)),
    segments: fresh.length,
    ingestedThrough: fresh.reduce((latest, s) => (s.createdAt > latest ? s.createdAt : latest), fresh[0]!.createdAt),
  };
}

/**
 * An S3 engine's next window: from `since` (the operator's), else the cursor less the overlap,
 * else FIRST_RUN_MS before `until`; to `until`. Null when there is nothing to run.
 */
export function windowSinceCursor(options: { eventsThrough: string | null; since?: string; until: number; overlapMs: number }): { from: number; to: number } | null {
  const from =
    options.since !== undefined
      ? Date.parse(options.since)
      : options.eventsThrough !== null
        ? Date.parse(options.eventsThrough) - options.overlapMs
        : options.until - FIRST_RUN_MS;
  return from < options.until ? { from, to: options.until } : null;
}
