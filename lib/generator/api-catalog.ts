import { hex, instanceId, stableHex } from './ids';
import type { Rng } from './prng';
import type { JsonObject, TrailResource } from './types';

/**
 * The API calls the generator knows: where each is logged, how its request and
 * response look, and which resources CloudTrail lists. Shapes follow AWS's
 * documented events and the public examples in shared/cloudtrail; reads log a
 * null response, as real ones do.
 */

export interface CallContext {
  readonly rng: Rng;
  readonly region: string;
  readonly accountId: string;
}

export interface ApiSpec {
  readonly eventSource: string;
  readonly eventName: string;
  readonly readOnly: boolean;
  /** Prefix of the IAM action, for AccessDenied messages (`ec2:RunInstances`). */
  readonly iamPrefix: string;
  /** The CLI's name for the service, which the CLI agent string carries. */
  readonly cliService: string;
  /** The v2 SDKs' `api/<service>#<version>` token. */
  readonly sdkApi: string;
  /** Global services are logged in us-east-1 whatever region the caller configured. */
  readonly global?: boolean;
  readonly category?: 'Management' | 'Data';
  readonly eventVersion?: '1.08' | '1.09';
  readonly host: (region: string) => string;
  readonly request?: (c: CallContext) => JsonObject | null;
  readonly response?: (c: CallContext) => JsonObject | null;
  readonly resources?: (c: CallContext) => TrailResource[] | undefined;
  /** S3 writes transfer and signature details here. */
  readonly additional?: (c: CallContext) => JsonObject | undefined;
}

const regional = (service: string) => (region: string) => `${service}.${region}.amazonaws.com`;
const globalHost = (host: string) => () => host;

function ec2(eventName: string, readOnly: boolean, request?: ApiSpec['request'], response?: ApiSpec['response']): ApiSpec {
  return {
    eventSource: 'ec2.amazonaws.com',
    eventName,
    readOnly,
    iamPrefix: 'ec2',
    cliService: 'ec2',
    sdkApi: 'ec2#1.187.0',
    host: regional('ec2'),
    request,
    response,
  };
}

function iam(eventName: string, readOnly: boolean, request?: ApiSpec['request'], response?: ApiSpec['response']): ApiSpec {
  return {
    eventSource: 'iam.amazonaws.com',
    eventName,
    readOnly,
    iamPrefix: 'iam',
    cliService: 'iam',
    sdkApi: 'iam#1.37.3',
    global: true,
    host: globalHost('iam.amazonaws.com'),
    request: request ?? (() => null),
    response,
  };
}

function organizations(eventName: string, readOnly: boolean): ApiSpec {
  return {
    eventSource: 'organizations.amazonaws.com',
    eventName,
    readOnly,
    iamPrefix: 'organizations',
    cliService: 'organizations',
    sdkApi: 'organizations#1.36.3',
    global: true,
    host: globalHost('organizations.us-east-1.amazonaws.com'),
    request: () => null,
  };
}

function simple(
  eventSource: string,
  eventName: string,
  readOnly: boolean,
  names: { iamPrefix: string; cliService: string; sdkApi: string; hostPrefix?: string },
  request?: ApiSpec['request'],
  extra: Partial<ApiSpec> = {},
): ApiSpec {
  return {
    eventSource,
    eventName,
    readOnly,
    iamPrefix: names.iamPrefix,
    cliService: names.cliService,
    sdkApi: names.sdkApi,
    host: regional(names.hostPrefix ?? eventSource.replace('.amazonaws.com', '')),
    request: request ?? (() => null),
    ...extra,
  };
}

const SSM = { iamPrefix: 'ssm', cliService: 'ssm', sdkApi: 'ssm#1.55.3' };
const KMS = { iamPrefix: 'kms', cliService: 'kms', sdkApi: 'kms#1.37.3' };
const CW = { iamPrefix: 'cloudwatch', cliService: 'cloudwatch', sdkApi: 'cloudwatch#1.42.2', hostPrefix: 'monitoring' };
const CT = { iamPrefix: 'cloudtrail', cliService: 'cloudtrail', sdkApi: 'cloudtrail#1.44.3' };
const ECR = { iamPrefix: 'ecr', cliService: 'ecr', sdkApi: 'ecr#1.36.3', hostPrefix: 'api.ecr' };
const LOGS = { iamPrefix: 'logs', cliService: 'logs', sdkApi: 'cloudwatchlogs#1.43.0' };
const SECRETS = { iamPrefix: 'secretsmanager', cliService: 'secretsmanager', sdkApi: 'secretsmanager#1.34.3' };
const ECS = { iamPrefix: 'ecs', cliService: 'ecs', sdkApi: 'ecs#1.49.0' };
const LAMBDA = { iamPrefix: 'lambda', cliService: 'lambda', sdkApi: 'lambda#1.64.0' };
const CFN = { iamPrefix: 'cloudformation', cliService: 'cloudformation', sdkApi: 'cloudformation#1.56.0' };
const DDB = { iamPrefix: 'dynamodb', cliService: 'dynamodb', sdkApi: 'dynamodb#1.36.3' };

