import type { Connection } from '@/lib/engine/types';
import { resolveScope, type Scope, type ScopeParams } from '@/lib/params/scope';
import { getDataRange } from '@/lib/data-range/get-data-range';

/**
 * The scope an API request asked for, and the data's extent. The extent is read only when needed
 * (a default scope, or a panel that must know where the data starts).
 */
export async function scopeForRequest(
  conn: Connection,
  query: ScopeParams,
  signal: AbortSignal,
  needFirst = false,
): Promise<{ scope: Scope; first: string | null }> {
  if (query.from && query.to && !needFirst) return { scope: resolveScope(query, null), first: null };
  const range = await getDataRange(conn, signal);
  return { scope: resolveScope(query, range.last), first: range.first };
}
