import { tlsFor } from './event-builders';
import { sessionToken, tempAccessKeyId, uuid } from './ids';
import {
  awsAccountIdentity,
  awsServiceIdentity,
  type Caller,
  type RoleSession,
  samlUserIdentity,
  sessionArn,
  sessionPrincipalId,
  webIdentityUserIdentity,
} from './identity';
import type { Rng } from './prng';
import { credentialExpiration, isoSeconds, SECOND } from './time';
import type { CloudTrailRecord, JsonObject, TrailResource, UserIdentity } from './types';
import { GLOBAL_REGION, type IamRole } from './world';

/**
 * The events that issue role sessions. Each returns the session it created
 * (ASIA key, `AROA…:name`, creation time) together with the records to emit,
 * so the scenario that uses the session cannot drift from what was logged.
 *
 * Cross-account AssumeRole is logged twice, as AWS documents
 * (IAM user guide, "Example cross-account AWS STS API events"): once in the
 * caller's account with the caller's identity, once in the role's account with
 * `userIdentity.type = AWSAccount`. Both carry the request, the response and the
 * same requestID and sharedEventID, under different eventIDs.
 */

export interface Issued {
  readonly session: RoleSession;
  readonly records: CloudTrailRecord[];
}

function roleResource(role: IamRole): TrailResource {
  return { ARN: role.arn, accountId: role.accountId, type: 'AWS::IAM::Role' };
}

function credentials(rng: Rng, accessKeyId: string, expiresAt: number): JsonObject {
  return { accessKeyId, sessionToken: sessionToken(rng), expiration: credentialExpiration(expiresAt) };
}

function stsHost(region: string, globalEndpoint: boolean): string {
  return globalEndpoint ? 'sts.amazonaws.com' : `sts.${region}.amazonaws.com`;
}

interface SessionOptions {
  readonly mfaAuthenticated?: boolean;
  readonly sourceIdentity?: string;
  readonly ec2RoleDelivery?: '1.0' | '2.0';
  readonly webIdentityProviderArn?: string;
}

function newSession(
  rng: Rng,
  role: IamRole,
  sessionName: string,
  time: number,
  durationSeconds: number,
  accessKeyId: string | undefined,
  options: SessionOptions,
): RoleSession {
  return {
    role,
    sessionName,
    accessKeyId: accessKeyId ?? tempAccessKeyId(rng),
    issuedAt: time,
    expiresAt: time + durationSeconds * SECOND,
    mfaAuthenticated: options.mfaAuthenticated ?? false,
    sourceIdentity: options.sourceIdentity,
    ec2RoleDelivery: options.ec2RoleDelivery,
    webIdentityProviderArn: options.webIdentityProviderArn,
  };
}

export interface AssumeRoleInput {
  readonly time: number;
  readonly caller: Caller;
  readonly role: IamRole;
  readonly sessionName: string;
  readonly durationSeconds?: number;
  readonly externalId?: string;
  /** Set on the request when the caller passes one; a chained session inherits it either way. */
  readonly sourceIdentity?: string;
  readonly mfaSerial?: string;
  /** The STS endpoint's region; the global endpoint (the default) logs in us-east-1. */
  readonly region?: string;
  readonly regionalEndpoint?: boolean;
  /** Fixes the issued key when tests must know it in advance. */
  readonly accessKeyId?: string;
}

