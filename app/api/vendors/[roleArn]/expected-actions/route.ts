import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import { readBodyText } from '@/lib/http/read-body';
import { pathParams } from '@/app/(dashboard)/vendors/[roleArn]/search-params';
import { deleteExpectedActions, getExpectedActions, saveExpectedActions } from '@/lib/reviews/state/expected-actions-store';
import { expectedActionsFromBody } from '@/lib/reviews/vendors/for-request';

export const dynamic = 'force-dynamic';

const path = { params: pathParams };

/** The role's expected-actions list: saved, or the read-only vendor defaults. */
export const GET = withAuth(path, ({ params }) => getExpectedActions(params.roleArn), { role: 'viewer' });

/**
 * Saves the list (at most 256 KB). JSON `{ "patterns": [...] }`, or the text of a file (one pattern per line, a JSON
 * array, or an IAM policy document) with any other content type.
 */
export const PUT = withAuth(path, async ({ req, user, params }) => {
  const text = await readBodyText(req, { maxBytes: BODY_LIMITS.expectedActions, what: 'the expected-actions list' });
  const patterns = expectedActionsFromBody(text, req.headers.get('content-type') ?? '');
  return saveExpectedActions(params.roleArn, patterns, user.name);
}, {
  role: 'admin',
  audit: { action: 'save-expected-actions', entity: ({ params }) => auditEntity('vendor-role', params.roleArn), detail: ({ result }) => (result ? { patterns: result.patterns.length } : undefined) },
});

/** Back to the defaults. */
export const DELETE = withAuth(path, async ({ params }) => {
  await deleteExpectedActions(params.roleArn);
  return getExpectedActions(params.roleArn);
}, { role: 'admin', audit: { action: 'delete-expected-actions', entity: ({ params }) => auditEntity('vendor-role', params.roleArn) } });
