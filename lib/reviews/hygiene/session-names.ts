/**
 * Does a role session name say who is behind it? A name an SDK or tool picks by default
 * (`botocore-session-1763…`, `aws-go-sdk-…`, `GitHubActions`), a placeholder (`session1`), a
 * timestamp or a random id does not: CloudTrail then shows the same anonymous name for everyone.
 */

export const GENERIC_KINDS = ['placeholder', 'sdk-default', 'timestamp', 'uuid', 'random-id'] as const;
export type GenericKind = (typeof GENERIC_KINDS)[number];

export interface GenericName {
  kind: GenericKind;
  /** What the names have in common, e.g. `botocore-session-…`: one line for a family of names. */
  label: string;
}

const PLACEHOLDERS = new Set([
  'session', 'default', 'test', 'testing', 'temp', 'tmp', 'user', 'admin', 'root', 'aws', 'cli', 'awscli', 'sdk', 'boto', 'boto3',
  'botocore', 'script', 'role', 'assume', 'assumerole', 'assumed-role', 'mysession', 'my-session', 'console', 'name', 'foo', 'bar',
  'example', 'sessionname', 'session-name', 'rolesession', 'role-session', 'local', 'dev', 'me',
]);

/** SDK and tool defaults, with the label their family is listed under. */
const SDK_DEFAULTS: readonly [RegExp, string][] = [
  [/^botocore-session-\d+$/, 'botocore-session-…'],
  [/^aws-go-sdk-\d+$/, 'aws-go-sdk-…'],
  [/^aws-sdk-(java|js|php|ruby|net|dotnet|rust|cpp|kotlin|swift)-\d+$/i, 'aws-sdk-<language>-…'],
  [/^aws-dotnet-sdk-session-\d+$/, 'aws-dotnet-sdk-session-…'],
  [/^(aws-)?(cli|sdk|powershell)-session-\d+$/i, 'sdk-session-…'],
  [/^GitHubActions$/, 'GitHubActions'],
  [/^AWSCLI-Session$/i, 'AWSCLI-Session'],
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The kind of generic name, or null when the name may identify someone. */
export function genericSessionName(name: string): GenericName | null {
  const lower = name.toLowerCase();
  if (PLACEHOLDERS.has(lower) || /^(session|test|temp|user|role)[-_]?\d{1,4}$/.test(lower)) {
    return { kind: 'placeholder', label: name };
  }
  for (const [pattern, label] of SDK_DEFAULTS) if (pattern.test(name)) return { kind: 'sdk-default', label };
  if (/^\d{9,19}$/.test(name)) return { kind: 'timestamp', label: '<timestamp>' };
  if (UUID.test(name)) return { kind: 'uuid', label: '<uuid>' };
  if (looksRandom(name)) return { kind: 'random-id', label: '<random id>' };
  return null;
}

/**
 * Hex of 16+ characters, or 16+ letters and digits mixed with at least four of each. EC2 instance
 * ids (`i-0abc…`) are not random ids: AWS names instance-profile sessions by instance on purpose.
 */
function looksRandom(name: string): boolean {
  if (/^i-[0-9a-f]{8,17}$/.test(name)) return false;
  if (/^[0-9a-f]{16,}$/i.test(name)) return true;
  if (name.length < 16 || !/^[A-Za-z0-9]+$/.test(name)) return false;
  const digits = name.replace(/\D/g, '').length;
  return digits >= 4 && name.length - digits >= 4;
}

export type NameMatch = 'equal' | 'contains' | 'different';

/**
 * How a session name relates to the assumer's own name: equal (what `sts:RoleSessionName =
 * ${aws:username}` enforces), containing it (`alice-deploy`), or different. Compared
 * case-insensitively; an e-mail-style user name also matches by its local part.
 */
export function sessionNameMatch(sessionName: string, personName: string): NameMatch {
  const s = sessionName.toLowerCase();
  const p = personName.toLowerCase();
  if (s === p) return 'equal';
  const local = p.includes('@') ? (p.split('@')[0] as string) : p;
  if (s === local) return 'equal';
  return local.length >= 3 && s.includes(local) ? 'contains' : 'different';
}
