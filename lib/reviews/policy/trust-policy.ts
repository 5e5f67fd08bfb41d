import { globMatches } from './glob';
import { conditionValues, policyStatements } from './policy-document';

/**
 * Who a role's trust policy lets assume it, and on what condition. Only statements that allow
 * sts:AssumeRole (directly or through a wildcard) count; principals outside the organisation are
 * what the vendor review is about.
 */

export type TrustedPrincipalKind = 'account' | 'user' | 'role' | 'other-aws' | 'anyone' | 'service' | 'federated';

export interface TrustedPrincipal {
  principal: string;
  kind: TrustedPrincipalKind;
  accountId: string | null;
  externalIdRequired: boolean;
  /** Other conditions on the statement, named (`aws:SourceIp`, `aws:PrincipalOrgID`...). */
  otherConditions: string[];
}

const ACCOUNT_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):root$/;
const USER_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):user\//;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const ANY_ARN = /^arn:aws[a-z-]*:[a-z0-9-]+::(\d{12}):/;

function awsPrincipal(p: string): Pick<TrustedPrincipal, 'kind' | 'accountId'> {
  if (p === '*') return { kind: 'anyone', accountId: null };
  if (/^\d{12}$/.test(p)) return { kind: 'account', accountId: p };
  const account = ACCOUNT_ARN.exec(p);
  if (account) return { kind: 'account', accountId: account[1] as string };
  const user = USER_ARN.exec(p);
  if (user) return { kind: 'user', accountId: user[1] as string };
  const role = ROLE_ARN.exec(p);
  if (role) return { kind: 'role', accountId: role[1] as string };
  // A principal that was deleted shows as its unique id (AIDA…/AROA…): no account to read.
  return { kind: 'other-aws', accountId: ANY_ARN.exec(p)?.[1] ?? null };
}

function allowsAssumeRole(actions: readonly string[]): boolean {
  return actions.some((a) => globMatches(a, 'sts:AssumeRole'));
}

/** The principals a trust policy document trusts to call sts:AssumeRole; null when it is not a policy. */
export function trustedPrincipals(document: unknown): TrustedPrincipal[] | null {
  const statements = policyStatements(document);
  if (!statements) return null;
  const out: TrustedPrincipal[] = [];
  for (const s of statements) {
    if (s.effect !== 'Allow' || !allowsAssumeRole(s.actions)) continue;
    const externalIdRequired = conditionValues(s.condition, 'sts:ExternalId').length > 0;
    const otherConditions = s.condition
      ? [...new Set(Object.values(s.condition).flatMap((b) => (b && typeof b === 'object' ? Object.keys(b) : [])))].filter((k) => k.toLowerCase() !== 'sts:externalid').sort()
      : [];
    const add = (principal: string, who: Pick<TrustedPrincipal, 'kind' | 'accountId'>) => out.push({ principal, ...who, externalIdRequired, otherConditions });
    const p = s.principal;
    if (p === '*') add('*', { kind: 'anyone', accountId: null });
    else if (p && typeof p === 'object') {
      const blocks = p as Record<string, unknown>;
      const list = (v: unknown) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
      for (const a of list(blocks.AWS)) add(a, awsPrincipal(a));
      for (const a of list(blocks.Service)) add(a, { kind: 'service', accountId: null });
      for (const a of list(blocks.Federated)) add(a, { kind: 'federated', accountId: null });
    }
  }
  return out;
}

/** A principal seen calling AssumeRole into the role: its account, and its ARN when the caller's copy is in the data. */
export interface ObservedCaller {
  accountId: string;
  arn: string | null;
}

export type TrustUse = 'used' | 'never' | 'unknown';

const ASSUMED_ROLE_ARN = /^arn:aws[a-z-]*:sts::(\d{12}):assumed-role\/([^/]+)\//;

/**
 * Whether anyone a trust entry covers assumed the role. An account entry is used by any caller of
 * that account. A user or role entry needs the caller's ARN, which only the caller's own copy of the
 * call carries: with callers of that account whose ARN is unknown, the answer is "unknown".
 */
export function trustUse(entry: TrustedPrincipal, callers: readonly ObservedCaller[]): TrustUse {
  if (entry.kind === 'anyone') return callers.length > 0 ? 'used' : 'never';
  if (!entry.accountId) return 'unknown';
  const fromAccount = callers.filter((c) => c.accountId === entry.accountId);
  if (entry.kind === 'account') return fromAccount.length > 0 ? 'used' : 'never';
  if (fromAccount.length === 0) return 'never';
  const matches = (arn: string) => {
    if (entry.kind === 'user') return arn === entry.principal;
    if (entry.kind === 'role') {
      const session = ASSUMED_ROLE_ARN.exec(arn);
      const role = ROLE_ARN.exec(entry.principal);
      return session !== null && role !== null && session[1] === role[1] && session[2] === role[2];
    }
    return false;
  };
  if (fromAccount.some((c) => c.arn !== null && matches(c.arn))) return 'used';
  return fromAccount.some((c) => c.arn === null) ? 'unknown' : 'never';
}
