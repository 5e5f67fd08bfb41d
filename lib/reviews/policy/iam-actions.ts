/**
 * CloudTrail names a call by its endpoint and API (`monitoring.amazonaws.com`, `GetMetricData`);
 * policies name it by IAM action (`cloudwatch:GetMetricData`). Mostly the first label of the
 * endpoint is the service prefix and the API is the action; the exceptions below are the ones a
 * review meets, written out so a policy built from CloudTrail grants what was actually called.
 */

// Maps, not object literals: the keys come from logs and uploads, and an object would answer
// `constructor` or `__proto__` with Object.prototype's members.

/** Endpoints whose IAM service prefix is not their first label. */
const PREFIX_BY_SOURCE: ReadonlyMap<string, string> = new Map(Object.entries({
  'monitoring.amazonaws.com': 'cloudwatch',
  'email.amazonaws.com': 'ses',
  'api.ecr.amazonaws.com': 'ecr',
  'api.sagemaker.amazonaws.com': 'sagemaker',
  'runtime.sagemaker.amazonaws.com': 'sagemaker',
  'bedrock-runtime.amazonaws.com': 'bedrock',
  'elasticfilesystem.amazonaws.com': 'elasticfilesystem',
  'tagging.amazonaws.com': 'tag',
  'resource-groups.amazonaws.com': 'resource-groups',
}));

/** The endpoint CloudTrail logs a service's calls under, for the services whose prefix differs. */
const SOURCE_BY_PREFIX: ReadonlyMap<string, string> = new Map(Object.entries({
  cloudwatch: 'monitoring.amazonaws.com',
  ses: 'ses.amazonaws.com',
  tag: 'tagging.amazonaws.com',
}));

/** S3 APIs authorised by an action of another name (AWS: "Amazon S3 API operations mapped to actions"). */
const S3_ACTION_BY_API: ReadonlyMap<string, string> = new Map(Object.entries({
  ListObjects: 'ListBucket',
  ListObjectsV2: 'ListBucket',
  HeadBucket: 'ListBucket',
  ListObjectVersions: 'ListBucketVersions',
  HeadObject: 'GetObject',
  ListBuckets: 'ListAllMyBuckets',
  DeleteObjects: 'DeleteObject',
  CreateMultipartUpload: 'PutObject',
  UploadPart: 'PutObject',
  CompleteMultipartUpload: 'PutObject',
  ListParts: 'ListMultipartUploadParts',
  SelectObjectContent: 'GetObject',
}));

/** Calls every principal may make without a permission: never part of a least-privilege policy. */
const NO_PERMISSION_NEEDED = new Set(['sts:GetCallerIdentity']);

export function servicePrefixOf(eventSource: string): string {
  return PREFIX_BY_SOURCE.get(eventSource) ?? eventSource.replace(/\.amazonaws\.com$/, '').split('.')[0] ?? eventSource;
}

/** The CloudTrail endpoint of an IAM service prefix (its calls' `eventsource`). */
export function eventSourceOf(prefix: string): string {
  return SOURCE_BY_PREFIX.get(prefix) ?? `${prefix}.amazonaws.com`;
}

/** The IAM action a CloudTrail call needed, e.g. `lambda:ListFunctions` for `ListFunctions20150331`. */
export function iamActionOf(eventSource: string, eventName: string): string {
  const prefix = servicePrefixOf(eventSource);
  let action = eventName;
  // Lambda keeps its API version in the event name (ListFunctions20150331, UpdateFunctionCode20150331v2).
  if (prefix === 'lambda') action = action.replace(/20\d{6}(v\d+)?$/, '');
  if (prefix === 's3') action = S3_ACTION_BY_API.get(action) ?? action;
  return `${prefix}:${action}`;
}

export function needsNoPermission(action: string): boolean {
  return NO_PERMISSION_NEEDED.has(action);
}
