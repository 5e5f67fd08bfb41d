import { z } from '@/lib/zod';
import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { accountId } from '@/lib/params/validators';
import { deleteAuthorizationDetailsForRequest, uploadAuthorizationDetailsForRequest } from '@/lib/reviews/access/for-request';
import { listAuthorizationDetails } from '@/lib/reviews/state/authorization-details-store';

export const dynamic = 'force-dynamic';

/** What is uploaded: one summary per account (counts, who and when), never the file. */
export const GET = withAuth({}, async () => ({ uploads: await listAuthorizationDetails() }), { role: 'viewer' });

/**
 * Uploads `aws iam get-account-authorization-details` output, up to 50 MB: the JSON as the body,
 * or a multipart form with a `file` field. Replaces the account's previous upload.
 */
export const POST = withAuth({}, ({ req, user }) => uploadAuthorizationDetailsForRequest(req, user.name), {
  role: 'admin',
  // The account is in the file: known once it parsed.
  audit: { action: 'upload-authorization-details', entity: ({ result }) => (result ? auditEntity('account', result.accountId) : null), detail: ({ result }) => (result ? { fileName: result.fileName } : undefined) },
});

/** Removes an account's upload: `?account=123456789012`. */
export const DELETE = withAuth({ query: z.object({ account: accountId }) }, ({ query }) => deleteAuthorizationDetailsForRequest(query.account), { role: 'admin', audit: { action: 'delete-authorization-details', entity: ({ query }) => auditEntity('account', query.account) } });
