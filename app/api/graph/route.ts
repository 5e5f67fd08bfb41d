import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { graphForRequest } from '@/lib/graph/for-request';
import { graphApiParams } from '@/app/(dashboard)/graph/search-params';

export const dynamic = 'force-dynamic';

/** `{ nodes, edges, originPath, cut, queries }`: the focus and its expanded neighbourhood in the scope. */
export const GET = withAuth({ query: graphApiParams }, ({ req, query }) => graphForRequest(query, req.signal), {
  role: 'viewer',
  audit: { action: 'view', entity: ({ query }) => auditEntity('graph', query.focus), detail: ({ query }) => (query.expand.length ? { expanded: query.expand.length } : undefined) },
});
