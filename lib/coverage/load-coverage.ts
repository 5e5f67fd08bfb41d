import { getDataRange } from '@/lib/data-range/get-data-range';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { coverageCells, coverageWindows, deliveryGaps, hourSpans, overlaps, trailCoverageGap, withoutExplainedSilences, type CoverageCell, type CoverageGap, type CoverageWindows, type Stream } from './coverage';
import { COVERAGE_ROW_LIMIT, coverageCounts, type CoverageCountRow } from './queries/coverage-counts';
import { TRAIL_EVENT_HOURS_LIMIT, TRAIL_EVENT_SPANS_LIMIT, TRAIL_EVENTS_LIMIT, trailEventHours, trailEvents, type TrailEventRow } from './queries/trail-events';
import { trailGaps } from './trail-gaps';

export interface CoveragePanels {
  counts: PanelResult<CoverageCountRow>;
  /** Where the trail calls are, from the hourly summary (DuckDB only). */
  trailHours: PanelResult<{ hour: string }> | null;
  /** The trail calls; null when the summary showed none. */
  trailEvents: PanelResult<TrailEventRow> | null;
}

export interface Coverage {
  scope: Scope;
  /** What was examined; null when the data does not reach the scope (nothing was queried). */
  windows: CoverageWindows | null;
  /** The account × region rows of the heat map, and its cells (every row × every day of the scope). */
  streams: Stream[];
  cells: CoverageCell[];
  /** Gaps overlapping the scope, oldest first. */
  gaps: CoverageGap[];
  /** A query hit its row limit: `counts` leaves the cells and silences out (judging part of the hours would mislead). */
  truncated: { counts: boolean; trailEvents: boolean };
  panels: CoveragePanels | null;
}

/**
 * The coverage of a scope: events (and, with `files`, delivery files) per account × region × UTC
 * day, and the gaps overlapping it: silences the rule calls improbable (silences.ts) and trails
 * stopped or deleted (trail-gaps.ts). The counts and the trail calls are read at once; on Athena
 * each reads its window's partitions once.
 */
export async function loadCoverage(conn: Connection, scope: Scope, options: { files: boolean; signal?: AbortSignal }): Promise<Coverage> {
  const range = await getDataRange(conn, options.signal);
  const windows = coverageWindows(scope, range, conn.dialect.source);
  if (!windows) return { scope, windows, streams: [], cells: [], gaps: [], truncated: { counts: false, trailEvents: false }, panels: null };
  const [counts, trails] = await Promise.all([runPanel(conn, coverageCounts, { ...windows.hours, days: options.files ? windows.days : null }, options.signal), readTrailCalls(conn, windows.trail, options.signal)]);
  const truncated = { counts: counts.rows.length > COVERAGE_ROW_LIMIT, trailEvents: (trails.trailEvents?.rows.length ?? 0) > TRAIL_EVENTS_LIMIT };
  const countRows = truncated.counts ? [] : counts.rows;
  const stopped = trailGaps((trails.trailEvents?.rows ?? []).slice(0, TRAIL_EVENTS_LIMIT), windows.trail.to).map((t) => trailCoverageGap(t, windows.trail.from));
  const gaps = withoutExplainedSilences([...deliveryGaps(countRows, windows.hours), ...stopped])
    .filter((g) => overlaps(g, scope))
    .sort((a, b) => a.from.localeCompare(b.from) || (a.accountId ?? '').localeCompare(b.accountId ?? '') || (a.region ?? '').localeCompare(b.region ?? ''));
  const { streams, cells } = coverageCells(countRows, gaps, scope);
  return { scope, windows, streams, cells, gaps, truncated, panels: { counts, ...trails } };
}

/**
 * The trail calls of the window. Where the engine keeps the hourly summary, it first says which
 * hours hold any (a 10M-event store's whole history is otherwise read for a handful of calls), and
 * only those hours are read; none, and nothing is. Elsewhere the window is read once.
 */
async function readTrailCalls(conn: Connection, window: Scope, signal?: AbortSignal): Promise<Pick<CoveragePanels, 'trailHours' | 'trailEvents'>> {
  if (!conn.dialect.summary) return { trailHours: null, trailEvents: await runPanel(conn, trailEvents, window, signal) };
  const trailHours = await runPanel(conn, trailEventHours, window, signal);
  if (trailHours.rows.length === 0) return { trailHours, trailEvents: null };
  const spans = trailHours.rows.length > TRAIL_EVENT_HOURS_LIMIT ? [] : hourSpans(trailHours.rows.map((r) => r.hour));
  const narrowed = spans.length > 0 && spans.length <= TRAIL_EVENT_SPANS_LIMIT ? { spans } : {};
  return { trailHours, trailEvents: await runPanel(conn, trailEvents, { ...window, ...narrowed }, signal) };
}
