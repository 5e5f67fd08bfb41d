import { isIpAddress, SERVICE_PRINCIPAL } from '@/lib/profiles/ip-kind';
import { parseUserArn } from '@/lib/profiles/user-arn';
import { arn as arnValidator, MAX_BOUND_TEXT } from '@/lib/params/validators';

/**
 * What an investigator typed into the header search, recognised by its shape alone. Whatever
 * needs the data to resolve (an assumed-role ARN's principal id, the role behind an AROA id, who
 * used an access key) is a lookup kind; resolve.ts turns the lookup's rows into a destination.
 */
export type SearchQuery =
  | { kind: 'role'; roleArn: string }
  /** `arn:aws:sts::<account>:assumed-role/<role name>/<session>`: the principal id needs a lookup. */
  | { kind: 'assumed-role-arn'; arn: string; accountId: string; roleName: string; sessionName: string }
  /** `AROA…:<session>`, Detective's id for a role session. */
  | { kind: 'role-session'; sessionId: string }
  /** `AROA…` alone: the role's unique id; its ARN needs a lookup. */
  | { kind: 'role-id'; roleId: string }
  | { kind: 'user'; arn: string }
  /** `AIDA…`: an IAM user's unique id; its ARN needs a lookup. */
  | { kind: 'user-id'; userId: string }
  | { kind: 'access-key'; accessKeyId: string }
  | { kind: 'ip'; ip: string }
  | { kind: 'service'; name: string }
  | { kind: 'account'; accountId: string }
  | { kind: 'session-name'; sessionName: string }
  /** A well-formed ARN of something without a profile (a bucket, a group, a policy). */
  | { kind: 'other-arn'; arn: string }
  | { kind: 'empty' }
  | { kind: 'unrecognised'; reason: string };

export type SearchKind = SearchQuery['kind'];

/** What a lookup can bind (Athena's limit on one query value); longer than any ARN IAM allows. */
export const MAX_QUERY_LENGTH = MAX_BOUND_TEXT;

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const ASSUMED_ROLE_ARN = /^arn:aws[a-z-]*:sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/([\w+=,.@-]{1,128})$/;
const ROLE_SESSION_ID = /^AROA[A-Z0-9]{8,124}:[\w+=,.@-]{1,128}$/;
const ROLE_ID = /^AROA[A-Z0-9]{8,124}$/;
const USER_ID = /^AIDA[A-Z0-9]{8,124}$/;
const ACCESS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{12,124}$/;
const ACCOUNT_ID = /^\d{12}$/;
/** STS's rule for RoleSessionName. */
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

function classifyArn(value: string): SearchQuery {
  if (!arnValidator.safeParse(value).success) return { kind: 'unrecognised', reason: 'it starts like an ARN but is not a well-formed one' };
  if (ROLE_ARN.test(value)) return { kind: 'role', roleArn: value };
  const assumed = ASSUMED_ROLE_ARN.exec(value);
  if (assumed) {
    const [, accountId, roleName, sessionName] = assumed as unknown as [string, string, string, string];
    return { kind: 'assumed-role-arn', arn: value, accountId, roleName, sessionName };
  }
  if (parseUserArn(value)) return { kind: 'user', arn: value };
  return { kind: 'other-arn', arn: value };
}

/**
 * Pure: what kind of thing `input` names. Order matters where shapes overlap: keys, ids, account
 * numbers and IPs are all valid session names too, so the session name is the last resort.
 */
export function classifySearch(input: string): SearchQuery {
  const value = input.trim();
  if (value === '') return { kind: 'empty' };
  if (value.length > MAX_QUERY_LENGTH) return { kind: 'unrecognised', reason: `it is longer than ${MAX_QUERY_LENGTH} characters` };
  // Nothing Trailscope can look up contains spaces, quotes or control characters.
  if (!/^[\x21-\x7e]+$/.test(value)) return { kind: 'unrecognised', reason: 'it contains spaces or characters no AWS name or id has' };
  if (value.startsWith('arn:')) return classifyArn(value);
  if (ROLE_SESSION_ID.test(value)) return { kind: 'role-session', sessionId: value };
  if (ROLE_ID.test(value)) return { kind: 'role-id', roleId: value };
  if (USER_ID.test(value)) return { kind: 'user-id', userId: value };
  if (ACCESS_KEY_ID.test(value)) return { kind: 'access-key', accessKeyId: value };
  if (isIpAddress(value)) return { kind: 'ip', ip: value };
  const lower = value.toLowerCase();
  if (lower.length <= 253 && SERVICE_PRINCIPAL.test(lower)) return { kind: 'service', name: lower };
  if (ACCOUNT_ID.test(value)) return { kind: 'account', accountId: value };
  if (SESSION_NAME.test(value)) return { kind: 'session-name', sessionName: value };
  return { kind: 'unrecognised', reason: 'it is not an ARN, id, access key, IP address, service, account or session name' };
}
