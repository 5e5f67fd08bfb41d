import { getConnection } from '@/lib/engine';
import { queriesOf } from '@/lib/engine/panel';
import { csvResponse } from '@/lib/reviews/csv';
import { REVIEW_DEFAULT_DAYS, type HygieneParams } from '@/lib/reviews/params';
import { reviewScopeForRequest } from '@/lib/reviews/scope';
import { hygieneCsv } from './export';
import { getHygieneReview, selectHygiene } from './review';

/** GET /api/hygiene: the roles filtered and sorted as the page shows them, or the CSV. */
export async function hygieneForRequest(query: HygieneParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope } = await reviewScopeForRequest(conn, query, REVIEW_DEFAULT_DAYS.hygiene, signal);
  const review = await getHygieneReview(conn, scope, signal);
  const roles = selectHygiene(review.roles, query);
  if (query.format === 'csv') return csvResponse('session-name-hygiene.csv', hygieneCsv(roles));
  return { scope, roles, truncated: review.truncated, queries: queriesOf([review.panel]) };
}
