import type { AuthorizationDetails } from '@/lib/reviews/policy/authorization-details';
import { trustedPrincipals, trustUse, type ObservedCaller, type TrustedPrincipal, type TrustUse } from '@/lib/reviews/policy/trust-policy';
import type { TrustPolicyEventRow } from '@/lib/reviews/queries/trust-policy-events';

/**
 * What is known of each role's trust policy, and the part of it that concerns outsiders: the
 * external principals it trusts, whether ExternalId is required, and which trusts were never used.
 * An uploaded authorization-details file is the current state and wins; otherwise the newest
 * CreateRole/UpdateAssumeRolePolicy in the data.
 */

export interface KnownTrustPolicy {
  roleArn: string;
  source: 'authorization-details' | 'cloudtrail';
  /** When CloudTrail saw it set; null for an uploaded file. */
  setAt: string | null;
  evidenceEventId: string | null;
  principals: TrustedPrincipal[];
}

export interface ExternalTrust extends TrustedPrincipal {
  use: TrustUse;
}

export interface TrustSummary {
  source: KnownTrustPolicy['source'];
  setAt: string | null;
  evidenceEventId: string | null;
  external: ExternalTrust[];
  /** Every external trust requires an ExternalId (false when there is none). */
  externalIdRequired: boolean;
  unusedTrusts: string[];
}

const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

function roleKey(accountId: string, roleName: string): string {
  return `${accountId}/${roleName}`;
}

/** Pure: the newest trust policy per role from the CloudTrail rows (newest first) and the uploads. */
export function knownTrustPolicies(rows: readonly TrustPolicyEventRow[], uploads: readonly AuthorizationDetails[]): Map<string, KnownTrustPolicy> {
  const byKey = new Map<string, KnownTrustPolicy>();
  for (const r of rows) {
    if (!r.accountId || !r.roleName || !r.document) continue;
    const key = roleKey(r.accountId, r.roleName);
    if (byKey.has(key)) continue;
    const principals = trustedPrincipals(r.document);
    if (!principals) continue;
    const path = r.rolePath && /^\/([\w+=,.@-]+\/)*$/.test(r.rolePath) ? r.rolePath : '/';
    const roleArn = r.createdArn ?? `arn:aws:iam::${r.accountId}:role${path}${r.roleName}`;
    byKey.set(key, { roleArn, source: 'cloudtrail', setAt: r.eventTime, evidenceEventId: r.eventId, principals });
  }
  for (const d of uploads) {
    for (const p of d.principals) {
      if (p.kind !== 'role' || p.trustPolicy === null) continue;
      const principals = trustedPrincipals(p.trustPolicy);
      const m = ROLE_ARN.exec(p.arn);
      if (!principals || !m) continue;
      byKey.set(roleKey(m[2] as string, m[3] as string), { roleArn: p.arn, source: 'authorization-details', setAt: null, evidenceEventId: null, principals });
    }
  }
  return new Map([...byKey.values()].map((t) => [t.roleArn, t]));
}

/** Pure: the outsiders a known trust policy lets in, and which of them assumed the role. */
export function summariseTrust(policy: KnownTrustPolicy, organisation: readonly string[], callers: readonly ObservedCaller[]): TrustSummary {
  const external = policy.principals
    .filter((p) => p.kind === 'anyone' || (p.accountId !== null && !organisation.includes(p.accountId)) || (p.kind === 'other-aws' && p.accountId === null))
    .map((p) => ({ ...p, use: trustUse(p, callers) }));
  return {
    source: policy.source,
    setAt: policy.setAt,
    evidenceEventId: policy.evidenceEventId,
    external,
    externalIdRequired: external.length > 0 && external.every((e) => e.externalIdRequired),
    unusedTrusts: external.filter((e) => e.use === 'never').map((e) => e.principal),
  };
}
