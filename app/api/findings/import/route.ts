import { invalidInput, tooLarge } from '@/lib/http/errors';
import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { GuardDutyParseError, parseGuardDuty } from '@/lib/findings/guardduty';
import { upsertFindings } from '@/lib/findings/store';

export const dynamic = 'force-dynamic';

/** Large exports are fine; beyond this the body is refused rather than read into memory. */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

/**
 * POST a GuardDuty export (get-findings output, EventBridge events, or sample findings) as the
 * body: `{ imported, updated, skipped: [{ index, reason }] }`. A malformed finding is skipped and
 * reported; the others are stored.
 */
export const POST = withAuth({}, async ({ req }) => {
  const length = Number(req.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return tooLarge(`the file is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`);
  const text = await req.text();
  let parsed;
  try {
    parsed = parseGuardDuty(text);
  } catch (error) {
    if (error instanceof GuardDutyParseError) return invalidInput(error.message);
    throw error;
  }
  const { inserted, updated } = await upsertFindings(parsed.findings);
  return { imported: inserted, updated, skipped: parsed.skipped };
}, {
  role: 'admin',
  audit: {
    action: 'import-findings',
    entity: () => auditEntity('findings'),
    detail: ({ result }) => (result ? { imported: result.imported, updated: result.updated, skipped: result.skipped.length } : undefined),
  },
});
