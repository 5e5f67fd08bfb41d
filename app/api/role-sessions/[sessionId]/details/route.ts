import { z } from 'zod';
import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import { getConnection } from '@/lib/engine';
import { getScopeDetails } from '@/lib/activity/get-scope-details';
import { sessionIdParam } from '@/lib/role-sessions/profile-params';
import { scopeParams } from '@/lib/params/scope';

export const dynamic = 'force-dynamic';

/** `{ byIp, byApi, byAccessKey }`, each row with successful and failed counts, and the SQL behind each. */
export const GET = withAuth({ query: scopeParams, params: z.object({ sessionId: sessionIdParam }) }, async ({ req, query, params }) => {
  const conn = await getConnection();
  const { scope } = await scopeForRequest(conn, query, req.signal);
  const { ips, apis, keys } = await getScopeDetails(conn, { kind: 'role-session', principalId: params.sessionId }, scope, req.signal);
  return { scope, byIp: ips, byApi: apis, byAccessKey: keys };
}, { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('role-session', params.sessionId) } });
