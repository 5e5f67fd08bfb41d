import { z } from '@/lib/zod';
import { volumeParams } from '@/lib/activity/params';
import { href } from '@/lib/params/href';
import { scopeParams, type Scope } from '@/lib/params/scope';
import { arn, optionalParam, sourceIp, pathSegment } from '@/lib/params/validators';
import { SERVICE_PRINCIPAL } from './ip-kind';
import { parseUserArn } from './user-arn';

/**
 * The role, user, IP and service profiles' URLs: the subject in the path (URL-encoded), the scope,
 * the tab and the activity panels' `bucket`/`baseline` in the query. Here, not in the routes'
 * search-params.ts, because lib/ links to profiles too (search, audit entries, attribution) and
 * lib never imports app/; each route's search-params.ts re-exports its part.
 */

/** The role ARN in the path, URL-encoded. */
export const roleArnParam = pathSegment.pipe(arn.regex(/^arn:aws[a-z-]*:iam::\d{12}:role\//, 'must be an IAM role ARN'));

export const userArnParam = pathSegment.pipe(
  arn.refine((a) => parseUserArn(a) !== null, 'must be an IAM user, root or federated user ARN (arn:aws:iam::<account>:user/<name>)'),
);

/** The user page's segment with what it names; userArnParam has already refused what parseUserArn cannot read. */
export const userProfileArnParam = userArnParam.transform((a, ctx) => {
  const user = parseUserArn(a);
  if (user) return { arn: a, user };
  ctx.addIssue({ code: 'custom', message: 'must be an IAM user, root or federated user ARN' });
  return z.NEVER;
});

export const ipParam = pathSegment.pipe(sourceIp);

export const serviceNameParam = pathSegment.pipe(z.string().max(253).regex(SERVICE_PRINCIPAL, 'must be an AWS service principal such as ec2.amazonaws.com'));

/** The tabs of the role and user profiles (the role-session profile adds Events; Graph is the role's). */
export const PROFILE_TABS = ['overview', 'new-behavior', 'graph'] as const;
export type ProfileTab = (typeof PROFILE_TABS)[number];

const profileTabParams = z.object({
  tab: optionalParam(z.enum(PROFILE_TABS)).transform((v): ProfileTab => v ?? 'overview'),
});

export const profileParams = scopeParams.extend(volumeParams.shape).extend(profileTabParams.shape);

/** Query parameters a profile link may carry besides the scope: the tab, the baseline, … (empty ones dropped). */
type ProfileLinkExtra = Readonly<Record<string, string | number | undefined>>;

export function roleHref(roleArn: string, scope: Scope, extra: ProfileLinkExtra = {}): string {
  return href(`/roles/${encodeURIComponent(roleArn)}`, { ...scope, ...extra });
}

export function userHref(arn: string, scope: Scope, extra: ProfileLinkExtra = {}): string {
  return href(`/users/${encodeURIComponent(arn)}`, { ...scope, ...extra });
}

export function ipHref(ip: string, scope: Scope): string {
  return href(`/ips/${encodeURIComponent(ip)}`, { ...scope });
}

export function serviceHref(name: string, scope: Scope): string {
  return href(`/services/${encodeURIComponent(name)}`, { ...scope });
}
