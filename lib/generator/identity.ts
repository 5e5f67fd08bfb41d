import { isoSeconds } from './time';
import type { UserIdentity } from './types';
import type { AgentFn } from './user-agents';
import { assumedRoleArn, type IamRole, type IamUser } from './world';

/**
 * Who makes a call. A role session carries exactly the fields the product links
 * on: the issued ASIA key, `<roleId>:<sessionName>`, the creation time of the
 * credentials, and the source identity that survives role chaining.
 */

export interface RoleSession {
  readonly role: IamRole;
  readonly sessionName: string;
  readonly accessKeyId: string;
  /** When STS issued the credentials (epoch ms); becomes sessionContext.attributes.creationDate. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly mfaAuthenticated: boolean;
  readonly sourceIdentity?: string;
  /** Instance-profile credentials fetched through IMDS carry this; "2.0" means IMDSv2. */
  readonly ec2RoleDelivery?: '1.0' | '2.0';
  /** Set for sessions from AssumeRoleWithWebIdentity. */
  readonly webIdentityProviderArn?: string;
  /** Service-linked role sessions name the service that acted. */
  readonly invokedBy?: string;
  /**
   * AWS's examples of instance-profile sessions print `"webIdFederationData": {}`; the older
   * scenarios leave it out, so only sessions that ask for it carry the empty object.
   */
  readonly emptyWebIdFederationData?: boolean;
}

export function sessionPrincipalId(session: RoleSession): string {
  return `${session.role.roleId}:${session.sessionName}`;
}

export function sessionArn(session: RoleSession): string {
  return assumedRoleArn(session.role, session.sessionName);
}

const identityCache = new WeakMap<RoleSession, UserIdentity>();

export function assumedRoleIdentity(session: RoleSession): UserIdentity {
  const cached = identityCache.get(session);
  if (cached) return cached;
  const { role } = session;
  const identity: UserIdentity = {
    type: 'AssumedRole',
    principalId: sessionPrincipalId(session),
    arn: sessionArn(session),
    accountId: role.accountId,
    accessKeyId: session.accessKeyId,
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: role.roleId, arn: role.arn, accountId: role.accountId, userName: role.name },
      webIdFederationData: session.webIdentityProviderArn
        ? { federatedProvider: session.webIdentityProviderArn, attributes: {} }
        : session.emptyWebIdFederationData
          ? {}
          : undefined,
      attributes: { creationDate: isoSeconds(session.issuedAt), mfaAuthenticated: session.mfaAuthenticated ? 'true' : 'false' },
      sourceIdentity: session.sourceIdentity,
      ec2RoleDelivery: session.ec2RoleDelivery,
    },
    invokedBy: session.invokedBy,
  };
  identityCache.set(session, identity);
  return identity;
}

/** Long-term key calls carry no session context. */
export function iamUserIdentity(user: IamUser): UserIdentity {
  return {
    type: 'IAMUser',
    principalId: user.userId,
    arn: user.arn,
    accountId: user.accountId,
    accessKeyId: user.accessKeyId,
    userName: user.name,
  };
}

/** A console session of an IAM user: temporary key, session context, no issuer. */
export interface ConsoleUserSession {
  readonly user: IamUser;
  readonly accessKeyId: string;
  readonly issuedAt: number;
  readonly mfaAuthenticated: boolean;
}

export function consoleUserIdentity(s: ConsoleUserSession): UserIdentity {
  return {
    type: 'IAMUser',
    principalId: s.user.userId,
    arn: s.user.arn,
    accountId: s.user.accountId,
    accessKeyId: s.accessKeyId,
    userName: s.user.name,
    sessionContext: {
      attributes: { creationDate: isoSeconds(s.issuedAt), mfaAuthenticated: s.mfaAuthenticated ? 'true' : 'false' },
    },
  };
}

/** The sign-in event itself names the user without any key. */
export function signInUserIdentity(user: IamUser): UserIdentity {
  return { type: 'IAMUser', principalId: user.userId, arn: user.arn, accountId: user.accountId, userName: user.name };
}

export function rootIdentity(accountId: string, accessKeyId?: string, issuedAt?: number): UserIdentity {
  return {
    type: 'Root',
    principalId: accountId,
    arn: `arn:aws:iam::${accountId}:root`,
    accountId,
    accessKeyId,
    sessionContext:
      issuedAt === undefined ? undefined : { attributes: { creationDate: isoSeconds(issuedAt), mfaAuthenticated: 'true' } },
  };
}

export function awsServiceIdentity(service: string): UserIdentity {
  return { type: 'AWSService', invokedBy: service };
}

/** How the role's account sees a caller from another account. */
export function awsAccountIdentity(principalId: string, accountId: string): UserIdentity {
  return { type: 'AWSAccount', principalId, accountId };
}

export function samlUserIdentity(nameQualifier: string, subject: string): UserIdentity {
  return { type: 'SAMLUser', principalId: `${nameQualifier}:${subject}`, userName: subject, identityProvider: nameQualifier };
}

export function webIdentityUserIdentity(providerArn: string, audience: string, subject: string): UserIdentity {
  return {
    type: 'WebIdentityUser',
    principalId: `${providerArn}:${audience}:${subject}`,
    userName: subject,
    identityProvider: providerArn,
  };
}

export interface IdentityCenterUser {
  readonly userName: string;
  readonly userId: string;
  readonly identityStoreArn: string;
  readonly homeAccountId: string;
}

export function identityCenterUserIdentity(user: IdentityCenterUser, credentialId: string): UserIdentity {
  return {
    type: 'IdentityCenterUser',
    accountId: user.homeAccountId,
    onBehalfOf: { userId: user.userId, identityStoreArn: user.identityStoreArn },
    credentialId,
  };
}

/**
 * A caller: the identity on its calls plus where it calls from. The agent
 * depends on the call because the CLI and SDKs name the command they ran.
 */
export interface Caller {
  readonly identity: UserIdentity;
  readonly sourceIPAddress: string;
  readonly agent: AgentFn;
  /** How the caller appears as `AWSAccount.principalId` when it assumes a role in another account. */
  readonly principalIdForOtherAccounts?: string;
  /** Console sessions mark their calls with sessionCredentialFromConsole. */
  readonly fromConsole?: boolean;
  /** Calls made by AWS on a principal's behalf carry no TLS details. */
  readonly noTls?: boolean;
}

export function sessionCaller(
  session: RoleSession,
  sourceIPAddress: string,
  agent: AgentFn,
  options: { fromConsole?: boolean; noTls?: boolean } = {},
): Caller {
  return {
    identity: assumedRoleIdentity(session),
    sourceIPAddress,
    agent,
    principalIdForOtherAccounts: sessionPrincipalId(session),
    fromConsole: options.fromConsole,
    noTls: options.noTls,
  };
}

export function userCaller(user: IamUser, sourceIPAddress: string, agent: AgentFn): Caller {
  return { identity: iamUserIdentity(user), sourceIPAddress, agent, principalIdForOtherAccounts: user.userId };
}

/**
 * A call an AWS service makes with the caller's own credentials on its behalf, such as Secrets
 * Manager decrypting a secret through KMS: the caller's identity with `invokedBy`, and the
 * service's name as sourceIPAddress and user agent (Secrets Manager user guide, "Monitor
 * Secrets Manager interaction with AWS KMS").
 */
export function onBehalfCaller(of: Caller, service: string): Caller {
  return { identity: { ...of.identity, invokedBy: service }, sourceIPAddress: service, agent: () => service, noTls: true };
}
