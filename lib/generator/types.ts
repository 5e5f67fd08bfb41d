/**
 * The CloudTrail record as the generator writes it. Field order follows real
 * log files; optional fields are left `undefined` (JSON.stringify drops them)
 * while fields AWS prints as `null` (requestParameters, responseElements) stay null.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

export interface SessionIssuer {
  type: 'Role' | 'IAMUser' | 'Root';
  principalId: string;
  arn: string;
  accountId: string;
  userName: string;
}

export interface SessionContext {
  sessionIssuer?: SessionIssuer;
  webIdFederationData?: { federatedProvider?: string; attributes?: Record<string, string> };
  attributes: { creationDate: string; mfaAuthenticated: 'true' | 'false' };
  sourceIdentity?: string;
  ec2RoleDelivery?: '1.0' | '2.0';
}

export const USER_IDENTITY_TYPES = [
  'IAMUser',
  'AssumedRole',
  'AWSService',
  'AWSAccount',
  'Root',
  'SAMLUser',
  'WebIdentityUser',
  'IdentityCenterUser',
] as const;
export type UserIdentityType = (typeof USER_IDENTITY_TYPES)[number];

export interface UserIdentity {
  /** Absent on some AWS service events, which name only the account and the invoking service. */
  type?: UserIdentityType;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  identityProvider?: string;
  sessionContext?: SessionContext;
  invokedBy?: string;
  onBehalfOf?: { userId: string; identityStoreArn: string };
  credentialId?: string;
}

export interface TrailResource {
  ARN?: string;
  ARNPrefix?: string;
  accountId?: string;
  type: string;
}

export const EVENT_TYPES = ['AwsApiCall', 'AwsServiceEvent', 'AwsConsoleSignIn'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface TlsDetails {
  tlsVersion: string;
  cipherSuite: string;
  clientProvidedHostHeader: string;
}

export interface CloudTrailRecord {
  eventVersion: '1.08' | '1.09';
  userIdentity: UserIdentity;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters: JsonObject | null;
  responseElements: JsonObject | null;
  additionalEventData?: JsonObject;
  requestID?: string;
  eventID: string;
  readOnly: boolean;
  resources?: TrailResource[];
  eventType: EventType;
  managementEvent: boolean;
  recipientAccountId: string;
  sharedEventID?: string;
  /** Set when the call reached the service through a VPC endpoint; sourceIPAddress is then private. */
  vpcEndpointId?: string;
  serviceEventDetails?: JsonObject;
  eventCategory: 'Management' | 'Data';
  tlsDetails?: TlsDetails;
  sessionCredentialFromConsole?: 'true';
}

/** Where a record goes: every emitted record carries its epoch time for ordering. */
export interface Emitter {
  emit(timeMs: number, record: CloudTrailRecord): void;
}
