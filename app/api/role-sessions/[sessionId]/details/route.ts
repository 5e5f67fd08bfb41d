import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { scopeDetailsForRequest } from '@/lib/activity/for-request';
import { pathParams } from '@/app/(dashboard)/role-sessions/[sessionId]/search-params';
import { scopeParams } from '@/lib/params/scope';

export const dynamic = 'force-dynamic';

/** `{ byIp, byApi, byAccessKey }`, each row with successful and failed counts, and the SQL behind each. */
export const GET = withAuth(
  { query: scopeParams, params: pathParams },
  ({ req, query, params }) => scopeDetailsForRequest({ kind: 'role-session', principalId: params.sessionId }, query, req.signal),
  { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('role-session', params.sessionId) } },
);
