import { z } from '@/lib/zod';
import { href } from '@/lib/params/href';
import type { Scope } from '@/lib/params/scope';
import { principalArnParam, type AccessParams } from '@/lib/reviews/params';

/** /access/[principalArn] and GET /api/access/[principalArn]. The schemas stay in lib/reviews/params.ts: the review is typed by them. */
export { principalArnParam, accessParams as queryParams, accessPrincipalHref as toHref } from '@/lib/reviews/params';
export const pathParams = z.object({ principalArn: principalArnParam });

/** One of the review's tables as CSV. */
export function csvHref(arn: string, scope: Scope, p: Pick<AccessParams, 'days'>, table: string): string {
  return href(`/api/access/${encodeURIComponent(arn)}`, { ...scope, days: p.days, format: 'csv', table });
}
