/**
 * /admin/audit and GET /api/audit. Defined in lib/audit/search-params.ts: the audit store filters
 * by its type and lib never imports app/.
 */
export { AUDIT_PATH as path, auditSearchParams as queryParams, auditHref as toHref, activeAuditFilters, auditFilterOf, AUDIT_CSV_MAX_ROWS } from '@/lib/audit/search-params';