/** AssumeRole by a principal: one record in-account, two across accounts. */
export function assumeRole(rng: Rng, input: AssumeRoleInput): Issued {
  const { caller, role } = input;
  const callerAccount = caller.identity.accountId;
  if (!callerAccount) throw new Error('assumeRole: the caller has no account');
  const duration = input.durationSeconds ?? 3600;
  const inherited = caller.identity.sessionContext?.sourceIdentity;
  const sourceIdentity = input.sourceIdentity ?? inherited;
  const session = newSession(rng, role, input.sessionName, input.time, duration, input.accessKeyId, {
    mfaAuthenticated: input.mfaSerial !== undefined || caller.identity.sessionContext?.attributes.mfaAuthenticated === 'true',
    sourceIdentity,
  });
  const region = input.regionalEndpoint ? (input.region ?? GLOBAL_REGION) : GLOBAL_REGION;
  const crossAccount = callerAccount !== role.accountId;
  const requestID = uuid(rng);
  const sharedEventID = crossAccount ? uuid(rng) : undefined;
  const requestParameters: JsonObject = {
    roleArn: role.arn,
    roleSessionName: input.sessionName,
    durationSeconds: input.durationSeconds,
    externalId: input.externalId,
    sourceIdentity,
    serialNumber: input.mfaSerial,
  };
  const responseElements: JsonObject = {
    credentials: credentials(rng, session.accessKeyId, session.expiresAt),
    assumedRoleUser: { assumedRoleId: sessionPrincipalId(session), arn: sessionArn(session) },
    sourceIdentity,
  };
  const base = (identity: UserIdentity, recipientAccountId: string): CloudTrailRecord => ({
    eventVersion: '1.08',
    userIdentity: identity,
    eventTime: isoSeconds(input.time),
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    awsRegion: region,
    sourceIPAddress: caller.sourceIPAddress,
    userAgent: caller.agent('sts.amazonaws.com', 'AssumeRole', 'sts', 'sts#1.33.0'),
    requestParameters,
    responseElements,
    requestID,
    eventID: uuid(rng),
    readOnly: true,
    resources: [roleResource(role)],
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId,
    sharedEventID,
    eventCategory: 'Management',
    tlsDetails: caller.noTls ? undefined : tlsFor(stsHost(region, !input.regionalEndpoint)),
    sessionCredentialFromConsole: caller.fromConsole ? 'true' : undefined,
  });
  const records = [base(caller.identity, callerAccount)];
  if (crossAccount) {
    const principalId = caller.principalIdForOtherAccounts ?? caller.identity.principalId ?? callerAccount;
    records.push(base(awsAccountIdentity(principalId, callerAccount), role.accountId));
  }
  return { session, records };
}

export interface ServiceAssumeRoleInput {
  readonly time: number;
  /** The service principal, e.g. ec2.amazonaws.com. */
  readonly service: string;
  readonly role: IamRole;
  readonly sessionName: string;
  readonly durationSeconds: number;
  /** EC2 deliveries often log only `credentials`, with no `assumedRoleUser`. */
  readonly withAssumedRoleUser: boolean;
  readonly ec2RoleDelivery?: '1.0' | '2.0';
  readonly region?: string;
  readonly accessKeyId?: string;
}

/**
 * A service assuming a role on the account's behalf (instance profile, Lambda,
 * ECS task). The service calls from its own account, so the record carries a
 * sharedEventID even though only the role's account receives a copy.
 */
export function assumeRoleByService(rng: Rng, input: ServiceAssumeRoleInput): Issued {
  const session = newSession(rng, input.role, input.sessionName, input.time, input.durationSeconds, input.accessKeyId, {
    ec2RoleDelivery: input.ec2RoleDelivery,
  });
  const record: CloudTrailRecord = {
    eventVersion: '1.08',
    userIdentity: awsServiceIdentity(input.service),
    eventTime: isoSeconds(input.time),
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    awsRegion: input.region ?? GLOBAL_REGION,
    sourceIPAddress: input.service,
    userAgent: input.service,
    requestParameters: { roleArn: input.role.arn, roleSessionName: input.sessionName },
    responseElements: {
      credentials: credentials(rng, session.accessKeyId, session.expiresAt),
      assumedRoleUser: input.withAssumedRoleUser
        ? { assumedRoleId: sessionPrincipalId(session), arn: sessionArn(session) }
        : undefined,
    },
    requestID: uuid(rng),
    eventID: uuid(rng),
    readOnly: true,
    resources: [roleResource(input.role)],
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: input.role.accountId,
    sharedEventID: uuid(rng),
    eventCategory: 'Management',
  };
  return { session, records: [record] };
}

