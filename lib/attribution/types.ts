/**
 * Who assumed a role, and the evidence. Vocabulary (as Amazon Detective uses it):
 *
 * - A role session is a role's principal id plus the session name: `AROA…:sessionName`.
 * - An assumption is one set of temporary credentials: one AssumeRole* response, or, when that
 *   event is not in the data, one access key seen in the session's activity.
 * - The assumer is the identity that called AssumeRole*.
 */

export const ASSUMER_TYPES = [
  'iam-user',
  'root',
  /** Role chaining: another role session called AssumeRole. */
  'role-session',
  /** IAM Identity Center: an AWSReservedSSO_* role assumed with SAML; the session name is the person. */
  'sso-user',
  'saml-user',
  'web-identity-user',
  /** An AWS service on its own behalf, e.g. ec2.amazonaws.com for an instance profile. */
  'aws-service',
  /** Only the caller's account is known (the role account's copy of a cross-account call). */
  'aws-account',
  'unknown',
] as const;
export type AssumerType = (typeof ASSUMER_TYPES)[number];

export interface Assumer {
  type: AssumerType;
  /** Stable key for grouping: the ARN, principal id, or service/account name. */
  key: string;
  /** What people read: a user name, `role/session`, a service, an account. */
  name: string;
  arn: string | null;
  principalId: string | null;
  accountId: string | null;
  /** For a role-session assumer: its role ARN, to walk the chain upstream. */
  roleArn: string | null;
  /** SAML or OIDC provider, for federated users. */
  provider: string | null;
}

export const STS_ASSUME_EVENTS = ['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity'] as const;
export type AssumeEventName = (typeof STS_ASSUME_EVENTS)[number];

// Derived from the assumption query's row schema, so the two cannot drift apart.
export type { AssumeRoleEventRow } from './queries/assume-role-events';

/** One set of temporary credentials, with the copies of its AssumeRole* event merged. */
export interface Assumption {
  roleArn: string;
  sessionName: string;
  /** `AROA…:session` when the response carried it (service-issued credentials may not). */
  assumedRoleId: string | null;
  accessKeyId: string | null;
  issuedAt: string;
  expiresAt: string | null;
  assumer: Assumer;
  /** SourceIdentity set on this hop or carried from the caller's session. */
  sourceIdentity: string | null;
  externalIdUsed: boolean;
  sourceIp: string | null;
  userAgent: string | null;
  callerMfa: boolean | null;
  eventName: AssumeEventName;
  /** Every copy's eventID: the caller's account copy and the role account's copy. */
  evidenceEventIds: string[];
  accounts: string[];
  crossAccount: boolean;
}

/** Credentials seen in a session's activity: an access key and the session's creation time. */
export interface ObservedCredential {
  accessKeyId: string | null;
  creationDate: string | null;
  firstSeen: string;
  lastSeen: string;
  events: number;
  failed: number;
  sourceIps: string[];
  mfaAuthenticated: boolean | null;
  sourceIdentity: string | null;
}

/**
 * How an observed credential was tied to the AssumeRole* event that issued it:
 * - `access-key`: the response's credentials.accessKeyId is the key used (proven);
 * - `session-and-time`: the response's assumedRoleId is this session and the issue time equals the
 *   session's creationDate (proven: STS stamps both);
 * - `inferred`: same role and session name within a few minutes, but no key or id to prove it;
 * - `none`: no AssumeRole* event in the data; the reason says why it may be missing.
 */
export const LINK_KINDS = ['access-key', 'session-and-time', 'inferred', 'none'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface LinkedCredential {
  credential: ObservedCredential;
  assumption: Assumption | null;
  link: LinkKind;
  confidence: 'proven' | 'inferred' | 'unknown';
  /** Why there is no proven link, in words an investigator can act on. */
  reason: string | null;
}
