import type { DuckDBConnection } from '@duckdb/node-api';
import { empty, join, sql, type Sql, type SqlParam } from '@/lib/sql/sql';

/**
 * How the app-state stores run SQL: composed with the `sql` template like the analysis queries,
 * every value bound as a `?` parameter, so no store writes a value into statement text.
 */

export type StateRow = Record<string, unknown>;

// Without values, the text runs as it is rather than prepared: a migration holds several statements.
function bound(statement: Sql): [string, SqlParam[] | undefined] {
  const { sql, params } = statement.toQuery();
  return [sql, params.length > 0 ? params : undefined];
}

/** Runs a statement; returns how many rows it changed. */
export async function execute(connection: DuckDBConnection, statement: Sql): Promise<number> {
  const result = await connection.run(...bound(statement));
  return Number(result.rowsChanged);
}

/** Runs a query; returns its rows as plain JavaScript values. */
export async function select(connection: DuckDBConnection, statement: Sql): Promise<StateRow[]> {
  const reader = await connection.runAndReadAll(...bound(statement));
  return reader.getRowObjectsJS();
}

/** `WHERE a AND b …` over the clauses of the filters that are set (one not set gives `false`), or nothing. */
export function whereAll(clauses: readonly (Sql | false)[]): Sql {
  const set = clauses.filter((clause): clause is Sql => clause !== false);
  return set.length ? sql`WHERE ${join(set, ' AND ')}` : empty;
}
