import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { apiVolumeForRequest } from '@/lib/activity/for-request';
import { volumeParams } from '@/lib/activity/params';
import { pathParams } from '@/app/(dashboard)/role-sessions/[sessionId]/search-params';
import { scopeParams } from '@/lib/params/scope';

export const dynamic = 'force-dynamic';

export const GET = withAuth(
  { query: scopeParams.extend(volumeParams.shape), params: pathParams },
  ({ req, query, params }) => apiVolumeForRequest({ kind: 'role-session', principalId: params.sessionId }, query, req.signal),
  { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('role-session', params.sessionId) } },
);
