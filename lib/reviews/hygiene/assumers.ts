import { isIdentityCenterRole } from '@/lib/attribution/assumer';
import type { SessionNameUsageRow } from '@/lib/reviews/queries/session-name-usage';

/**
 * Who called AssumeRole*, as the hygiene review needs it: a kind, a name to show, the name the
 * session name should carry (for people), and the principal a trust policy would name.
 */

export const HYGIENE_ASSUMER_KINDS = ['iam-user', 'root', 'role-session', 'sso-user', 'saml-user', 'web-identity', 'aws-service', 'account'] as const;
export type HygieneAssumerKind = (typeof HYGIENE_ASSUMER_KINDS)[number];

export interface HygieneAssumer {
  key: string;
  kind: HygieneAssumerKind;
  name: string;
  /** The name a session name should match; null when the caller is a workload or unknown. */
  personName: string | null;
  /** What a trust policy's Principal.AWS would name: a user or role ARN, or an account root. */
  trustPrincipal: string | null;
  accountId: string | null;
}

const ASSUMED_ROLE_ARN = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/;

export function hygieneAssumerOf(row: SessionNameUsageRow): HygieneAssumer {
  const base = { key: row.callerKey, accountId: row.callerAccount };
  switch (row.callerType) {
    case 'IAMUser': {
      const name = row.callerUserName ?? row.callerArn?.split('/').pop() ?? row.callerKey;
      return { ...base, kind: 'iam-user', name, personName: name, trustPrincipal: row.callerArn };
    }
    case 'Root':
      return { ...base, kind: 'root', name: `root (${row.callerAccount ?? '?'})`, personName: null, trustPrincipal: row.callerAccount ? `arn:aws:iam::${row.callerAccount}:root` : null };
    case 'AssumedRole': {
      const m = row.callerArn ? ASSUMED_ROLE_ARN.exec(row.callerArn) : null;
      const session = row.callerKey.includes(':') ? row.callerKey.slice(row.callerKey.indexOf(':') + 1) : row.callerKey;
      // The assumed-role ARN drops the role's path; a trust policy naming the role needs it, so the reviewer checks it.
      const roleArn = m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : null;
      return { ...base, kind: 'role-session', name: m ? `${m[3]}/${session}` : session, personName: session, trustPrincipal: roleArn };
    }
    case 'SAMLUser': {
      const name = row.callerUserName ?? row.callerKey.split(':').pop() ?? row.callerKey;
      return { ...base, kind: isIdentityCenterRole(row.roleArn) ? 'sso-user' : 'saml-user', name, personName: name, trustPrincipal: null };
    }
    case 'WebIdentityUser':
      return { ...base, kind: 'web-identity', name: row.callerUserName ?? row.callerKey, personName: null, trustPrincipal: null };
    case 'AWSService':
      return { ...base, kind: 'aws-service', name: row.callerKey, personName: null, trustPrincipal: null };
    default:
      // The role account's copy of a cross-account call: the caller's account and principal id only.
      return {
        ...base,
        kind: 'account',
        name: row.callerAccount ? `${row.callerKey} in ${row.callerAccount}` : row.callerKey,
        personName: null,
        trustPrincipal: row.callerAccount ? `arn:aws:iam::${row.callerAccount}:root` : null,
      };
  }
}

/** Kinds whose session names are expected to name a person. */
export const PERSON_KINDS: readonly HygieneAssumerKind[] = ['iam-user', 'root', 'role-session', 'saml-user', 'sso-user', 'account'];
