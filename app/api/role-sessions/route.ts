import { withAuth } from '@/lib/http/with-auth';
import { getConnection } from '@/lib/engine';
import { roleSessionListParams } from '@/lib/role-sessions/params';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import { listRoleSessions } from '@/lib/role-sessions/list-role-sessions';

export const dynamic = 'force-dynamic';

export const GET = withAuth({ query: roleSessionListParams }, async ({ req, query }) => {
  const conn = await getConnection();
  const { scope, first } = await scopeForRequest(conn, query, req.signal, true);
  const page = await listRoleSessions(conn, query, scope, first, req.signal);
  return {
    scope,
    sessions: page.sessions,
    nextCursor: page.nextCursor,
    queries: [page.panels.sessions, ...page.panels.attribution].map(({ sql, params, stats }) => ({ sql, params, stats })),
  };
}, { role: 'viewer' });
