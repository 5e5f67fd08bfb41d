import { getConnection } from '@/lib/engine';
import { queriesOf } from '@/lib/engine/panel';
import { csvResponse } from '@/lib/reviews/csv';
import { REVIEW_DEFAULT_DAYS, type AccessIndexParams, type AccessParams } from '@/lib/reviews/params';
import { reviewScopeForRequest } from '@/lib/reviews/scope';
import { allAuthorizationDetails } from '@/lib/reviews/state/authorization-details-store';
import { accessGrantedCsv, accessIndexCsv, accessUsedCsv } from './export';
import { getAccessIndex } from './index-list';
import { getAccessReview } from './review';

/** GET /api/access: `{ principals: [{ arn, kind, calls, failed, services, lastCall, inDetails }] }`, or the CSV. */
export async function accessIndexForRequest(query: AccessIndexParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope } = await reviewScopeForRequest(conn, query, REVIEW_DEFAULT_DAYS.access, signal);
  const index = await getAccessIndex(conn, scope, await allAuthorizationDetails(), query, signal);
  if (query.format === 'csv') return csvResponse('access-principals.csv', accessIndexCsv(index.entries));
  return { scope, principals: index.entries, truncated: index.truncated, queries: queriesOf([index.panel]) };
}

/**
 * GET /api/access/[principalArn]: what the principal used, and (with an uploaded
 * authorization-details file covering it) what it was granted and did not use; or one table as CSV.
 */
export async function accessReviewForRequest(principalArn: string, query: AccessParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope } = await reviewScopeForRequest(conn, query, REVIEW_DEFAULT_DAYS.access, signal);
  const review = await getAccessReview(conn, principalArn, scope, { days: query.days, uploads: await allAuthorizationDetails(), signal });
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
}
