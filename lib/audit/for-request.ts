import { csvResponse, toCsv } from '@/lib/reviews/csv';
import { AUDIT_COLUMNS } from './columns';
import { AUDIT_CSV_MAX_ROWS, auditFilterOf, type AuditSearchParams } from './search-params';
import { queryAudit } from './store';

/** GET /api/audit: one page of entries, newest first, or as CSV every matching entry up to AUDIT_CSV_MAX_ROWS. */
export async function auditLogForRequest(query: AuditSearchParams) {
  if (query.format === 'csv') {
    const { entries } = await queryAudit({ ...auditFilterOf(query), limit: AUDIT_CSV_MAX_ROWS });
    return csvResponse('trailscope-audit-log.csv', toCsv(AUDIT_COLUMNS, entries));
  }
  return queryAudit({ ...auditFilterOf(query), limit: query.limit });
}
