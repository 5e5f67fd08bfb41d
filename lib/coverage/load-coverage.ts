import { getDataRange } from '@/lib/data-range/get-data-range';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { coverageCells, coverageWindows, deliveryGaps, overlaps, trailCoverageGap, withoutExplainedSilences, type CoverageCell, type CoverageGap, type CoverageWindows, type Stream } from './coverage';
import { COVERAGE_ROW_LIMIT, coverageCounts, type CoverageCountRow } from './queries/coverage-counts';
import { TRAIL_EVENTS_LIMIT, trailEvents, type TrailEventRow } from './queries/trail-events';
import { trailGaps } from './trail-gaps';

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
  panels: { counts: PanelResult<CoverageCountRow>; trailEvents: PanelResult<TrailEventRow> } | null;
}

/**
 * The coverage of a scope: events (and, with `files`, delivery files) per account × region × UTC
 * day, and the gaps overlapping it: silences the rule calls improbable (silences.ts) and trails
 * stopped or deleted (trail-gaps.ts). Two queries, run together; on Athena each reads its window's
 * partitions once.
 */
export async function loadCoverage(conn: Connection, scope: Scope, options: { files: boolean; signal?: AbortSignal }): Promise<Coverage> {
  const range = await getDataRange(conn, options.signal);
  const windows = coverageWindows(scope, range, conn.dialect.source);
  if (!windows) return { scope, windows, streams: [], cells: [], gaps: [], truncated: { counts: false, trailEvents: false }, panels: null };
  const [counts, trails] = await Promise.all([
    runPanel(conn, coverageCounts, { ...windows.hours, files: options.files }, options.signal),
    runPanel(conn, trailEvents, windows.trail, options.signal),
  ]);
  const truncated = { counts: counts.rows.length > COVERAGE_ROW_LIMIT, trailEvents: trails.rows.length > TRAIL_EVENTS_LIMIT };
  const countRows = truncated.counts ? [] : counts.rows;
  const stopped = trailGaps(trails.rows.slice(0, TRAIL_EVENTS_LIMIT), windows.trail.to).map((t) => trailCoverageGap(t, windows.trail.from));
  const gaps = withoutExplainedSilences([...deliveryGaps(countRows, windows.hours), ...stopped])
    .filter((g) => overlaps(g, scope))
    .sort((a, b) => a.from.localeCompare(b.from) || (a.accountId ?? '').localeCompare(b.accountId ?? '') || (a.region ?? '').localeCompare(b.region ?? ''));
  const { streams, cells } = coverageCells(countRows, gaps, scope);
  return { scope, windows, streams, cells, gaps, truncated, panels: { counts, trailEvents: trails } };
}
