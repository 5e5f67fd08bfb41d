import { z } from 'zod';
import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { ParamError } from '@/lib/params/param-error';
import { accountId } from '@/lib/params/validators';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import { readUploadText } from '@/lib/http/read-body';
import { parseAuthorizationDetails } from '@/lib/reviews/policy/authorization-details';
import { deleteAuthorizationDetails, listAuthorizationDetails, saveAuthorizationDetails } from '@/lib/reviews/state/authorization-details-store';

export const dynamic = 'force-dynamic';

/** What is uploaded: one summary per account (counts, who and when), never the file. */
export const GET = withAuth({}, async () => ({ uploads: await listAuthorizationDetails() }), { role: 'viewer' });

/**
 * Uploads `aws iam get-account-authorization-details` output, up to 50 MB: the JSON as the body,
 * or a multipart form with a `file` field. Replaces the account's previous upload.
 */
export const POST = withAuth({}, async ({ req, user }) => {
  const { text, fileName } = await readUploadText(req, 'file', { maxBytes: BODY_LIMITS.authorizationDetails, what: 'the file' });
  const parsed = parseAuthorizationDetails(text);
  if (!parsed.ok) throw new ParamError('file', parsed.message);
  return saveAuthorizationDetails(parsed.details, fileName, user.name);
}, {
  role: 'admin',
  // The account is in the file: known once it parsed.
  audit: { action: 'upload-authorization-details', entity: ({ result }) => (result ? auditEntity('account', result.accountId) : null), detail: ({ result }) => (result ? { fileName: result.fileName } : undefined) },
});

/** Removes an account's upload: `?account=123456789012`. */
export const DELETE = withAuth({ query: z.object({ account: accountId }) }, async ({ query }) => {
  if (!(await deleteAuthorizationDetails(query.account))) throw new ParamError('account', 'has no uploaded authorization details');
  return { deleted: query.account };
}, { role: 'admin', audit: { action: 'delete-authorization-details', entity: ({ query }) => auditEntity('account', query.account) } });
