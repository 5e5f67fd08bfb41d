import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { pathParams, queryParams } from '@/app/(dashboard)/vendors/[roleArn]/search-params';
import { vendorRoleForRequest } from '@/lib/reviews/vendors/for-request';

export const dynamic = 'force-dynamic';

/**
 * `{ calls, assumeRoleCallers, sharedSessionNames, rate: { perMinute, peak }, throttled, costCalls,
 * unexpected, expected, identities? }`; `?call=<source>:<name>` adds who attempted that call;
 * `?format=csv&table=calls|callers|rate|throttled|cost|unexpected|identities` downloads one table.
 */
export const GET = withAuth({ query: queryParams, params: pathParams }, ({ req, query, params }) => vendorRoleForRequest(params.roleArn, query, req.signal), {
  role: 'viewer',
  audit: { action: 'view', entity: ({ params }) => auditEntity('vendor-role', params.roleArn), detail: ({ query }) => ({ call: query.call, format: query.format, table: query.table }) },
});
