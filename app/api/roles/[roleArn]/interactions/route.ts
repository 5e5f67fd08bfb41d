import { z } from 'zod';
import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { getConnection } from '@/lib/engine';
import { getRoleInteractions } from '@/lib/attribution/role-interactions';
import { roleArnParam } from '@/lib/params/role-profile';
import { scopeParams } from '@/lib/params/scope';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import { panelQuery } from '@/lib/engine/panel';

export const dynamic = 'force-dynamic';

export const GET = withAuth({ query: scopeParams, params: z.object({ roleArn: roleArnParam }) }, async ({ req, query, params }) => {
  const conn = await getConnection();
  const { scope } = await scopeForRequest(conn, query, req.signal);
  const { assumedBy, assumedRoles, sessions, panel } = await getRoleInteractions(conn, params.roleArn, scope, req.signal);
  return { scope, assumedBy, assumedRoles, sessions, ...panelQuery(panel) };
}, { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('role', params.roleArn) } });
