import { API, type ApiSpec } from '../api-catalog';
import { stableInstanceId } from '../ids';
import { IP_TABLE, type IpLocation } from '../ip-table';
import { CLI_LINUX, CLI_MAC, CLI_WINDOWS, type CliPersona } from '../user-agents';
import { ACCOUNTS, iamRole, type IamRole, iamUser, type IamUser, serviceLinkedRole } from '../world';

/**
 * Who the background is made of: people with long-term keys, console users,
 * people and pipelines that assume roles, Identity Center read-only users,
 * workloads whose roles AWS services assume (Lambda, ECS, EC2), and
 * service-linked roles. Names and places are fixed; only behaviour is random.
 */

const PROD = ACCOUNTS.production.id;
const SANDBOX = ACCOUNTS.sandbox.id;
const MGMT = ACCOUNTS.management.id;

export const READ_PALETTE: readonly ApiSpec[] = [
  API.describeInstances,
  API.describeInstances,
  API.describeSecurityGroups,
  API.describeVpcs,
  API.describeSubnets,
  API.describeVolumes,
  API.getCallerIdentity,
  API.describeServices,
  API.listTasks,
  API.describeLogGroups,
  API.describeStacks,
  API.listFunctions,
  API.describeTable,
  API.listTables,
  API.getParameter,
  API.describeAlarms,
  API.listBuckets,
  API.describeRepositories,
];

export const ADMIN_PALETTE: readonly ApiSpec[] = [
  API.listRoles,
  API.listUsers,
  API.getRole,
  API.listPolicies,
  API.listAttachedRolePolicies,
  API.getAccountSummary,
  API.listAccessKeys,
  API.listMfaDevices,
  API.describeTrails,
  API.lookupEvents,
];

export const CONSOLE_PALETTE: readonly ApiSpec[] = [
  API.describeInstances,
  API.describeInstances,
  API.describeInstanceStatus,
  API.describeSecurityGroups,
  API.describeVpcs,
  API.describeAlarms,
  API.listBuckets,
  API.listRoles,
  API.getAccountSummary,
  API.describeTrails,
  API.lookupEvents,
  API.describeStacks,
  API.listFunctions,
];

export const TERRAFORM_PALETTE: readonly ApiSpec[] = [
  API.describeInstances,
  API.describeSecurityGroups,
  API.describeVpcs,
  API.describeSubnets,
  API.getRole,
  API.listAttachedRolePolicies,
  API.describeTable,
  API.describeRepositories,
  API.listFunctions,
  API.describeLogGroups,
  API.describeAlarms,
  API.describeImages,
];

export interface CliPerson {
  readonly user: IamUser;
  readonly ips: readonly IpLocation[];
  readonly persona: CliPersona;
  readonly utcOffset: number;
  /** Share of calls made in eu-west-1 rather than us-east-1. */
  readonly euShare: number;
  readonly admin: boolean;
}

const cli = (
  account: string,
  name: string,
  ips: readonly IpLocation[],
  persona: CliPersona,
  utcOffset: number,
  euShare: number,
  admin = false,
): CliPerson => ({ user: iamUser(account, name), ips, persona, utcOffset, euShare, admin });

export const CLI_PEOPLE: readonly CliPerson[] = [
  cli(PROD, 'pchen', [IP_TABLE.seattle1, IP_TABLE.seattle2], CLI_MAC, -8, 0.1, true),
  cli(PROD, 'mgarcia', [IP_TABLE.newYork1, IP_TABLE.newYork2], CLI_MAC, -5, 0.2),
  cli(PROD, 'akumar', [IP_TABLE.bengaluru1, IP_TABLE.mumbai1], CLI_LINUX, 5.5, 0.3),
  cli(SANDBOX, 'ocampbell', [IP_TABLE.london1, IP_TABLE.london2], CLI_WINDOWS, 0, 0.75),
  cli(SANDBOX, 'ysato', [IP_TABLE.tokyo1], CLI_MAC, 9, 0.2),
  cli(SANDBOX, 'fsilva', [IP_TABLE.saoPaulo1], CLI_LINUX, -3, 0.15, true),
];

