import { auditEntity } from '@/lib/audit/entity';
import { invalidInput } from '@/lib/http/errors';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import { readUploadText } from '@/lib/http/read-body';
import { withAuth } from '@/lib/http/with-auth';
import { GuardDutyParseError } from '@/lib/findings/guardduty';
import { importGuardDutyText } from '@/lib/findings/import';

export const dynamic = 'force-dynamic';

/**
 * POST a GuardDuty export (get-findings output, EventBridge events, or sample findings) as the
 * body, or as a form's `file`, up to 50 MB: `{ imported, updated, skipped: [{ index, reason }] }`.
 * A malformed finding is skipped and reported; the others are stored.
 */
export const POST = withAuth({}, async ({ req }) => {
  const { text } = await readUploadText(req, 'file', { maxBytes: BODY_LIMITS.findingsImport, what: 'the file' });
  try {
    return await importGuardDutyText(text);
  } catch (error) {
    if (error instanceof GuardDutyParseError) return invalidInput(error.message);
    throw error;
  }
}, {
  role: 'admin',
  audit: {
    action: 'import-findings',
    entity: () => auditEntity('findings'),
    detail: ({ result }) => (result ? { imported: result.imported, updated: result.updated, skipped: result.skipped.length } : undefined),
  },
});