export const KMS_KEY_ID = (accountId: string, region: string): string =>
  `arn:aws:kms:${region}:${accountId}:key/${stableHex(`kms-${accountId}-${region}`, 8)}-5c1e-4b7a-9f0d-${stableHex(`kms2-${accountId}-${region}`, 12)}`;

function ecrRepository(c: CallContext, name: string): TrailResource[] {
  return [{ ARN: `arn:aws:ecr:${c.region}:${c.accountId}:repository/${name}`, accountId: c.accountId, type: 'AWS::ECR::Repository' }];
}

export const API = {
  // EC2
  describeInstances: ec2('DescribeInstances', true, () => ({ instancesSet: {}, filterSet: {} })),
  describeSecurityGroups: ec2('DescribeSecurityGroups', true, () => ({ securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} })),
  describeVpcs: ec2('DescribeVpcs', true, () => ({ vpcSet: {}, filterSet: {} })),
  describeSubnets: ec2('DescribeSubnets', true, () => ({ subnetSet: {}, filterSet: {} })),
  describeVolumes: ec2('DescribeVolumes', true, () => ({ volumeSet: {}, filterSet: {} })),
  describeInstanceStatus: ec2('DescribeInstanceStatus', true, () => ({ instancesSet: {}, filterSet: {}, includeAllInstances: false })),
  describeImages: ec2('DescribeImages', true, () => ({ executableBySet: {}, imagesSet: {}, ownersSet: { items: [{ owner: 'self' }] }, filterSet: {} })),
  describeRegions: ec2('DescribeRegions', true, () => ({ regionSet: {} })),
  describeNetworkInterfaces: ec2('DescribeNetworkInterfaces', true, () => ({ networkInterfaceIdSet: {}, filterSet: {} })),
  runInstances: ec2(
    'RunInstances',
    false,
    (c) => ({
      instancesSet: { items: [{ imageId: `ami-0${hex(c.rng, 16)}`, minCount: 1, maxCount: 1 }] },
      instanceType: 't3.large',
      blockDeviceMapping: {},
      monitoring: { enabled: false },
      disableApiTermination: false,
      disableApiStop: false,
      clientToken: `${hex(c.rng, 8)}-${hex(c.rng, 4)}-4${hex(c.rng, 3)}-a${hex(c.rng, 3)}-${hex(c.rng, 12)}`,
    }),
    (c) => ({
      requestId: `${hex(c.rng, 8)}-${hex(c.rng, 4)}-4${hex(c.rng, 3)}-b${hex(c.rng, 3)}-${hex(c.rng, 12)}`,
      reservationId: `r-0${hex(c.rng, 16)}`,
      ownerId: c.accountId,
      groupSet: {},
      instancesSet: {
        items: [
          {
            instanceId: instanceId(c.rng),
            instanceState: { code: 0, name: 'pending' },
            instanceType: 't3.large',
            placement: { availabilityZone: `${c.region}a`, tenancy: 'default' },
            monitoring: { state: 'disabled' },
          },
        ],
      },
    }),
  ),
  terminateInstances: ec2('TerminateInstances', false, (c) => ({ instancesSet: { items: [{ instanceId: instanceId(c.rng) }] } })),
  createTags: ec2('CreateTags', false, (c) => ({
    resourcesSet: { items: [{ resourceId: instanceId(c.rng) }] },
    tagSet: { items: [{ key: 'Name', value: 'runner' }] },
  }), () => ({ _return: true })),
  describeTags: ec2('DescribeTags', true, () => ({ filterSet: { items: [{ name: 'resource-type', valueSet: { items: [{ value: 'instance' }] } }] } })),
  describeSnapshots: ec2('DescribeSnapshots', true, () => ({ snapshotSet: {}, ownersSet: { items: [{ owner: 'self' }] }, sharedUsersSet: {}, filterSet: {} })),
  // The password data itself is never logged.
  getPasswordData: ec2('GetPasswordData', true),
  modifySnapshotAttribute: ec2('ModifySnapshotAttribute', false),
  modifyImageAttribute: ec2('ModifyImageAttribute', false),

  // IAM (global)
  listUsers: iam('ListUsers', true),
  listRoles: iam('ListRoles', true),
  listPolicies: iam('ListPolicies', true, () => ({ scope: 'Local', onlyAttached: false })),
  getAccountSummary: iam('GetAccountSummary', true),
  getAccountAuthorizationDetails: iam('GetAccountAuthorizationDetails', true, () => ({ filter: ['Role', 'User'] })),
  listAttachedRolePolicies: iam('ListAttachedRolePolicies', true, () => ({ roleName: 'web-ec2-role' })),
  getRole: iam('GetRole', true, () => ({ roleName: 'web-ec2-role' })),
  getUser: iam('GetUser', true),
  listAccessKeys: iam('ListAccessKeys', true),
  listMfaDevices: iam('ListMFADevices', true),
  generateCredentialReport: iam('GenerateCredentialReport', false, () => null, () => ({
    state: 'STARTED',
    description: 'No report exists. Starting a new report generation task',
  })),
  getCredentialReport: iam('GetCredentialReport', true),
  attachRolePolicy: iam('AttachRolePolicy', false),
  createAccessKey: iam('CreateAccessKey', false),
  updateAssumeRolePolicy: iam('UpdateAssumeRolePolicy', false),

  // STS
  getCallerIdentity: simple('sts.amazonaws.com', 'GetCallerIdentity', true, { iamPrefix: 'sts', cliService: 'sts', sdkApi: 'sts#1.33.0' }, undefined, {
    eventVersion: '1.08',
  }),

  // S3 management events
  listBuckets: {
    eventSource: 's3.amazonaws.com',
    eventName: 'ListBuckets',
    readOnly: true,
    iamPrefix: 's3',
    cliService: 's3api',
    sdkApi: 's3#1.66.3',
    global: true,
    host: globalHost('s3.amazonaws.com'),
    request: () => ({ Host: 's3.amazonaws.com' }),
  },

  // S3 bucket configuration is a management event, logged in the bucket's region.
  putBucketPolicy: {
    eventSource: 's3.amazonaws.com',
    eventName: 'PutBucketPolicy',
    readOnly: false,
    iamPrefix: 's3',
    cliService: 's3api',
    sdkApi: 's3#1.66.3',
    host: regional('s3'),
  },

  // CloudTrail
  describeTrails: simple('cloudtrail.amazonaws.com', 'DescribeTrails', true, CT, () => ({ trailNameList: [], includeShadowTrails: true })),
  lookupEvents: simple('cloudtrail.amazonaws.com', 'LookupEvents', true, CT, () => ({ maxResults: 50 })),

  // CloudWatch. Metric reads are data events: logged only because this demo trail selects them.
  describeAlarms: simple('monitoring.amazonaws.com', 'DescribeAlarms', true, CW, () => ({ maxRecords: 100 })),
  getMetricData: simple('monitoring.amazonaws.com', 'GetMetricData', true, CW, (c) => ({
    metricDataQueries: [
      {
        id: 'cpu',
        metricStat: { metric: { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [] }, period: 300, stat: 'Average' },
        returnData: true,
      },
    ],
    startTime: 'Nov 1, 2026, 12:00:00 AM',
    endTime: 'Nov 1, 2026, 1:00:00 AM',
    scanBy: c.rng.chance(0.5) ? 'TimestampDescending' : 'TimestampAscending',
  }), { category: 'Data' }),

  // Cost Explorer answers only in us-east-1.
  getCostAndUsage: {
    eventSource: 'ce.amazonaws.com',
    eventName: 'GetCostAndUsage',
    readOnly: true,
    iamPrefix: 'ce',
    cliService: 'ce',
    sdkApi: 'costexplorer#1.43.3',
    global: true,
    eventVersion: '1.08',
    host: globalHost('ce.us-east-1.amazonaws.com'),
    request: () => ({
      TimePeriod: { Start: '2026-11-01', End: '2026-11-19' },
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost', 'UsageQuantity'],
      GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
    }),
  },

  // ECR
  getAuthorizationToken: simple('ecr.amazonaws.com', 'GetAuthorizationToken', true, ECR),
  batchGetImage: simple('ecr.amazonaws.com', 'BatchGetImage', true, ECR, (c) => ({
    repositoryName: 'ci/build-image',
    registryId: c.accountId,
    imageIds: [{ imageTag: c.rng.pick(['latest', 'node20', 'go1.23', 'python3.12']) }],
    acceptedMediaTypes: [
      'application/vnd.docker.distribution.manifest.v2+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.oci.image.index.v1+json',
    ],
  }), { resources: (c) => ecrRepository(c, 'ci/build-image') }),
  getDownloadUrlForLayer: simple('ecr.amazonaws.com', 'GetDownloadUrlForLayer', true, ECR, (c) => ({
    repositoryName: 'ci/build-image',
    registryId: c.accountId,
    layerDigest: `sha256:${hex(c.rng, 64)}`,
  }), { resources: (c) => ecrRepository(c, 'ci/build-image') }),
  batchCheckLayerAvailability: simple('ecr.amazonaws.com', 'BatchCheckLayerAvailability', true, ECR, (c) => ({
    repositoryName: 'payments-service',
    layerDigests: [`sha256:${hex(c.rng, 64)}`],
  }), { resources: (c) => ecrRepository(c, 'payments-service') }),
  initiateLayerUpload: simple('ecr.amazonaws.com', 'InitiateLayerUpload', false, ECR, () => ({ repositoryName: 'payments-service' }), {
    response: (c) => ({ uploadId: `${hex(c.rng, 8)}-${hex(c.rng, 4)}-${hex(c.rng, 4)}-${hex(c.rng, 4)}-${hex(c.rng, 12)}`, partSize: 20971520 }),
    resources: (c) => ecrRepository(c, 'payments-service'),
  }),
  putImage: simple('ecr.amazonaws.com', 'PutImage', false, ECR, (c) => ({ repositoryName: 'payments-service', imageTag: hex(c.rng, 7) }), {
    resources: (c) => ecrRepository(c, 'payments-service'),
  }),
  describeRepositories: simple('ecr.amazonaws.com', 'DescribeRepositories', true, ECR),

  // SSM
  updateInstanceInformation: simple('ssm.amazonaws.com', 'UpdateInstanceInformation', false, SSM, (c) => {
    const [x, y] = [c.rng.int(0, 63), c.rng.int(4, 250)];
    const domain = c.region === 'us-east-1' ? 'ec2.internal' : `${c.region}.compute.internal`;
    return {
      instanceId: instanceId(c.rng),
      agentVersion: '3.3.1802.0',
      agentStatus: 'Active',
      platformType: 'Linux',
      platformName: 'Amazon Linux',
      platformVersion: '2023',
      iPAddress: `10.0.${x}.${y}`,
      computerName: `ip-10-0-${x}-${y}.${domain}`,
      agentName: 'amazon-ssm-agent',
      availabilityZone: `${c.region}${c.rng.pick(['a', 'b', 'c'])}`,
    };
  }),
  listInstanceAssociations: simple('ssm.amazonaws.com', 'ListInstanceAssociations', true, SSM, (c) => ({
    instanceId: instanceId(c.rng),
    maxResults: 20,
  })),
  getParameter: simple('ssm.amazonaws.com', 'GetParameter', true, SSM, (c) => ({
    name: c.rng.pick(['/payments/db/host', '/orders/feature-flags', '/shared/datadog/site']),
    withDecryption: false,
  })),
  getParameters: simple('ssm.amazonaws.com', 'GetParameters', true, SSM, () => ({
    names: ['/deploy/payments/image-tag', '/deploy/payments/desired-count'],
    withDecryption: true,
  })),

  // KMS
  decrypt: simple('kms.amazonaws.com', 'Decrypt', true, KMS, (c) => ({
    encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    encryptionContext: { SecretARN: `arn:aws:secretsmanager:${c.region}:${c.accountId}:secret:payments/db-${stableHex(`secret-${c.accountId}`, 6)}` },
  }), {
    resources: (c) => [{ accountId: c.accountId, type: 'AWS::KMS::Key', ARN: KMS_KEY_ID(c.accountId, c.region) }],
  }),
  generateDataKey: simple('kms.amazonaws.com', 'GenerateDataKey', true, KMS, (c) => ({ keyId: KMS_KEY_ID(c.accountId, c.region), keySpec: 'AES_256' }), {
    resources: (c) => [{ accountId: c.accountId, type: 'AWS::KMS::Key', ARN: KMS_KEY_ID(c.accountId, c.region) }],
  }),
  putKeyPolicy: simple('kms.amazonaws.com', 'PutKeyPolicy', false, KMS, undefined, {
    resources: (c) => [{ accountId: c.accountId, type: 'AWS::KMS::Key', ARN: KMS_KEY_ID(c.accountId, c.region) }],
  }),

  // Secrets Manager
  getSecretValue: simple('secretsmanager.amazonaws.com', 'GetSecretValue', true, SECRETS, (c) => ({
    secretId: `arn:aws:secretsmanager:${c.region}:${c.accountId}:secret:payments/db-${stableHex(`secret-${c.accountId}`, 6)}`,
  })),
  listSecrets: simple('secretsmanager.amazonaws.com', 'ListSecrets', true, SECRETS, () => ({ maxResults: 100 })),

  // CloudWatch Logs
  createLogStream: simple('logs.amazonaws.com', 'CreateLogStream', false, LOGS, (c) => ({
    logGroupName: '/aws/lambda/orders-api',
    logStreamName: `2026/11/01/[$LATEST]${hex(c.rng, 32)}`,
  })),
  describeLogGroups: simple('logs.amazonaws.com', 'DescribeLogGroups', true, LOGS, () => ({ limit: 50 })),

  // Lambda: CloudTrail keeps the API version in the event name.
  listFunctions: simple('lambda.amazonaws.com', 'ListFunctions20150331', true, LAMBDA, () => ({ functionVersion: 'ALL' })),
  updateFunctionCode: simple('lambda.amazonaws.com', 'UpdateFunctionCode20150331v2', false, LAMBDA, (c) => ({
    functionName: 'payments-webhook',
    s3Bucket: `artifacts-${c.accountId}`,
    s3Key: `payments-webhook/${hex(c.rng, 12)}.zip`,
    publish: true,
  })),

  // ECS
  describeServices: simple('ecs.amazonaws.com', 'DescribeServices', true, ECS, () => ({ cluster: 'payments', services: ['payments-api'] })),
  updateService: simple('ecs.amazonaws.com', 'UpdateService', false, ECS, () => ({
    cluster: 'payments',
    service: 'payments-api',
    forceNewDeployment: true,
  })),
  listTasks: simple('ecs.amazonaws.com', 'ListTasks', true, ECS, () => ({ cluster: 'payments' })),

  // CloudFormation
  describeStacks: simple('cloudformation.amazonaws.com', 'DescribeStacks', true, CFN, () => ({ stackName: 'payments-prod' })),

  // DynamoDB control plane (item reads are data events this trail does not select)
  describeTable: simple('dynamodb.amazonaws.com', 'DescribeTable', true, DDB, () => ({ tableName: 'orders' })),
  listTables: simple('dynamodb.amazonaws.com', 'ListTables', true, DDB),

  // Organizations, logged in us-east-1
  describeOrganization: organizations('DescribeOrganization', true),
  leaveOrganization: organizations('LeaveOrganization', false),
} as const satisfies Record<string, ApiSpec>;

