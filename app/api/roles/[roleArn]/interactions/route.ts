import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { roleInteractionsForRequest } from '@/lib/attribution/for-request';
import { pathParams } from '@/app/(dashboard)/roles/[roleArn]/search-params';
import { scopeParams } from '@/lib/params/scope';

export const dynamic = 'force-dynamic';

export const GET = withAuth(
  { query: scopeParams, params: pathParams },
  ({ req, query, params }) => roleInteractionsForRequest(params.roleArn, query, req.signal),
  { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('role', params.roleArn) } },
);
