import { AUDIT_COLUMNS } from '@/lib/audit/columns';
import { auditEntity } from '@/lib/audit/entity';
import { activeAuditFilters, AUDIT_CSV_MAX_ROWS, auditFilterOf, auditSearchParams } from '@/lib/audit/search-params';
import { queryAudit } from '@/lib/audit/store';
import { withAuth } from '@/lib/http/with-auth';
import { csvResponse, toCsv } from '@/lib/reviews/csv';

export const dynamic = 'force-dynamic';

/**
 * `{ entries: [{ id, at, action, actor, via, address, entity, scope, outcome, detail }], nextCursor }`,
 * newest first; `?format=csv` downloads every matching entry (up to 100,000). Admins only, and
 * reading the log is itself recorded.
 */
export const GET = withAuth({ query: auditSearchParams }, async ({ query }) => {
  if (query.format === 'csv') {
    const { entries } = await queryAudit({ ...auditFilterOf(query), limit: AUDIT_CSV_MAX_ROWS });
    return csvResponse('trailscope-audit-log.csv', toCsv(AUDIT_COLUMNS, entries));
  }
  return queryAudit({ ...auditFilterOf(query), limit: query.limit });
}, {
  role: 'admin',
  audit: { action: 'view', entity: () => auditEntity('audit-log'), detail: ({ query }) => ({ ...activeAuditFilters(query), format: query.format }) },
});
