/**
 * Athena execution parameters.
 *
 * `StartQueryExecution.ExecutionParameters` are positional strings applied to the `?` placeholders
 * in order, and Athena reads each one as SQL (the docs: string values must be enclosed in single
 * quotes; `CAST('2014-07-05' AS DATE)` is a valid value). So a parameter is only safe if it is a
 * single, well-formed literal: this module is the one place that turns a bound value into one.
 * An unquoted or badly escaped string would be injected SQL, not data.
 *
 * API limits (StartQueryExecution): at least one item when present, each 1..1024 characters
 * (lib/sql/bound-limit.ts, which request validation applies up front on every engine).
 */
import type { SqlParam } from '@/lib/sql/sql';
import { MAX_BOUND_LITERAL_LENGTH } from '@/lib/sql/bound-limit';
import { EngineError } from '@/lib/engine/types';

export const MAX_PARAMETER_LENGTH = MAX_BOUND_LITERAL_LENGTH;

/** Renders a bound value as a Trino literal: 'text' with '' escaping, numbers, TRUE/FALSE, NULL. */
export function toSqlLiteral(value: SqlParam): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new EngineError(`Cannot bind a non-finite number (${value})`, 'QUERY_FAILED');
    // Integers stay exact BIGINT literals; anything else is written in exponent form so Trino
    // reads it as DOUBLE (a plain `0.1` would be a DECIMAL with different arithmetic).
    return Number.isSafeInteger(value) ? String(value) : value.toExponential();
  }
  if (value.includes('\u0000')) {
    throw new EngineError('Cannot bind a string containing a NUL character', 'QUERY_FAILED');
  }
  // Trino string literals have no backslash escapes: doubling the quote is the only escape needed.
  return `'${value.replaceAll("'", "''")}'`;
}

/** The ExecutionParameters for a query, or undefined when it has none (the API rejects []). */
export function toExecutionParameters(params: readonly SqlParam[]): string[] | undefined {
  if (params.length === 0) return undefined;
  return params.map((p, i) => {
    const literal = toSqlLiteral(p);
    if (literal.length > MAX_PARAMETER_LENGTH) {
      throw new EngineError(
        `Bound value #${i + 1} is ${literal.length} characters as a SQL literal; Athena accepts at most ${MAX_PARAMETER_LENGTH}`,
        'QUERY_FAILED',
      );
    }
    return literal;
  });
}

/**
 * Positions of the `?` placeholders outside string literals, quoted identifiers and comments.
 * Athena does not treat a quoted '?' as a parameter, so neither do we.
 */
export function placeholderPositions(sql: string): number[] {
  const positions: number[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "'" || c === '"') {
      // Skip the quoted run; a doubled quote is an escaped quote and stays inside.
      i++;
      while (i < sql.length) {
        if (sql[i] === c) {
          if (sql[i + 1] === c) i += 2;
          else break;
        } else i++;
      }
      i++;
    } else if (c === '-' && next === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else {
      if (c === '?') positions.push(i);
      i++;
    }
  }
  return positions;
}

/**
 * The SQL with each placeholder replaced by its literal: for the "show SQL" panel and for pasting
 * into the Athena console. Never sent to Athena by the connection (it binds parameters instead).
 */
export function inlineParameters(sql: string, params: readonly SqlParam[]): string {
  const positions = placeholderPositions(sql);
  assertParameterCount(positions.length, params.length);
  let out = '';
  let last = 0;
  positions.forEach((pos, i) => {
    out += sql.slice(last, pos) + toSqlLiteral(params[i] as SqlParam);
    last = pos + 1;
  });
  return out + sql.slice(last);
}

export function assertParameterCount(placeholders: number, params: number): void {
  if (placeholders !== params) {
    throw new EngineError(
      `The query has ${placeholders} placeholder(s) but ${params} bound value(s)`,
      'QUERY_FAILED',
    );
  }
}
