import { getConnection } from '@/lib/engine';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import { loadGraph } from './load';
import type { GraphApiParams } from './params';

/** GET /api/graph: `{ nodes, edges, originPath, cut, queries }`, the focus and its expanded neighbourhood in the scope. */
export async function graphForRequest(query: GraphApiParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope, first } = await scopeForRequest(conn, query, signal, true);
  const graph = await loadGraph(conn, query.focus, query.expand, scope, first, signal);
  return { scope, ...graph };
}
