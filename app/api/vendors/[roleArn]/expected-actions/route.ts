import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { pathParams } from '@/app/(dashboard)/vendors/[roleArn]/search-params';
import { getExpectedActions } from '@/lib/reviews/state/expected-actions-store';
import { resetExpectedActionsForRequest, saveExpectedActionsForRequest } from '@/lib/reviews/vendors/for-request';

export const dynamic = 'force-dynamic';

const path = { params: pathParams };

/** The role's expected-actions list: saved, or the read-only vendor defaults. */
export const GET = withAuth(path, ({ params }) => getExpectedActions(params.roleArn), { role: 'viewer' });

/**
 * Saves the list (at most 256 KB). JSON `{ "patterns": [...] }`, or the text of a file (one pattern per line, a JSON
 * array, or an IAM policy document) with any other content type.
 */
export const PUT = withAuth(path, ({ req, user, params }) => saveExpectedActionsForRequest(params.roleArn, req, user.name), {
  role: 'admin',
  audit: { action: 'save-expected-actions', entity: ({ params }) => auditEntity('vendor-role', params.roleArn), detail: ({ result }) => (result ? { patterns: result.patterns.length } : undefined) },
});

/** Back to the defaults. */
export const DELETE = withAuth(path, ({ params }) => resetExpectedActionsForRequest(params.roleArn), { role: 'admin', audit: { action: 'delete-expected-actions', entity: ({ params }) => auditEntity('vendor-role', params.roleArn) } });
