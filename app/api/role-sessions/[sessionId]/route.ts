import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { pathParams } from '@/app/(dashboard)/role-sessions/[sessionId]/search-params';
import { scopeParams } from '@/lib/params/scope';
import { roleSessionForRequest } from '@/lib/role-sessions/for-request';

export const dynamic = 'force-dynamic';

export const GET = withAuth(
  { query: scopeParams, params: pathParams },
  ({ req, query, params }) => roleSessionForRequest(params.sessionId, query, req.signal),
  { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('role-session', params.sessionId) } },
);
