import type { ApiSpec } from './api-catalog';
import { s3ExtendedRequestId, s3RequestId, uuid } from './ids';
import type { Caller } from './identity';
import type { Rng } from './prng';
import { isoSeconds } from './time';
import type { CloudTrailRecord, JsonObject, TlsDetails, TrailResource, UserIdentity } from './types';
import { GLOBAL_REGION } from './world';

/**
 * Builders for the common CloudTrail records: an API call by a caller, an AWS
 * service event, a console sign-in. STS issuing events live in sts-events.ts.
 * All ids come from the rng the caller passes, so a scenario's ids depend only
 * on its own stream.
 */

export interface CallError {
  readonly code: string;
  readonly message: string;
}

export interface ApiCallInput {
  readonly time: number;
  readonly caller: Caller;
  readonly spec: ApiSpec;
  /** The caller's configured region; global services log in us-east-1 regardless. */
  readonly region: string;
  /** Defaults to the account of the calling identity. */
  readonly recipientAccountId?: string;
  readonly requestParameters?: JsonObject | null;
  readonly responseElements?: JsonObject | null;
  readonly resources?: TrailResource[];
  readonly additionalEventData?: JsonObject;
  readonly error?: CallError;
  readonly sharedEventID?: string;
  readonly requestID?: string;
  /** The VPC endpoint the call went through (the caller's sourceIPAddress is then its private address). */
  readonly vpcEndpointId?: string;
  /** Fixes the eventID when tests must know it in advance. */
  readonly eventID?: string;
}

const TLS13 = 'TLSv1.3';
const TLS13_SUITE = 'TLS_AES_128_GCM_SHA256';

export function tlsFor(host: string): TlsDetails {
  return { tlsVersion: TLS13, cipherSuite: TLS13_SUITE, clientProvidedHostHeader: host };
}

function eventVersionFor(spec: ApiSpec): '1.08' | '1.09' {
  if (spec.eventVersion) return spec.eventVersion;
  return spec.eventSource === 'sts.amazonaws.com' || spec.eventSource === 'signin.amazonaws.com' ? '1.08' : '1.09';
}

function s3Additional(rng: Rng, bytesOut: number): JsonObject {
  return {
    SignatureVersion: 'SigV4',
    CipherSuite: TLS13_SUITE,
    bytesTransferredIn: 0,
    AuthenticationMethod: 'AuthHeader',
    'x-amz-id-2': s3ExtendedRequestId(rng),
    bytesTransferredOut: bytesOut,
  };
}

export function apiCall(rng: Rng, input: ApiCallInput): CloudTrailRecord {
  const { spec, caller } = input;
  const awsRegion = spec.global ? GLOBAL_REGION : input.region;
  const accountId = input.recipientAccountId ?? caller.identity.accountId;
  if (!accountId) throw new Error(`apiCall: no recipient account for ${spec.eventName}`);
  const ctx = { rng, region: awsRegion, accountId };
  const isS3 = spec.eventSource === 's3.amazonaws.com';
  const failed = input.error !== undefined;
  // Denied IAM-style calls log no request; EC2 keeps the request even when it refuses it.
  const deniedWithoutRequest = failed && input.error?.code === 'AccessDenied';
  const requestParameters =
    input.requestParameters !== undefined
      ? input.requestParameters
      : deniedWithoutRequest
        ? null
        : (spec.request?.(ctx) ?? null);
  const responseElements = failed ? null : input.responseElements !== undefined ? input.responseElements : (spec.response?.(ctx) ?? null);
  const category = spec.category ?? 'Management';
  return {
    eventVersion: eventVersionFor(spec),
    userIdentity: caller.identity,
    eventTime: isoSeconds(input.time),
    eventSource: spec.eventSource,
    eventName: spec.eventName,
    awsRegion,
    sourceIPAddress: caller.sourceIPAddress,
    userAgent: caller.agent(spec.eventSource, spec.eventName, spec.cliService, spec.sdkApi),
    errorCode: input.error?.code,
    errorMessage: input.error?.message,
    requestParameters,
    responseElements,
    additionalEventData:
      input.additionalEventData ?? (isS3 ? s3Additional(rng, failed ? 0 : category === 'Data' ? rng.int(400, 250_000) : rng.int(200, 900)) : spec.additional?.(ctx)),
    requestID: input.requestID ?? (isS3 ? s3RequestId(rng) : uuid(rng)),
    eventID: input.eventID ?? uuid(rng),
    readOnly: spec.readOnly,
    resources: input.resources ?? (failed ? undefined : spec.resources?.(ctx)),
    eventType: 'AwsApiCall',
    managementEvent: category === 'Management',
    recipientAccountId: accountId,
    sharedEventID: input.sharedEventID,
    vpcEndpointId: input.vpcEndpointId,
    eventCategory: category,
    // Path-style and virtual-hosted S3 requests name the bucket's host, which the TLS details echo.
    tlsDetails: caller.noTls ? undefined : tlsFor(typeof requestParameters?.Host === 'string' ? requestParameters.Host : spec.host(awsRegion)),
    sessionCredentialFromConsole: caller.fromConsole ? 'true' : undefined,
  };
}

