import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { findingListForRequest, triageFindingsForRequest } from '@/lib/findings/for-request';
import { queryParams } from '@/app/(dashboard)/findings/search-params';

export const dynamic = 'force-dynamic';

/**
 * `{ findings }`: imported and detected findings whose seen range overlaps the window, filtered and
 * sorted; each actor with its session and origin identity resolved (the first 50).
 */
export const GET = withAuth({ query: queryParams }, ({ req, query }) => findingListForRequest(query, req.signal), { role: 'viewer' });

/**
 * Bulk triage: `{ ids: [...up to 500], status?, assignee?, note? }` → `{ changed, unchanged, missing }`
 * (ids), each change recorded in its finding's history.
 */
export const PATCH = withAuth({}, ({ req, user }) => triageFindingsForRequest(req, user), {
  role: 'analyst',
  audit: {
    action: 'triage-finding',
    entity: () => auditEntity('findings'),
    detail: ({ result }) => (result ? { changed: result.changed.length, ids: result.changed.slice(0, 100), missing: result.missing.length } : undefined),
  },
});
