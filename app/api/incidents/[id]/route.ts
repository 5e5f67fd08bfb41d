import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { incidentForRequest } from '@/lib/incidents/for-request';
import { pathParams } from '@/app/(dashboard)/incidents/[id]/search-params';

export const dynamic = 'force-dynamic';

/** `{ incident }`: its origin, sessions, findings in time order and the scope covering them. */
export const GET = withAuth({ params: pathParams }, ({ params }) => incidentForRequest(params.id), {
  role: 'viewer',
  audit: { action: 'view', entity: ({ params }) => auditEntity('incident', params.id) },
});