/** A CloudTrail trail call and the trail ARN it names. */
export function trailArn(accountId: string, region: string, name: string): string {
  return `arn:aws:cloudtrail:${region}:${accountId}:trail/${name}`;
}

export const STOP_LOGGING: ApiSpec = simple('cloudtrail.amazonaws.com', 'StopLogging', false, CT);
export const START_LOGGING: ApiSpec = simple('cloudtrail.amazonaws.com', 'StartLogging', false, CT);

/** S3 object-level calls are data events: eventCategory Data, managementEvent false. */
function s3Data(eventName: string, readOnly: boolean): ApiSpec {
  return {
    eventSource: 's3.amazonaws.com',
    eventName,
    readOnly,
    iamPrefix: 's3',
    cliService: 's3api',
    sdkApi: 's3#1.66.3',
    category: 'Data',
    host: regional('s3'),
  };
}

export const S3_DATA = {
  listObjects: s3Data('ListObjects', true),
  getObject: s3Data('GetObject', true),
  putObject: s3Data('PutObject', false),
} as const;

/** The S3 management read CloudTrail itself makes on the log bucket before each delivery. */
export const GET_BUCKET_ACL: ApiSpec = {
  eventSource: 's3.amazonaws.com',
  eventName: 'GetBucketAcl',
  readOnly: true,
  iamPrefix: 's3',
  cliService: 's3api',
  sdkApi: 's3#1.66.3',
  host: regional('s3'),
};
