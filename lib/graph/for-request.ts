import { getConnection } from '@/lib/engine';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import type { ScopeParams } from '@/lib/params/scope';
import { loadGraph } from './load';

/** GET /api/graph: `{ nodes, edges, originPath, cut, queries }`, the focus and its expanded neighbourhood in the scope. */
export async function graphForRequest(query: ScopeParams & { focus: string; expand: string[] }, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope, first } = await scopeForRequest(conn, query, signal, true);
  const graph = await loadGraph(conn, query.focus, query.expand, scope, first, signal);
  return { scope, ...graph };
}
