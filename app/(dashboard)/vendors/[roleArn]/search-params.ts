import { z } from '@/lib/zod';
import { href } from '@/lib/params/href';
import type { Scope } from '@/lib/params/scope';
import { callKey, reviewRoleArnParam, type CallRef, type VendorRoleTable } from '@/lib/reviews/params';

/** /vendors/[roleArn] (and its report) and /api/vendors/[roleArn]/*. The schemas stay in lib/reviews/params.ts: the review is typed by them. */
export { reviewRoleArnParam, vendorRoleParams as queryParams, vendorRoleHref as toHref } from '@/lib/reviews/params';
export const pathParams = z.object({ roleArn: reviewRoleArnParam });

function apiPath(roleArn: string): string {
  return `/api/vendors/${encodeURIComponent(roleArn)}`;
}

/** One of the review's tables as CSV; `call` selects whose identities the identities table lists. */
export function csvHref(roleArn: string, scope: Scope, table: VendorRoleTable, call?: CallRef): string {
  return href(apiPath(roleArn), { ...scope, format: 'csv', table, call: call && callKey(call) });
}

/** PUT and DELETE /api/vendors/[roleArn]/expected-actions: the role's expected actions. */
export function expectedActionsApiHref(roleArn: string): string {
  return `${apiPath(roleArn)}/expected-actions`;
}
