/**
 * Pulling CloudTrail event names out of the sources' text: the ATT&CK technique descriptions
 * ("…the <code>CreateAccessKey</code> API in AWS…"), and the shared key of the events table.
 */

/** `eventSource:eventName`; `*` stands for "any service" where a source names only the API. */
export const ANY_SOURCE = '*';
export function eventKey(eventSource: string, eventName: string): string {
  return `${eventSource}:${eventName}`;
}

export function serviceEventSource(service: string): string {
  // The CLI calls S3's API "s3api"; CloudTrail logs it as s3.
  return `${service === 's3api' ? 's3' : service}.amazonaws.com`;
}

/** `get-secret-value` → `GetSecretValue`, as the AWS CLI names an API operation. */
export function pascalFromKebab(op: string): string {
  return op
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/**
 * Verbs AWS API operations start with. A description token counts as an API name only if it starts
 * with one, so product names in the same sentence (CloudTrail, GuardDuty) are not read as calls.
 */
const API_VERBS = [
  'Add', 'Assume', 'Associate', 'Attach', 'Authorize', 'Batch', 'Copy', 'Create', 'Deactivate', 'Decrypt', 'Delete',
  'Deregister', 'Describe', 'Detach', 'Disable', 'Disassociate', 'Enable', 'Encrypt', 'Export', 'Generate', 'Get', 'Head',
  'Import', 'Invoke', 'Leave', 'List', 'Modify', 'Put', 'Register', 'Remove', 'Replace', 'Request', 'Reset', 'Restore',
  'Revoke', 'Run', 'Schedule', 'Send', 'Set', 'Start', 'Stop', 'Terminate', 'Update', 'Upload',
] as const;
const API_NAME = new RegExp(`^(?:${API_VERBS.join('|')})[A-Z][A-Za-z0-9]*$`);

export interface NamedEvent {
  eventSource: string;
  eventName: string;
}

/** Citations such as "(Citation: AWS Get Bucket ACL)" name the references, not APIs. */
const CITATION = /\(Citation:[^)]*\)/g;

/**
 * The AWS API operations a technique description names, in sentences that speak of AWS: as an AWS
 * CLI command (`aws iam list-users`), as `service:Operation`, as code (`CreateAccessKey`,
 * `get-secret-value`), or as a bare name the text calls an API ("ListObjectsV2 in AWS"). A name
 * the text calls a permission (`PutLifecycleConfiguration` permission) is an IAM action, not a
 * logged event; a bare capitalised word (SendGrid) is a product.
 */
export function eventsNamedInDescription(description: string): NamedEvent[] {
  const found = new Map<string, NamedEvent>();
  const add = (eventSource: string, eventName: string) => {
    if (API_NAME.test(eventName)) found.set(eventKey(eventSource, eventName), { eventSource, eventName });
  };
  const sentences = description.replace(CITATION, ' ').split(/(?<=[.!?])\s+/);
  for (const sentence of sentences.filter((s) => /\bAWS\b|\bAmazon\b/.test(s))) {
    for (const m of sentence.matchAll(/\baws ([a-z0-9-]+) ([a-z0-9]+(?:-[a-z0-9]+)+)\b/g)) add(serviceEventSource(m[1]!), pascalFromKebab(m[2]!));
    for (const m of sentence.matchAll(/\b([a-z0-9-]+):([A-Z][A-Za-z0-9]+)\b/g)) add(serviceEventSource(m[1]!), m[2]!);
    for (const m of sentence.matchAll(/(?:<code>|`)([A-Za-z0-9-]+)(?:<\/code>|`)(?!\s+permission)/g)) {
      add(ANY_SOURCE, /^[a-z]+(?:-[a-z0-9]+)+$/.test(m[1]!) ? pascalFromKebab(m[1]!) : m[1]!);
    }
    for (const m of sentence.matchAll(/(?<![<`:\w])([A-Z][a-z]+[A-Z][A-Za-z0-9]*)(?=\s+(?:APIs?|calls?|in AWS)\b)/g)) add(ANY_SOURCE, m[1]!);
  }
  return [...found.values()];
}
