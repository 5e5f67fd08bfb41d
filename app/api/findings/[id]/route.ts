import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { findingForRequest } from '@/lib/findings/for-request';
import { pathParams } from '@/app/(dashboard)/findings/[id]/search-params';

export const dynamic = 'force-dynamic';

export const GET = withAuth({ params: pathParams }, ({ params }) => findingForRequest(params.id), { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('finding', params.id) } });
