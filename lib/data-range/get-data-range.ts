/**
 * The store's extent: its first and last events, and how many there are when that is cheap.
 *
 *   DuckDB ─────────────► dataRange (count, min, max over the store)              every call
 *   S3 table, no date partitions (or no shape) ─► dataRange over the whole trail  cached
 *   S3 table, date partitions:                                                    cached
 *     candidate days (projection range, or the catalog's registered partitions)
 *       ─► existence probes gallop + bisect to the last and first days with data (day-search.ts)
 *       ─► dataRangeExtent over those one or two days: first, last, and what their events name
 *
 * On Athena the count stays null: counting would read the whole trail. The probes read a file or
 * two each; the extent reads the first and last days. Cached per connection (cached-fact.ts) for
 * RANGE_TTL_MS, refreshed in the background; a refresh keeps the known first day for a day.
 */
import { env } from '@/lib/env';
import { cachedFact } from '@/lib/engine/cached-fact';
import type { TableShape } from '@/lib/engine/table-shape';
import { EngineError, type Connection } from '@/lib/engine/types';
import { candidateDays, daysBetween, partitionDay } from '@/lib/data-range/candidate-days';
import { firstWithData, lastWithData } from '@/lib/data-range/day-search';
import { namedInEvents, projectionWarnings, type NamedInEvents, type ProjectionWarning } from '@/lib/data-range/projection-coverage';
import { dataRange, dataRangeExtent, dataRangeProbe, registeredPartitionDays, type DataRangeRow } from '@/lib/data-range/queries/data-range';
import { panelQuery, runPanel, type PanelQuery, type QueryModule } from '@/lib/engine/panel';

export interface DataRange extends DataRangeRow {
  /** The queries that found it (when it was computed; a cached range ran none for this caller). */
  queries: PanelQuery[];
  /** What the probed days' events name, for the projection warnings; null on DuckDB. */
  named: NamedInEvents | null;
  /** When it was computed (ISO-8601). */
  computedAt: string;
}

/** How long a range is served before a background refresh (a live trail's last event moves). */
export const RANGE_TTL_MS = 15 * 60_000;
/** Probes run at once by each end's search (Athena's default quota is 20+ concurrent queries). */
export const PROBE_FANOUT = 4;
/**
 * Partitions one probe may span: its days × the enum projections' accounts × regions. Engines list
 * every projected partition before reading; 59 accounts × 55 regions × a 256-day window (~830,000)
 * did not finish on Trino, so a large organisation's probes span fewer days each.
 */
export const PROBE_PARTITION_BUDGET = 20_000;

/** Days one probe may span under PROBE_PARTITION_BUDGET, given the projection's enums. */
export function probeMaxDays(shape: TableShape | undefined): number {
  let perDay = 1;
  for (const key of ['account', 'region']) {
    const p = shape?.projection?.keys[key];
    if (p?.type === 'enum') perDay *= Math.max(1, p.values.length);
  }
  return Math.max(1, Math.floor(PROBE_PARTITION_BUDGET / perDay));
}
/** How long the first day is trusted before it is looked for again (logs expire by the day at most). */
export const FIRST_DAY_TTL_MS = 24 * 3_600_000;

interface Probed {
  range: DataRange;
  firstDay: string | null;
  firstCheckedAt: number;
}

type Run = <P, R>(module: QueryModule<P, R>, params: P) => Promise<R[]>;

function runner(conn: Connection, queries: PanelQuery[]): Run {
  return async (module, params) => {
    const panel = await runPanel(conn, module, params);
    queries.push(panelQuery(panel));
    return panel.rows;
  };
}

async function countedRange(conn: Connection, signal?: AbortSignal): Promise<DataRange> {
  const panel = await runPanel(conn, dataRange, {}, signal);
  const row = panel.rows[0] ?? { events: 0, first: null, last: null };
  return { ...row, queries: [panelQuery(panel)], named: null, computedAt: new Date().toISOString() };
}

