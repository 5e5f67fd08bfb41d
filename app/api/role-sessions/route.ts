import { withAuth } from '@/lib/http/with-auth';
import { getConnection } from '@/lib/engine';
import { roleSessionListParams } from '@/lib/params/role-sessions';
import { resolveScope } from '@/lib/params/scope';
import { getDataRange } from '@/lib/services/data-range';
import { listRoleSessions } from '@/lib/services/role-sessions';

export const dynamic = 'force-dynamic';

export const GET = withAuth({ query: roleSessionListParams }, async ({ req, query }) => {
  const conn = await getConnection();
  const range = (await getDataRange(conn, req.signal)).rows[0];
  const scope = resolveScope(query, range?.last ?? null);
  const page = await listRoleSessions(conn, query, scope, range?.first ?? null, req.signal);
  return {
    scope,
    sessions: page.sessions,
    nextCursor: page.nextCursor,
    queries: [page.panels.sessions, ...page.panels.attribution].map(({ sql, params, stats }) => ({ sql, params, stats })),
  };
});