export interface SamlInput {
  readonly time: number;
  readonly role: IamRole;
  readonly sessionName: string;
  readonly samlProviderArn: string;
  readonly nameQualifier: string;
  readonly subject: string;
  readonly issuer: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  readonly durationSeconds: number;
  readonly region: string;
  readonly accessKeyId?: string;
}

/** AssumeRoleWithSAML, as IAM Identity Center logs it in the member account. */
export function assumeRoleWithSaml(rng: Rng, input: SamlInput): Issued {
  const session = newSession(rng, input.role, input.sessionName, input.time, input.durationSeconds, input.accessKeyId, {});
  const record: CloudTrailRecord = {
    eventVersion: '1.08',
    userIdentity: samlUserIdentity(input.nameQualifier, input.subject),
    eventTime: isoSeconds(input.time),
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRoleWithSAML',
    awsRegion: input.region,
    sourceIPAddress: input.sourceIPAddress,
    userAgent: input.userAgent,
    requestParameters: {
      sAMLAssertionID: `_${uuid(rng)}`,
      roleSessionName: input.sessionName,
      roleArn: input.role.arn,
      principalArn: input.samlProviderArn,
      durationSeconds: input.durationSeconds,
    },
    responseElements: {
      credentials: credentials(rng, session.accessKeyId, session.expiresAt),
      assumedRoleUser: { assumedRoleId: sessionPrincipalId(session), arn: sessionArn(session) },
      subject: input.subject,
      subjectType: 'persistent',
      issuer: input.issuer,
      audience: 'https://signin.aws.amazon.com/saml',
      nameQualifier: input.nameQualifier,
    },
    additionalEventData: { RequestDetails: { endpointType: 'regional', awsServingRegion: input.region } },
    requestID: uuid(rng),
    eventID: uuid(rng),
    readOnly: true,
    resources: [
      roleResource(input.role),
      { ARN: input.samlProviderArn, accountId: input.role.accountId, type: 'AWS::IAM::SAMLProvider' },
    ],
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: input.role.accountId,
    eventCategory: 'Management',
    tlsDetails: tlsFor(`sts.${input.region}.amazonaws.com`),
  };
  return { session, records: [record] };
}

export interface WebIdentityInput {
  readonly time: number;
  readonly role: IamRole;
  readonly sessionName: string;
  readonly providerArn: string;
  readonly audience: string;
  readonly subject: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  readonly durationSeconds: number;
  readonly region: string;
  readonly accessKeyId?: string;
}

/** AssumeRoleWithWebIdentity from an OIDC provider such as GitHub Actions. */
export function assumeRoleWithWebIdentity(rng: Rng, input: WebIdentityInput): Issued {
  const session = newSession(rng, input.role, input.sessionName, input.time, input.durationSeconds, input.accessKeyId, {
    webIdentityProviderArn: input.providerArn,
  });
  const record: CloudTrailRecord = {
    eventVersion: '1.08',
    userIdentity: webIdentityUserIdentity(input.providerArn, input.audience, input.subject),
    eventTime: isoSeconds(input.time),
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRoleWithWebIdentity',
    awsRegion: input.region,
    sourceIPAddress: input.sourceIPAddress,
    userAgent: input.userAgent,
    requestParameters: {
      roleArn: input.role.arn,
      roleSessionName: input.sessionName,
      durationSeconds: input.durationSeconds,
    },
    responseElements: {
      credentials: credentials(rng, session.accessKeyId, session.expiresAt),
      subjectFromWebIdentityToken: input.subject,
      assumedRoleUser: { assumedRoleId: sessionPrincipalId(session), arn: sessionArn(session) },
      provider: input.providerArn,
      audience: input.audience,
    },
    additionalEventData: {
      identityProviderConnectionVerificationMethod: 'IAMTrustStore',
      RequestDetails: { awsServingRegion: input.region, endpointType: 'regional' },
    },
    requestID: uuid(rng),
    eventID: uuid(rng),
    readOnly: true,
    resources: [roleResource(input.role)],
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: input.role.accountId,
    eventCategory: 'Management',
    tlsDetails: tlsFor(`sts.${input.region}.amazonaws.com`),
  };
  return { session, records: [record] };
}
