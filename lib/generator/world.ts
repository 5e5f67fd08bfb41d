import { stableAccessKeyId, stableUniqueId } from './ids';

/**
 * The organisation the logs come from, and constructors for its principals.
 * Principal ids depend only on the ARN, so they never change with the seed.
 */

export const ACCOUNTS = {
  management: { id: '111122223333', name: 'example-management', inOrganization: true },
  production: { id: '123456789012', name: 'example-production', inOrganization: true },
  sandbox: { id: '210987654321', name: 'example-sandbox', inOrganization: true },
  vendor: { id: '444455556666', name: 'Acme Monitoring', inOrganization: false },
} as const;

export const REGIONS = ['us-east-1', 'eu-west-1'] as const;
export type Region = (typeof REGIONS)[number];

/** IAM, the STS global endpoint, sign-in and Cost Explorer are logged in us-east-1. */
export const GLOBAL_REGION: Region = 'us-east-1';

export interface IamRole {
  readonly accountId: string;
  readonly name: string;
  /** IAM path, with leading and trailing slash. */
  readonly path: string;
  readonly arn: string;
  /** The role's unique id (AROA…), which prefixes every session's principalId. */
  readonly roleId: string;
}

export function iamRole(accountId: string, name: string, path = '/'): IamRole {
  const arn = `arn:aws:iam::${accountId}:role${path}${name}`;
  return { accountId, name, path, arn, roleId: stableUniqueId('AROA', arn) };
}

/** A service-linked role lives under /aws-service-role/<service>/. */
export function serviceLinkedRole(accountId: string, service: string, name: string): IamRole {
  return iamRole(accountId, name, `/aws-service-role/${service}/`);
}

export interface IamUser {
  readonly accountId: string;
  readonly name: string;
  readonly arn: string;
  /** AIDA… */
  readonly userId: string;
  /** The user's long-term key (AKIA…). */
  readonly accessKeyId: string;
}

export function iamUser(accountId: string, name: string): IamUser {
  const arn = `arn:aws:iam::${accountId}:user/${name}`;
  return { accountId, name, arn, userId: stableUniqueId('AIDA', arn), accessKeyId: stableAccessKeyId(arn) };
}

export function assumedRoleArn(role: IamRole, sessionName: string): string {
  return `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`;
}
