import { getConnection } from '@/lib/engine';
import { queriesOf } from '@/lib/engine/panel';
import type { ScopeParams } from '@/lib/params/scope';
import { reviewScopeForRequest } from '@/lib/reviews/scope';
import { loadCoverage } from './load-coverage';
import { COVERAGE_DEFAULT_DAYS } from './params';

/**
 * GET /api/coverage: per account × region × UTC day the events and delivery files present, and the
 * gaps overlapping the scope `{ accountId, region, from, to, reason, … }`, with the queries' SQL and
 * stats.
 */
export async function coverageForRequest(query: ScopeParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope } = await reviewScopeForRequest(conn, query, COVERAGE_DEFAULT_DAYS, signal);
  const coverage = await loadCoverage(conn, scope, { files: true, signal });
  return {
    scope,
    examined: coverage.windows,
    cells: coverage.cells,
    gaps: coverage.gaps,
    truncated: coverage.truncated,
    queries: queriesOf([coverage.panels?.counts, coverage.panels?.trailHours, coverage.panels?.trailEvents]),
  };
}
