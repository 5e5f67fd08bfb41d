import { z } from 'zod';
import { getConnection } from '@/lib/engine';
import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { csvResponse } from '@/lib/reviews/csv';
import { queriesOf } from '@/lib/reviews/http';
import { REVIEW_DEFAULT_DAYS, reviewRoleArnParam, vendorRoleParams } from '@/lib/reviews/params';
import { reviewScopeForRequest } from '@/lib/reviews/scope';
import { vendorRoleCsv } from '@/lib/reviews/vendors/export';
import { loadVendorRoleReview } from '@/lib/reviews/vendors/load';

export const dynamic = 'force-dynamic';

/**
 * `{ calls, assumeRoleCallers, sharedSessionNames, rate: { perMinute, peak }, throttled, costCalls,
 * unexpected, expected, identities? }`; `?call=<source>:<name>` adds who attempted that call;
 * `?format=csv&table=calls|callers|rate|throttled|cost|unexpected|identities` downloads one table.
 */
export const GET = withAuth({ query: vendorRoleParams, params: z.object({ roleArn: reviewRoleArnParam }) }, async ({ req, query, params }) => {
  const conn = await getConnection();
  const { scope } = await reviewScopeForRequest(conn, query, REVIEW_DEFAULT_DAYS.vendors, req.signal);
  const review = await loadVendorRoleReview(conn, params.roleArn, scope, query.call, req.signal);
  if (query.format === 'csv') {
    const name = params.roleArn.split('/').pop() ?? 'role';
    return csvResponse(`${name}-${query.table}.csv`, vendorRoleCsv(review, query.table));
  }
  const { panels, identities, ...rest } = review;
  return {
    ...rest,
    identities: identities ? { call: identities.call, rows: identities.rows } : undefined,
    queries: queriesOf([panels.calls, panels.rate, panels.throttles, panels.cost, panels.assumptions, identities?.panel]),
  };
}, {
  role: 'viewer',
  audit: { action: 'view', entity: ({ params }) => auditEntity('vendor-role', params.roleArn), detail: ({ query }) => ({ call: query.call, format: query.format, table: query.table }) },
});