/** The candidate folder days, oldest first. */
async function candidateList(conn: Connection, run: Run): Promise<string[]> {
  const shape = conn.tableShape;
  if (!shape) return [];
  const c = candidateDays(shape, Date.now());
  if (c.kind === 'range') return daysBetween(c.first, c.last);
  if (c.kind === 'registered') {
    const rows = await run(registeredPartitionDays, { keys: c.keys });
    return [...new Set(rows.map((r) => partitionDay(r.day)).filter((d): d is string => d !== null))].sort();
  }
  return [];
}

async function probedRange(conn: Connection, previous: Probed | undefined): Promise<Probed> {
  const queries: PanelQuery[] = [];
  const run = runner(conn, queries);
  const now = Date.now();
  const empty = (): Probed => ({
    range: { events: null, first: null, last: null, queries, named: null, computedAt: new Date(now).toISOString() },
    firstDay: null,
    firstCheckedAt: now,
  });
  const days = await candidateList(conn, run);
  const maxWindow = probeMaxDays(conn.tableShape);
  const anyIn = async (from: number, to: number) => (await run(dataRangeProbe, { firstDay: days[from] as string, lastDay: days[to] as string })).length > 0;
  const hint = previous?.firstDay ? days.indexOf(previous.firstDay) : -1;
  const keepFirst = hint !== -1 && previous?.range.first != null && now - (previous?.firstCheckedAt ?? 0) < FIRST_DAY_TTL_MS;
  // Both ends at once: the page waits for the longer search, not for both.
  const [lastIndex, firstIndex] = await Promise.all([
    lastWithData(days.length, anyIn, { fanout: PROBE_FANOUT, maxWindow }),
    keepFirst ? Promise.resolve(hint) : firstWithData(days.length, anyIn, { from: Math.max(0, hint), fanout: PROBE_FANOUT, maxWindow }),
  ]);
  if (lastIndex === null) return empty();
  // The first search finds a day whenever the last one does, unless the data changed in between.
  const firstDay = days[firstIndex ?? lastIndex] as string;
  const lastDay = days[lastIndex] as string;
  const extentDays = keepFirst || firstDay === lastDay ? [lastDay] : [firstDay, lastDay];
  const rows = await run(dataRangeExtent, { days: extentDays });
  const total = rows.find((r) => r.kind === 'total');
  return {
    range: {
      events: null,
      first: keepFirst ? (previous?.range.first ?? null) : (total?.first ?? null),
      last: total?.last ?? null,
      queries,
      named: namedInEvents(extentDays, rows),
      computedAt: new Date(now).toISOString(),
    },
    firstDay,
    firstCheckedAt: keepFirst ? (previous?.firstCheckedAt ?? now) : now,
  };
}

/**
 * The store's first and last events (and count where cheap). On an engine reading a table over
 * S3 it is computed once per process and refreshed in the background, never per page view.
 */
export async function getDataRange(conn: Connection, signal?: AbortSignal): Promise<DataRange> {
  // The embedded store counts cheaply and changes with every ingest: asked each time.
  if (conn.dialect.source === 'embedded-store') return countedRange(conn, signal);
  // Elsewhere never per call: without a shape to probe by day, one whole count, kept.
  const value = conn.tableShape && conn.dialect.prunesByDay
    ? cachedFact<Probed>(conn, 'data-range', RANGE_TTL_MS, (previous) => probedRange(conn, previous)).then((p) => p.range)
    : cachedFact<DataRange>(conn, 'data-range', RANGE_TTL_MS, () => countedRange(conn));
  const range = await value;
  if (signal?.aborted) throw new EngineError('The query was cancelled.', 'CANCELLED');
  return range;
}

/**
 * Accounts and regions that exist but the table's enum projections do not list (the overview and
 * the health answer show them). Free: configuration, and the names the data-range probe read.
 */
export async function getProjectionWarnings(conn: Connection, signal?: AbortSignal): Promise<ProjectionWarning[]> {
  if (!conn.tableShape?.projection) return [];
  const range = await getDataRange(conn, signal);
  return projectionWarnings(conn.tableShape, range.named, env().TRAILSCOPE_ORG_ACCOUNTS);
}
