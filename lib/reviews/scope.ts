import type { Connection } from '@/lib/engine/types';
import { resolveScope, type Scope, type ScopeParams } from '@/lib/params/scope';
import type { DataRangeRow } from '@/lib/data-range/queries/data-range';
import { getDataRange } from '@/lib/data-range/get-data-range';

/**
 * A review's scope. An explicit `from`/`to` is used as given (lib/params/scope). Without either,
 * a review looks back further than an investigation's 24 hours: `defaultDays` ending at the newest
 * event, so "how does this vendor behave" is answered over weeks, not over last night.
 */
export function resolveReviewScope(query: ScopeParams, latest: string | null, defaultDays: number): Scope {
  if (query.from || query.to) return resolveScope(query, latest);
  const end = resolveScope({}, latest).to;
  const from = new Date(Date.parse(end) - defaultDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return resolveScope({ from, to: end }, latest);
}

export async function reviewScopeForRequest(conn: Connection, query: ScopeParams, defaultDays: number, signal?: AbortSignal): Promise<{ scope: Scope; range: DataRangeRow }> {
  const range = await getDataRange(conn, signal);
  return { scope: resolveReviewScope(query, range.last, defaultDays), range };
}
