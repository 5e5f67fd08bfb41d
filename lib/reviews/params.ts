import { z } from '@/lib/zod';
import { href } from '@/lib/params/href';
import { scopeParams, type Scope } from '@/lib/params/scope';
import { arn, eventName, eventSource, optionalParam, pathSegment } from '@/lib/params/validators';
import { DAYS_CHOICES } from './access/service-access';

/**
 * The review pages' URLs, one schema per view, shared by the page, its API route and its CSV links:
 * scope, sort, filters and days all live in the query string.
 */


export const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
export const USER_ARN = /^arn:aws[a-z-]*:iam::\d{12}:user\/[\w+=,.@/-]{1,512}$/;

export const reviewRoleArnParam = pathSegment.pipe(arn.regex(ROLE_ARN, 'must be an IAM role ARN such as arn:aws:iam::123456789012:role/Name'));
export const principalArnParam = pathSegment.pipe(
  arn.refine((a) => ROLE_ARN.test(a) || USER_ARN.test(a), 'must be an IAM role or user ARN (arn:aws:iam::<account>:role/<name> or :user/<name>)'),
);

const order = optionalParam(z.enum(['asc', 'desc'])).transform((v) => v ?? 'desc');
const format = optionalParam(z.enum(['json', 'csv'])).transform((v) => v ?? 'json');

export const VENDOR_SORTS = ['sessions', 'calls', 'last_assumed', 'first_assumed', 'role'] as const;
export type VendorSort = (typeof VENDOR_SORTS)[number];

export const vendorListParams = scopeParams.extend({
  sort: optionalParam(z.enum(VENDOR_SORTS)).transform((v): VendorSort => v ?? 'sessions'),
  order,
  format,
});
export type VendorListParams = z.output<typeof vendorListParams>;

/** `?call=iam.amazonaws.com:GenerateCredentialReport`: the API call whose identities are listed. */
export const callParam = z
  .string()
  .max(300)
  .transform((s, ctx) => {
    const i = s.lastIndexOf(':');
    const source = eventSource.safeParse(s.slice(0, i));
    const name = eventName.safeParse(s.slice(i + 1));
    if (i < 0 || !source.success || !name.success) {
      ctx.addIssue({ code: 'custom', message: 'must be <event source>:<event name>, e.g. iam.amazonaws.com:GenerateCredentialReport' });
      return z.NEVER;
    }
    return { eventSource: source.data, eventName: name.data };
  });
export type CallRef = z.output<typeof callParam>;

export const VENDOR_ROLE_TABLES = ['calls', 'callers', 'rate', 'throttled', 'cost', 'unexpected', 'identities'] as const;
export type VendorRoleTable = (typeof VENDOR_ROLE_TABLES)[number];

export const vendorRoleParams = scopeParams.extend({
  call: optionalParam(callParam),
  format,
  table: optionalParam(z.enum(VENDOR_ROLE_TABLES)).transform((v): VendorRoleTable => v ?? 'calls'),
});
export type VendorRoleParams = z.output<typeof vendorRoleParams>;

export const HYGIENE_SORTS = ['issues', 'sessions', 'assumers', 'source_identity', 'role'] as const;
export type HygieneSort = (typeof HYGIENE_SORTS)[number];

export const hygieneParams = scopeParams.extend({
  sort: optionalParam(z.enum(HYGIENE_SORTS)).transform((v): HygieneSort => v ?? 'issues'),
  order,
  show: optionalParam(z.enum(['all', 'flagged'])).transform((v) => v ?? 'all'),
  /** Part of a role name or ARN. */
  role: optionalParam(z.string().regex(/^[\w+=,.@:/-]{1,256}$/, 'must be part of a role name or ARN')),
  format,
});
export type HygieneParams = z.output<typeof hygieneParams>;

const DAYS_MESSAGE = `must be one of ${DAYS_CHOICES.join(', ')}`;
export const daysParam = optionalParam(
  z.coerce
    .number({ error: DAYS_MESSAGE })
    .refine((n): n is (typeof DAYS_CHOICES)[number] => (DAYS_CHOICES as readonly number[]).includes(n), DAYS_MESSAGE),
).transform((v) => (v ?? 90) as (typeof DAYS_CHOICES)[number]);

export const ACCESS_TABLES = ['used', 'granted'] as const;

export const accessParams = scopeParams.extend({
  days: daysParam,
  format,
  table: optionalParam(z.enum(ACCESS_TABLES)).transform((v) => v ?? 'used'),
});
export type AccessParams = z.output<typeof accessParams>;

export const accessIndexParams = scopeParams.extend({
  kind: optionalParam(z.enum(['all', 'role', 'user'])).transform((v) => v ?? 'all'),
  q: optionalParam(z.string().regex(/^[\w+=,.@:/-]{1,256}$/, 'must be part of a role or user name or ARN')),
  format,
});
export type AccessIndexParams = z.output<typeof accessIndexParams>;

/** How long each review looks back by default: reviews are about habits, not the last day. */
export const REVIEW_DEFAULT_DAYS = { vendors: 30, hygiene: 30, access: 180 } as const;

/** `?call=` as callParam reads it back. */
export function callKey(call: CallRef): string {
  return `${call.eventSource}:${call.eventName}`;
}

/** A vendor role's review, with `call` the API whose identities are listed (lib links to it too, from audit entries, so it lives here). */
export function vendorRoleHref(roleArn: string, scope: Partial<Scope>, call?: CallRef): string {
  return href(`/vendors/${encodeURIComponent(roleArn)}`, { ...scope, call: call && callKey(call) });
}

/** A principal's access review; `extra` carries `days` and the like (lib links to it too, from audit entries). */
export function accessPrincipalHref(arn: string, scope: Partial<Scope>, extra: Readonly<Record<string, string | number | undefined>> = {}): string {
  return href(`/access/${encodeURIComponent(arn)}`, { ...scope, ...extra });
}
