import { getConnection } from '@/lib/engine';
import { withAuth } from '@/lib/http/with-auth';
import { accessIndexCsv } from '@/lib/reviews/access/export';
import { getAccessIndex } from '@/lib/reviews/access/index-list';
import { csvResponse } from '@/lib/reviews/csv';
import { queriesOf } from '@/lib/reviews/http';
import { accessIndexParams, REVIEW_DEFAULT_DAYS } from '@/lib/reviews/params';
import { reviewScopeForRequest } from '@/lib/reviews/scope';
import { allAuthorizationDetails } from '@/lib/reviews/state/authorization-details-store';

export const dynamic = 'force-dynamic';

/** `{ principals: [{ arn, kind, calls, failed, services, lastCall, inDetails }] }`: roles and users to review; `?format=csv`. */
export const GET = withAuth({ query: accessIndexParams }, async ({ req, query }) => {
  const conn = await getConnection();
  const { scope } = await reviewScopeForRequest(conn, query, REVIEW_DEFAULT_DAYS.access, req.signal);
  const index = await getAccessIndex(conn, scope, await allAuthorizationDetails(), query, req.signal);
  if (query.format === 'csv') return csvResponse('access-principals.csv', accessIndexCsv(index.entries));
  return { scope, principals: index.entries, truncated: index.truncated, queries: queriesOf([index.panel]) };
}, { role: 'viewer' });
