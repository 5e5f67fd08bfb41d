/** /reports and GET /api/reports (defined in lib/reports/params.ts: lib links to reports too). */
export { REPORTS_PATH as path, reportParams as queryParams, reportApiParams as apiParams, reportHref as toHref, reportApiHref as apiHref } from '@/lib/reports/params';
