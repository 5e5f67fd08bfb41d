import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import { getConnection } from '@/lib/engine';
import { loadGraph } from '@/lib/graph/load';
import { graphApiParams } from '@/lib/params/graph';

export const dynamic = 'force-dynamic';

/** `{ nodes, edges, originPath, cut, queries }`: the focus and its expanded neighbourhood in the scope. */
export const GET = withAuth({ query: graphApiParams }, async ({ req, query }) => {
  const conn = await getConnection();
  const { scope, first } = await scopeForRequest(conn, query, req.signal, true);
  const graph = await loadGraph(conn, query.focus, query.expand, scope, first, req.signal);
  return { scope, ...graph };
}, {
  role: 'viewer',
  audit: { action: 'view', entity: ({ query }) => auditEntity('graph', query.focus), detail: ({ query }) => (query.expand.length ? { expanded: query.expand.length } : undefined) },
});
