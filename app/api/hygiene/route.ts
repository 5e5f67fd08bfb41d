import { getConnection } from '@/lib/engine';
import { withAuth } from '@/lib/http/with-auth';
import { csvResponse } from '@/lib/reviews/csv';
import { hygieneCsv } from '@/lib/reviews/hygiene/export';
import { getHygieneReview, selectHygiene } from '@/lib/reviews/hygiene/review';
import { queriesOf } from '@/lib/reviews/http';
import { hygieneParams, REVIEW_DEFAULT_DAYS } from '@/lib/reviews/params';
import { reviewScopeForRequest } from '@/lib/reviews/scope';

export const dynamic = 'force-dynamic';

/**
 * Per role `{ roleArn, sessions, assumers, sharedSessionNames, genericSessionNames,
 * sourceIdentityShare, recommendation, … }`, filtered and sorted as the page is; `?format=csv`.
 */
export const GET = withAuth({ query: hygieneParams }, async ({ req, query }) => {
  const conn = await getConnection();
  const { scope } = await reviewScopeForRequest(conn, query, REVIEW_DEFAULT_DAYS.hygiene, req.signal);
  const review = await getHygieneReview(conn, scope, req.signal);
  const roles = selectHygiene(review.roles, query);
  if (query.format === 'csv') return csvResponse('session-name-hygiene.csv', hygieneCsv(roles));
  return { scope, roles, truncated: review.truncated, queries: queriesOf([review.panel]) };
}, { role: 'viewer' });
