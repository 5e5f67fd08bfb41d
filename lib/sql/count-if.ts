import { sql, type Sql } from './sql';

/**
 * How many rows of a group satisfy `predicate`: a number on both engines, 0 when none do. DuckDB's
 * `count_if` is NULL for a group with no rows (a scalar aggregate or the `()` grouping set over a
 * window where nothing happened) and for one whose predicate is NULL on every row, where Athena's is
 * 0; a NULL count fails the panel's row schema and turns "nothing happened" into a 500. `count` of
 * a CASE is never NULL on either engine, and a NULL predicate counts as false.
 */
export function countIf(predicate: Sql): Sql {
  return sql`count(CASE WHEN ${predicate} THEN 1 END)`;
}
