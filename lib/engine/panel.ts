import type { z } from 'zod';
import type { Dialect, HourlySummarySource } from '@/lib/engine/dialect';
import type { Connection, QueryStats } from '@/lib/engine/types';
import type { Sql, SqlParam } from '@/lib/sql/sql';

/**
 * One analysis = one module: a schema for its parameters, a schema for its rows, and a pure
 * `build` that returns SQL for a dialect. `runPanel` is how pages and routes execute them, so
 * every panel can show the SQL it ran and what it cost.
 */
export interface QueryModule<P, R> {
  name: string;
  params: z.ZodType<P>;
  row: z.ZodType<R>;
  build(dialect: Dialect, params: P): Sql;
  /**
   * The same rows from the hourly summary kept at ingest, for an engine that has one and parameters
   * it can answer exactly (windows on the hour); null where it cannot. `build` stays the reference:
   * test/summary-equivalence.int.test.ts compares the two on random windows and subjects.
   */
  fromSummary?(dialect: Dialect, summary: HourlySummarySource, params: P): Sql | null;
  /**
   * Every row the query reads is an STS call: its one read of `dialect.table` requires
   * `eventsource = 'sts.amazonaws.com'`. Where the engine keeps STS calls apart, `build` then reads
   * those (the same rows, a few per cent of the events); the equivalence test runs it both ways.
   */
  readsOnlySts?: true;
}

/** What a panel shows under its rows: the statement, its parameters, what it cost and any notes. */
export interface PanelQuery {
  sql: string;
  params: SqlParam[];
  stats: QueryStats;
  /** What the reader must know about these rows (a column the table lacks was read as NULL). */
  notes: string[];
}

export interface PanelResult<R> extends PanelQuery {
  rows: R[];
}

/** The panel's query without its rows (rows can be large and stay on the server). */
export function panelQuery(p: PanelQuery): PanelQuery {
  return { sql: p.sql, params: p.params, stats: p.stats, notes: p.notes };
}

/** The SQL, parameters, stats and notes of the panels behind a response, as every API answer carries them. */
export function queriesOf(panels: readonly (PanelResult<unknown> | null | undefined)[]): PanelQuery[] {
  return panels.filter((p): p is PanelResult<unknown> => !!p).map(panelQuery);
}

/** The dialect a module is built with: reading the STS calls alone where it may and the engine keeps them. */
export function dialectFor(dialect: Dialect, module: Pick<QueryModule<never, unknown>, 'readsOnlySts'>): Dialect {
  return module.readsOnlySts && dialect.stsEvents ? { ...dialect, table: dialect.stsEvents } : dialect;
}

export async function runPanel<P, R>(
  conn: Connection,
  module: QueryModule<P, R>,
  params: P,
  signal?: AbortSignal,
): Promise<PanelResult<R>> {
  const checked = module.params.parse(params);
  const summary = conn.dialect.summary;
  const built = (summary && module.fromSummary?.(conn.dialect, summary, checked)) || module.build(dialectFor(conn.dialect, module), checked);
  const { sql, params: bound } = built.toQuery();
  const result = await conn.query({ sql, params: bound, tags: { panel: module.name }, signal });
  const rows = result.rows.map((r, i) => {
    const parsed = module.row.safeParse(r);
    if (!parsed.success) throw new Error(`${module.name}: row ${i} has an unexpected shape: ${parsed.error.message}`);
    return parsed.data;
  });
  return { rows, sql, params: bound, stats: result.stats, notes: built.notes() };
}