export interface ConsolePerson {
  readonly user: IamUser;
  readonly ips: readonly IpLocation[];
  readonly browser: 'chrome-mac' | 'edge-windows' | 'firefox-linux';
  readonly utcOffset: number;
  readonly mfa: boolean;
  readonly euShare: number;
}

const web = (
  account: string,
  name: string,
  ips: readonly IpLocation[],
  browser: ConsolePerson['browser'],
  utcOffset: number,
  mfa: boolean,
  euShare: number,
): ConsolePerson => ({ user: iamUser(account, name), ips, browser, utcOffset, mfa, euShare });

export const CONSOLE_PEOPLE: readonly ConsolePerson[] = [
  web(PROD, 'rsmith', [IP_TABLE.carrollton1, IP_TABLE.carrollton2], 'edge-windows', -6, true, 0.1),
  web(PROD, 'ewilson', [IP_TABLE.toronto1], 'chrome-mac', -5, true, 0.2),
  web(SANDBOX, 'lnguyen', [IP_TABLE.singapore1], 'chrome-mac', 8, false, 0.3),
  web(SANDBOX, 'tkowalski', [IP_TABLE.amsterdam1], 'firefox-linux', 1, true, 0.8),
  web(PROD, 'hmueller', [IP_TABLE.paris1], 'firefox-linux', 1, true, 0.85),
  web(SANDBOX, 'jdoe', [IP_TABLE.sydney1], 'edge-windows', 11, false, 0.1),
];

export type SessionNaming = 'user-name' | 'botocore' | 'go-sdk';

export interface RoleUser {
  readonly user: IamUser;
  readonly role: IamRole;
  readonly ips: readonly IpLocation[];
  readonly agent: 'cli-mac' | 'cli-linux' | 'terraform' | 'boto3';
  readonly naming: SessionNaming;
  readonly palette: readonly ApiSpec[];
  /** null for pipelines that run at any hour. */
  readonly utcOffset: number | null;
  readonly euShare: number;
}

export const ROLE_USERS: readonly RoleUser[] = [
  {
    user: iamUser(MGMT, 'jlee'),
    role: iamRole(PROD, 'OpsAdmin'),
    ips: [IP_TABLE.seattle2],
    agent: 'cli-mac',
    naming: 'user-name',
    palette: [...READ_PALETTE, ...ADMIN_PALETTE],
    utcOffset: -8,
    euShare: 0.2,
  },
  {
    user: iamUser(MGMT, 'terraform-ci'),
    role: iamRole(PROD, 'TerraformApply'),
    ips: [IP_TABLE.boardman1, IP_TABLE.boardman2],
    agent: 'terraform',
    naming: 'go-sdk',
    palette: TERRAFORM_PALETTE,
    utcOffset: null,
    euShare: 0.3,
  },
  {
    user: iamUser(MGMT, 'terraform-ci'),
    role: iamRole(SANDBOX, 'TerraformApply'),
    ips: [IP_TABLE.boardman1, IP_TABLE.boardman2],
    agent: 'terraform',
    naming: 'go-sdk',
    palette: TERRAFORM_PALETTE,
    utcOffset: null,
    euShare: 0.3,
  },
  {
    user: iamUser(SANDBOX, 'rpatel'),
    role: iamRole(SANDBOX, 'DevAdmin'),
    ips: [IP_TABLE.mumbai1],
    agent: 'boto3',
    naming: 'botocore',
    palette: READ_PALETTE,
    utcOffset: 5.5,
    euShare: 0.2,
  },
];

export interface SsoPerson {
  readonly userName: string;
  readonly userId: string;
  readonly role: IamRole;
  readonly permissionSet: string;
  readonly samlProviderArn: string;
  readonly ips: readonly IpLocation[];
  readonly utcOffset: number;
}

