import { z } from 'zod';
import { getConnection } from '@/lib/engine';
import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { accessGrantedCsv, accessUsedCsv } from '@/lib/reviews/access/export';
import { getAccessReview } from '@/lib/reviews/access/review';
import { csvResponse } from '@/lib/reviews/csv';
import { queriesOf } from '@/lib/reviews/http';
import { accessParams, principalArnParam, REVIEW_DEFAULT_DAYS } from '@/lib/reviews/params';
import { reviewScopeForRequest } from '@/lib/reviews/scope';
import { allAuthorizationDetails } from '@/lib/reviews/state/authorization-details-store';

export const dynamic = 'force-dynamic';

/**
 * `{ used: [{ service, actions, lastUsed }], granted?, unused?, suggestedPolicy?, denyUnused? }` for
 * a role or user; granted/unused need an uploaded authorization-details file covering it.
 * `?format=csv&table=used|granted` downloads one table.
 */
export const GET = withAuth({ query: accessParams, params: z.object({ principalArn: principalArnParam }) }, async ({ req, query, params }) => {
  const conn = await getConnection();
  const { scope } = await reviewScopeForRequest(conn, query, REVIEW_DEFAULT_DAYS.access, req.signal);
  const review = await getAccessReview(conn, params.principalArn, scope, { days: query.days, uploads: await allAuthorizationDetails(), signal: req.signal });
  if (query.format === 'csv') {
    const name = review.principal.name;
    return csvResponse(`${name}-${query.table}.csv`, query.table === 'granted' ? accessGrantedCsv(review) : accessUsedCsv(review));
  }
  const { panels, granted, unused, suggestedPolicy, denyUnused, ...rest } = review;
  return {
    scope,
    ...rest,
    ...(granted ? { granted, unused } : {}),
    ...(suggestedPolicy ? { suggestedPolicy } : {}),
    ...(denyUnused ? { denyUnused } : {}),
    queries: queriesOf([panels.usage, panels.dataEvents]),
  };
}, {
  role: 'viewer',
  audit: { action: 'view', entity: ({ params }) => auditEntity('access-principal', params.principalArn), detail: ({ query }) => ({ days: query.days, format: query.format, table: query.table }) },
});
