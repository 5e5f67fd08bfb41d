/**
 * How long a value bound into a query may be, on every engine.
 *
 * Athena sends each bound value as one ExecutionParameter, and an ExecutionParameter is SQL: a
 * string goes as a quoted literal, `'value'`, each `'` inside doubled (lib/engine/athena/
 * parameters.ts). The StartQueryExecution API takes 1 to 1,024 characters per parameter. DuckDB has
 * no such limit, but a request that works on one engine must work on the other, so request
 * validation applies this rule whatever the engine (lib/params/validators.ts `boundText`), and the
 * limit is derived here, once, from the literal Athena receives.
 *
 * Lengths are JavaScript string lengths (UTF-16 code units), never fewer than the characters
 * Athena counts, so a value that fits here fits there.
 */

/** StartQueryExecution: each ExecutionParameters item is 1..1,024 characters. */
export const MAX_BOUND_LITERAL_LENGTH = 1024;

/** The length of `value` as Athena receives it: quoted, with each `'` doubled. */
export function boundLiteralLength(value: string): number {
  let quotes = 0;
  for (const c of value) if (c === "'") quotes++;
  return value.length + quotes + 2;
}

export function fitsBoundLiteral(value: string): boolean {
  return boundLiteralLength(value) <= MAX_BOUND_LITERAL_LENGTH;
}

/**
 * The longest text that always fits once bound: `added` is what the query adds to it before
 * binding (a LIKE pattern's two `%`, escape characters), `mayContainQuotes` whether a `'` can
 * occur in it (each counts twice).
 */
export function maxBoundTextLength({ added = 0, mayContainQuotes = false }: { added?: number; mayContainQuotes?: boolean } = {}): number {
  const room = MAX_BOUND_LITERAL_LENGTH - 2 - added;
  return mayContainQuotes ? Math.floor(room / 2) : room;
}