export const SSO_PEOPLE: readonly SsoPerson[] = [
  {
    userName: 'dmitri',
    userId: '906757a4-b0c1-70aa-51de-2f6e8c1d9a03',
    role: iamRole(PROD, 'AWSReservedSSO_ReadOnlyAccess_9f0e1d2c3b4a5968', '/aws-reserved/sso.amazonaws.com/'),
    permissionSet: 'ReadOnlyAccess',
    samlProviderArn: `arn:aws:iam::${PROD}:saml-provider/AWSSSO_3c1a2b9d8e7f6a5b_DO_NOT_DELETE`,
    ips: [IP_TABLE.london2],
    utcOffset: 0,
  },
  {
    userName: 'keiko',
    userId: '906757a4-77f2-70e1-9c4b-0a1b2c3d4e5f',
    role: iamRole(PROD, 'AWSReservedSSO_ReadOnlyAccess_9f0e1d2c3b4a5968', '/aws-reserved/sso.amazonaws.com/'),
    permissionSet: 'ReadOnlyAccess',
    samlProviderArn: `arn:aws:iam::${PROD}:saml-provider/AWSSSO_3c1a2b9d8e7f6a5b_DO_NOT_DELETE`,
    ips: [IP_TABLE.tokyo1],
    utcOffset: 9,
  },
  {
    userName: 'marco',
    userId: '906757a4-3e8d-7052-b6aa-9d8c7b6a5f4e',
    role: iamRole(SANDBOX, 'AWSReservedSSO_PowerUserAccess_41d2e3f4a5b6c7d8', '/aws-reserved/sso.amazonaws.com/'),
    permissionSet: 'PowerUserAccess',
    samlProviderArn: `arn:aws:iam::${SANDBOX}:saml-provider/AWSSSO_7e6d5c4b3a291807_DO_NOT_DELETE`,
    ips: [IP_TABLE.saoPaulo1],
    utcOffset: -3,
  },
];

export interface Workload {
  readonly label: string;
  readonly role: IamRole;
  /** The service principal that assumes the role. */
  readonly service: 'ec2.amazonaws.com' | 'lambda.amazonaws.com' | 'ecs-tasks.amazonaws.com';
  /** Fixed session name (instance id, function name), or null for a fresh ECS task id per session. */
  readonly sessionName: string | null;
  readonly refreshHours: readonly [number, number];
  readonly ip: IpLocation;
  readonly region: 'us-east-1' | 'eu-west-1';
  readonly agent: 'ssm-agent' | 'lambda-python' | 'lambda-java' | 'ecs-java' | 'boto3';
  readonly palette: readonly ApiSpec[];
  /** Relative activity; the busiest workloads dominate real trails. */
  readonly weight: number;
  /** Only active between these UTC hours, if set. */
  readonly activeUtcHours?: readonly [number, number];
}

const webRole = iamRole(PROD, 'web-ec2-role');
const SSM_PALETTE: readonly ApiSpec[] = [
  API.updateInstanceInformation,
  API.updateInstanceInformation,
  API.updateInstanceInformation,
  API.listInstanceAssociations,
  API.decrypt,
  API.getSecretValue,
];

