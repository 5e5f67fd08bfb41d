import { roleNameOf } from '@/lib/attribution/assumer';
import { roleSessionHref } from '@/lib/role-sessions/profile-params';
import { serviceHref, userHref } from '@/lib/profiles/params';
import type { Scope } from '@/lib/params/scope';
import { principal as principalValidator, ROLE_SESSION_ID } from '@/lib/params/validators';
import type { IpPrincipalRow } from './queries/ip-principals';
import { parseUserArn } from './user-arn';

/**
 * Who used an address, as the IP profile lists them: a name people read, the kind, the profile it
 * opens, and the value /events selects it by. Identities without a profile (federated sessions,
 * the role account's view of a caller) still drill down to their events where /events can select
 * them; an Identity Center user's own calls carry nothing it can, so those counts stay plain.
 */
export interface IpPrincipal {
  key: string;
  label: string;
  typeLabel: string;
  accountId: string | null;
  profileHref: string | null;
  /** `/events?principal=` value, or null when no filter selects exactly this identity. */
  eventsPrincipal: string | null;
  events: number;
  failed: number;
  firstSeen: string;
  lastSeen: string;
  /** Records of the same calls the role's account logged (cross-account AssumeRole), folded in. */
  roleAccountCopies: number;
}

const TYPE_LABELS: Record<string, string> = {
  AssumedRole: 'role session',
  IAMUser: 'IAM user',
  Root: 'root user',
  FederatedUser: 'federated user',
  AWSService: 'AWS service',
  SAMLUser: 'SAML user',
  WebIdentityUser: 'web identity',
  IdentityCenterUser: 'Identity Center user',
  AWSAccount: 'another account',
};


function nameAndProfile(r: IpPrincipalRow, scope: Scope): { label: string; profileHref: string | null } {
  if (r.type === 'AssumedRole' && r.principalId && ROLE_SESSION_ID.test(r.principalId)) {
    const session = r.principalId.slice(r.principalId.indexOf(':') + 1);
    return { label: `${r.roleArn ? roleNameOf(r.roleArn) : r.principalId.split(':')[0]}/${session}`, profileHref: roleSessionHref(r.principalId, scope) };
  }
  const user = r.arn ? parseUserArn(r.arn) : null;
  if (r.arn && user) return { label: user.kind === 'root' ? `root (${user.accountId})` : user.name, profileHref: userHref(r.arn, scope) };
  if (r.type === 'AWSService' && r.service) return { label: r.service, profileHref: serviceHref(r.service, scope) };
  if (r.type === 'AWSAccount') return { label: r.principalId ? `${r.principalId} in ${r.accountId ?? 'another account'}` : `account ${r.accountId ?? 'unknown'}`, profileHref: null };
  return { label: r.userName ?? r.principalId ?? r.arn ?? TYPE_LABELS[r.type ?? ''] ?? 'unknown', profileHref: null };
}

export function ipPrincipal(r: IpPrincipalRow, scope: Scope, roleAccountCopies = 0): IpPrincipal {
  // A session by its id: its ARN names the role by name only, so a re-created role's sessions would join it.
  const selector = r.type === 'AssumedRole' ? r.principalId : (r.arn ?? r.principalId ?? r.service);
  const eventsPrincipal = selector && principalValidator.safeParse(selector).success ? selector : null;
  return {
    key: [r.type, r.arn, r.principalId, r.service, r.roleArn, r.userName, r.accountId].join('|'),
    ...nameAndProfile(r, scope),
    typeLabel: TYPE_LABELS[r.type ?? ''] ?? r.type ?? 'unknown',
    accountId: r.accountId,
    eventsPrincipal,
    events: r.events,
    failed: r.failed,
    firstSeen: r.firstSeen,
    lastSeen: r.lastSeen,
    roleAccountCopies,
  };
}

/**
 * Pure: the principals of an address, one line each. A cross-account AssumeRole is logged twice,
 * and the role account's copy names the caller only as `AWSAccount` with its principal id: when
 * the caller's own line is there (same principal id), the copy is folded into it rather than
 * listed as a second, anonymous principal. A copy whose caller is not in the data stays a line.
 */
export function ipPrincipalList(rows: readonly IpPrincipalRow[], scope: Scope): IpPrincipal[] {
  const own = new Set(rows.filter((r) => r.type !== 'AWSAccount' && r.principalId).map((r) => r.principalId));
  const copies = new Map<string, number>();
  for (const r of rows) if (r.type === 'AWSAccount' && r.principalId && own.has(r.principalId)) copies.set(r.principalId, (copies.get(r.principalId) ?? 0) + r.events);
  return rows
    .filter((r) => !(r.type === 'AWSAccount' && r.principalId && own.has(r.principalId)))
    .map((r) => {
      const folded = r.type !== 'AWSAccount' && r.principalId ? (copies.get(r.principalId) ?? 0) : 0;
      if (folded && r.principalId) copies.delete(r.principalId);
      return ipPrincipal(r, scope, folded);
    });
}
