/**
 * /coverage and GET /api/coverage: the scope (a review's default: the 14 days ending at the newest
 * event). Defined in lib/coverage/params.ts: lib's drill-down links are built there too.
 */
export { COVERAGE_PATH as path, coverageParams as queryParams, coverageHref as toHref, COVERAGE_DEFAULT_DAYS } from '@/lib/coverage/params';