export const WORKLOADS: readonly Workload[] = [
  ...(
    [
      ['web-1', IP_TABLE.ec2UsEast1d, 'us-east-1'],
      ['web-2', IP_TABLE.ec2UsEast1e, 'us-east-1'],
      ['web-eu-1', IP_TABLE.ec2EuWest1a, 'eu-west-1'],
    ] as const
  ).map(
    ([name, ip, region]): Workload => ({
      label: name,
      role: webRole,
      service: 'ec2.amazonaws.com',
      sessionName: stableInstanceId(name),
      refreshHours: [5.5, 6],
      ip,
      region,
      agent: 'ssm-agent',
      palette: SSM_PALETTE,
      weight: 8,
    }),
  ),
  {
    label: 'dev-box',
    role: iamRole(SANDBOX, 'dev-ec2-role'),
    service: 'ec2.amazonaws.com',
    sessionName: stableInstanceId('dev-box'),
    refreshHours: [5.5, 6],
    ip: IP_TABLE.ec2UsEast1f,
    region: 'us-east-1',
    agent: 'ssm-agent',
    palette: SSM_PALETTE,
    weight: 4,
  },
  {
    label: 'orders-api',
    role: iamRole(PROD, 'orders-api-role'),
    service: 'lambda.amazonaws.com',
    sessionName: 'orders-api',
    refreshHours: [1, 8],
    ip: IP_TABLE.lambdaUsEast1,
    region: 'us-east-1',
    agent: 'lambda-python',
    palette: [API.decrypt, API.decrypt, API.getSecretValue, API.getParameter, API.createLogStream],
    weight: 9,
  },
  {
    label: 'thumbnailer',
    role: iamRole(PROD, 'thumbnailer-role'),
    service: 'lambda.amazonaws.com',
    sessionName: 'thumbnailer',
    refreshHours: [1, 8],
    ip: IP_TABLE.ec2EuWest1b,
    region: 'eu-west-1',
    agent: 'lambda-java',
    palette: [API.decrypt, API.generateDataKey, API.createLogStream],
    weight: 5,
  },
  {
    label: 'nightly-report',
    role: iamRole(SANDBOX, 'nightly-report-role'),
    service: 'lambda.amazonaws.com',
    sessionName: 'nightly-report',
    refreshHours: [1, 2],
    ip: IP_TABLE.lambdaUsEast1,
    region: 'us-east-1',
    agent: 'lambda-python',
    palette: [API.getParameter, API.decrypt, API.listTables, API.describeTable],
    weight: 6,
    activeUtcHours: [1, 3],
  },
  {
    label: 'payments-task',
    role: iamRole(PROD, 'payments-task-role'),
    service: 'ecs-tasks.amazonaws.com',
    sessionName: null,
    refreshHours: [2, 12],
    ip: IP_TABLE.ecsUsEast1,
    region: 'us-east-1',
    agent: 'ecs-java',
    palette: [API.decrypt, API.getSecretValue, API.getParameters, API.describeTable],
    weight: 7,
  },
  {
    label: 'payments-task-eu',
    role: iamRole(PROD, 'payments-task-role'),
    service: 'ecs-tasks.amazonaws.com',
    sessionName: null,
    refreshHours: [2, 12],
    ip: IP_TABLE.ec2EuWest1c,
    region: 'eu-west-1',
    agent: 'ecs-java',
    palette: [API.decrypt, API.getSecretValue, API.getParameters],
    weight: 4,
  },
];

export interface LinkedRoleUse {
  readonly role: IamRole;
  readonly service: string;
  readonly sessionName: string;
  readonly palette: readonly ApiSpec[];
  readonly weight: number;
}

const configPalette: readonly ApiSpec[] = [
  API.describeInstances,
  API.describeSecurityGroups,
  API.describeVpcs,
  API.describeSubnets,
  API.describeVolumes,
  API.getRole,
  API.listAttachedRolePolicies,
  API.listRoles,
];

export const LINKED_ROLES: readonly LinkedRoleUse[] = [
  ...[PROD, SANDBOX, MGMT].map(
    (account): LinkedRoleUse => ({
      role: serviceLinkedRole(account, 'config.amazonaws.com', 'AWSServiceRoleForConfig'),
      service: 'config.amazonaws.com',
      sessionName: 'AWSConfig-Describe',
      palette: configPalette,
      weight: account === PROD ? 1.5 : 0.75,
    }),
  ),
  {
    role: serviceLinkedRole(PROD, 'autoscaling.amazonaws.com', 'AWSServiceRoleForAutoScaling'),
    service: 'autoscaling.amazonaws.com',
    sessionName: 'AutoScaling',
    palette: [API.describeInstances, API.describeInstanceStatus, API.describeInstanceStatus, API.runInstances, API.createTags, API.terminateInstances],
    weight: 3,
  },
  {
    role: serviceLinkedRole(PROD, 'ecs.amazonaws.com', 'AWSServiceRoleForECS'),
    service: 'ecs.amazonaws.com',
    sessionName: 'ECS',
    palette: [API.describeNetworkInterfaces, API.describeSubnets, API.describeSecurityGroups],
    weight: 2,
  },
  ...[PROD, SANDBOX].map(
    (account): LinkedRoleUse => ({
      role: serviceLinkedRole(account, 'sso.amazonaws.com', 'AWSServiceRoleForSSO'),
      service: 'sso.amazonaws.com',
      sessionName: 'AWS-SSO',
      palette: [API.getRole, API.listAttachedRolePolicies, API.listRoles],
      weight: 0.5,
    }),
  ),
];

/** CloudTrail checks the log bucket's ACL before it delivers. */
export const LOG_BUCKET = { name: 'example-org-cloudtrail-logs', accountId: MGMT, region: 'us-east-1' } as const;
