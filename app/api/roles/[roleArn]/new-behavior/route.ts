import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { getConnection } from '@/lib/engine';
import { newBehaviorForRequest } from '@/lib/new-behavior/for-request';
import { newBehaviorParams } from '@/lib/new-behavior/params';
import { pathParams } from '@/app/(dashboard)/roles/[roleArn]/search-params';
import { scopeParams } from '@/lib/params/scope';

export const dynamic = 'force-dynamic';

export const GET = withAuth(
  { query: scopeParams.extend(newBehaviorParams.shape), params: pathParams },
  async ({ req, query, params }) => newBehaviorForRequest(await getConnection(), { kind: 'role', arn: params.roleArn }, query, req.signal),
  { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('role', params.roleArn) } },
);