/** "User: <arn> is not authorized to perform: <action> …", in each service's own wording. */
export function accessDenied(identity: UserIdentity, spec: ApiSpec, resource: string): CallError {
  const action = `${spec.iamPrefix}:${spec.eventName.replace(/\d{8}(v\d)?$/, '')}`;
  const who = identity.arn ?? identity.principalId ?? 'unknown';
  const because = `because no identity-based policy allows the ${action} action`;
  if (spec.eventSource === 'ec2.amazonaws.com') {
    return {
      code: 'Client.UnauthorizedOperation',
      message: `You are not authorized to perform this operation. User: ${who} is not authorized to perform: ${action} on resource: ${resource} ${because}`,
    };
  }
  if (spec.eventSource === 's3.amazonaws.com') return { code: 'AccessDenied', message: 'Access Denied' };
  return { code: 'AccessDenied', message: `User: ${who} is not authorized to perform: ${action} on resource: ${resource} ${because}` };
}

/** EC2 reports throttling with its own code; most other services say ThrottlingException. */
export function throttled(spec: ApiSpec): CallError {
  if (spec.eventSource === 'ec2.amazonaws.com') return { code: 'Client.RequestLimitExceeded', message: 'Request limit exceeded.' };
  return { code: 'ThrottlingException', message: 'Rate exceeded' };
}

export interface ServiceEventInput {
  readonly time: number;
  readonly accountId: string;
  readonly region: string;
  readonly eventSource: string;
  readonly eventName: string;
  readonly identity: UserIdentity;
  readonly readOnly: boolean;
  readonly serviceEventDetails?: JsonObject;
  readonly resources?: TrailResource[];
  readonly sourceIPAddress?: string;
  readonly userAgent?: string;
  readonly additionalEventData?: JsonObject;
  readonly withRequestId?: boolean;
}

/** Something AWS did or observed on the account's behalf (eventType AwsServiceEvent). */
export function serviceEvent(rng: Rng, input: ServiceEventInput): CloudTrailRecord {
  return {
    eventVersion: '1.09',
    userIdentity: input.identity,
    eventTime: isoSeconds(input.time),
    eventSource: input.eventSource,
    eventName: input.eventName,
    awsRegion: input.region,
    sourceIPAddress: input.sourceIPAddress ?? 'AWS Internal',
    userAgent: input.userAgent ?? 'AWS Internal',
    requestParameters: null,
    responseElements: null,
    additionalEventData: input.additionalEventData,
    requestID: input.withRequestId ? uuid(rng) : undefined,
    eventID: uuid(rng),
    readOnly: input.readOnly,
    resources: input.resources,
    eventType: 'AwsServiceEvent',
    managementEvent: true,
    recipientAccountId: input.accountId,
    serviceEventDetails: input.serviceEventDetails,
    eventCategory: 'Management',
  };
}

export interface ConsoleLoginInput {
  readonly time: number;
  readonly identity: UserIdentity;
  readonly recipientAccountId: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  readonly mfaUsed: boolean;
  readonly loginTo?: string;
  /** Regional sign-in endpoints log in their region; the global one in us-east-1. */
  readonly region?: string;
  readonly failure?: string;
}

export function consoleLogin(rng: Rng, input: ConsoleLoginInput): CloudTrailRecord {
  return {
    eventVersion: '1.09',
    userIdentity: input.identity,
    eventTime: isoSeconds(input.time),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: input.region ?? GLOBAL_REGION,
    sourceIPAddress: input.sourceIPAddress,
    userAgent: input.userAgent,
    errorMessage: input.failure,
    requestParameters: null,
    responseElements: { ConsoleLogin: input.failure ? 'Failure' : 'Success' },
    additionalEventData: {
      LoginTo: input.loginTo ?? 'https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB',
      MobileVersion: 'No',
      MFAUsed: input.mfaUsed ? 'Yes' : 'No',
    },
    eventID: uuid(rng),
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: input.recipientAccountId,
    eventCategory: 'Management',
    tlsDetails: {
      tlsVersion: TLS13,
      cipherSuite: TLS13_SUITE,
      clientProvidedHostHeader: input.region ? `${input.region}.signin.aws.amazon.com` : 'signin.aws.amazon.com',
    },
  };
}
