import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { importFindingsForRequest } from '@/lib/findings/for-request';

export const dynamic = 'force-dynamic';

/**
 * POST a GuardDuty export (get-findings output, EventBridge events, or sample findings) as the
 * body, or as a form's `file`, up to 50 MB: `{ imported, updated, skipped: [{ index, reason }] }`.
 * A malformed finding is skipped and reported; the others are stored.
 */
export const POST = withAuth({}, ({ req }) => importFindingsForRequest(req), {
  role: 'admin',
  audit: {
    action: 'import-findings',
    entity: () => auditEntity('findings'),
    detail: ({ result }) => (result ? { imported: result.imported, updated: result.updated, skipped: result.skipped.length } : undefined),
  },
});
