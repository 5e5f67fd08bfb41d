import type { NextRequest } from 'next/server';
import { getConnection } from '@/lib/engine';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import { readUploadText } from '@/lib/http/read-body';
import { ParamError } from '@/lib/params/param-error';
import { queriesOf } from '@/lib/engine/panel';
import { csvResponse } from '@/lib/reviews/csv';
import { REVIEW_DEFAULT_DAYS, type AccessIndexParams, type AccessParams } from '@/lib/reviews/params';
import { reviewScopeForRequest } from '@/lib/reviews/scope';
import { parseAuthorizationDetails } from '@/lib/reviews/policy/authorization-details';
import { allAuthorizationDetails, deleteAuthorizationDetails, saveAuthorizationDetails } from '@/lib/reviews/state/authorization-details-store';
import { accessGrantedCsv, accessIndexCsv, accessUsedCsv } from './export';
import { getAccessIndex } from './index-list';
import { getAccessReview } from './review';

/** GET /api/access: `{ principals: [{ arn, kind, calls, failed, services, lastCall, inDetails }] }`, or the CSV. */
export async function accessIndexForRequest(query: AccessIndexParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope } = await reviewScopeForRequest(conn, query, REVIEW_DEFAULT_DAYS.access, signal);
  const index = await getAccessIndex(conn, scope, await allAuthorizationDetails(), query, signal);
  if (query.format === 'csv') return csvResponse('access-principals.csv', accessIndexCsv(index.entries));
  return { scope, principals: index.entries, truncated: index.truncated, queries: queriesOf([index.panel]) };
}

/**
 * GET /api/access/[principalArn]: what the principal used, and (with an uploaded
 * authorization-details file covering it) what it was granted and did not use; or one table as CSV.
 */
export async function accessReviewForRequest(principalArn: string, query: AccessParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope } = await reviewScopeForRequest(conn, query, REVIEW_DEFAULT_DAYS.access, signal);
  const review = await getAccessReview(conn, principalArn, scope, { days: query.days, uploads: await allAuthorizationDetails(), signal });
  if (query.format === 'csv') {
    const name = review.principal.name;
    return csvResponse(`${name}-${query.table}.csv`, query.table === 'granted' ? accessGrantedCsv(review) : accessUsedCsv(review));
  }
  const { panels, granted, unused, suggestedPolicy, denyUnused, ...rest } = review;
  return {
    scope,
    ...rest,
    ...(granted ? { granted, unused } : {}),
    ...(suggestedPolicy ? { suggestedPolicy } : {}),
    ...(denyUnused ? { denyUnused } : {}),
    queries: queriesOf([panels.usage, panels.dataEvents]),
  };
}

/**
 * POST /api/access/authorization-details: `aws iam get-account-authorization-details` output, up
 * to 50 MB, as the body or a form's `file`; replaces the account's previous upload.
 */
export async function uploadAuthorizationDetailsForRequest(req: NextRequest, uploadedBy: string) {
  const { text, fileName } = await readUploadText(req, 'file', { maxBytes: BODY_LIMITS.authorizationDetails, what: 'the file' });
  const parsed = parseAuthorizationDetails(text);
  if (!parsed.ok) throw new ParamError('file', parsed.message);
  return saveAuthorizationDetails(parsed.details, fileName, uploadedBy);
}

/** DELETE /api/access/authorization-details?account=: the account's upload. */
export async function deleteAuthorizationDetailsForRequest(account: string) {
  if (!(await deleteAuthorizationDetails(account))) throw new ParamError('account', 'has no uploaded authorization details');
  return { deleted: account };
}
