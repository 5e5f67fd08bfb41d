import { activeAuditFilters, queryParams } from '@/app/(dashboard)/admin/audit/search-params';
import { auditEntity } from '@/lib/audit/entity';
import { auditLogForRequest } from '@/lib/audit/for-request';
import { withAuth } from '@/lib/http/with-auth';

export const dynamic = 'force-dynamic';

/**
 * `{ entries: [{ id, at, action, actor, via, address, entity, scope, outcome, detail }], nextCursor }`,
 * newest first; `?format=csv` downloads every matching entry (up to 100,000). Admins only, and
 * reading the log is itself recorded.
 */
export const GET = withAuth({ query: queryParams }, ({ query }) => auditLogForRequest(query), {
  role: 'admin',
  audit: { action: 'view', entity: () => auditEntity('audit-log'), detail: ({ query }) => ({ ...activeAuditFilters(query), format: query.format }) },
});
