import { getConnection } from '@/lib/engine';
import type { Connection } from '@/lib/engine/types';
import { ParamError } from '@/lib/params/param-error';
import { resolveScope, scopeParams, type Scope } from '@/lib/params/scope';
import { getDataRange } from '@/lib/data-range/get-data-range';
import type { DataRangeRow } from '@/lib/data-range/queries/data-range';

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** The first value of each query parameter, as the URL gave it. */
export function firstValues(sp: SearchParamsRecord): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

export interface PageScope {
  conn: Connection;
  range: DataRangeRow;
  scope: Scope;
}

/** What every scoped page starts with: the engine, the data's extent and the validated scope. */
export async function loadPageScope(sp: SearchParamsRecord): Promise<PageScope> {
  const conn = await getConnection();
  const values = firstValues(sp);
  const parsed = scopeParams.safeParse({ from: values.from, to: values.to });
  if (!parsed.success) throw ParamError.fromZod(parsed.error, 'scope');
  const range = await getDataRange(conn);
  return { conn, range, scope: resolveScope(parsed.data, range.last) };
}
