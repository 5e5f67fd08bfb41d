import { fitsBoundLiteral } from './bound-limit';
import { join, sql, type Sql } from './sql';

/**
 * `expr` is one of `values`, with the values packed into as few bound parameters as Athena's
 * 1,024-character limit per parameter allows (lib/sql/bound-limit.ts):
 *
 *   strpos(',A,B,C' || ',D,E' || ',', ',' || expr || ',') > 0
 *
 * An IN list needs one ExecutionParameter per value; thousands of access keys would be thousands
 * of parameters (a count Athena documents no limit for) or, split into batches, as many scans of
 * the same days. Packed, 5,000 keys of 20 characters are about 100 parameters in one query. The
 * same rows on DuckDB and Trino: `strpos` and `||` mean the same on both, and a NULL `expr`
 * matches nothing, as in an IN list. Chunks start with the separator and the list ends with one,
 * so the joined text is `,v1,v2,…,vn,` and never holds an empty entry (`,,`).
 *
 * Values must be non-empty and must not contain the separator (callers pass validated ids).
 */
const SEPARATOR = ',';

/** Whether `v` can be packed: non-empty, without the separator, short enough for one bound value. */
export function isPackable(v: string): boolean {
  return v !== '' && !v.includes(SEPARATOR) && fitsBoundLiteral(`${SEPARATOR}${v}`);
}

/** The values as parameter texts `,v1,v2…`, each fitting one bound value. */
export function packValues(values: readonly string[]): string[] {
  const chunks: string[] = [];
  let chunk = '';
  for (const v of values) {
    if (v === '' || v.includes(SEPARATOR)) throw new Error(`Cannot pack ${JSON.stringify(v)}: empty or containing "${SEPARATOR}"`);
    const item = `${SEPARATOR}${v}`;
    if (!fitsBoundLiteral(item)) throw new Error(`Cannot pack a value of ${v.length} characters: longer than one bound value`);
    if (fitsBoundLiteral(chunk + item)) chunk += item;
    else {
      chunks.push(chunk);
      chunk = item;
    }
  }
  if (chunk !== '') chunks.push(chunk);
  return chunks;
}

export function inPackedList(expr: Sql, values: readonly string[]): Sql {
  const chunks = packValues(values);
  if (chunks.length === 0) return sql`FALSE`;
  return sql`strpos(${join([...chunks.map((c) => sql`${c}`), sql`','`], ' || ')}, ',' || ${expr} || ',') > 0`;
}
