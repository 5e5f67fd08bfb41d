import { z } from '@/lib/zod';
import { upstreamSession } from '@/lib/attribution/chain';
import type { Assumer } from '@/lib/attribution/types';
import type { NodeKind } from './types';
import { ROLE_SESSION_ID_BODY } from '@/lib/params/validators';

/**
 * Node ids, as they appear in `focus=` and `expand=`. Each kind has a strict shape; values reach
 * SQL only as bound parameters, and federated users only by comparison in code.
 *
 *   session:AROA…:sara                        role session
 *   role:arn:aws:iam::111122223333:role/Name   role
 *   user:arn:aws:iam::111122223333:user/alice  IAM user (or user:AIDA… when only the id is known)
 *   root:111122223333                          root user
 *   sso:<provider>:<name>, saml:…, web:…       federated users (as the attribution keys them)
 *   service:ec2.amazonaws.com                  AWS service
 *   account:111122223333[:<principal id>]      a caller known only by its account
 */
const SESSION = new RegExp(`^session:(${ROLE_SESSION_ID_BODY})$`);
const ROLE = /^role:(arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]{1,512})$/;
const USER = /^user:(arn:aws[a-z-]*:iam::(\d{12}):user\/[\w+=,.@/-]{1,512}|AIDA[A-Z0-9]{8,124})$/;
const ROOT = /^root:(\d{12})$/;
const FEDERATED = /^(sso|saml|web):([^\u0000-\u001f\u007f]{0,1024})$/;
const SERVICE = /^service:([A-Za-z0-9][A-Za-z0-9. -]{0,127})$/;
const ACCOUNT = /^account:(\d{12})(?::([A-Z0-9]{8,124}(?::[\w+=,.@-]{1,128})?))?$/;

export type ParsedNodeId =
  | { kind: 'session'; sessionId: string }
  | { kind: 'role'; roleArn: string; accountId: string }
  | { kind: 'iam-user'; arn: string | null; principalId: string | null; accountId: string | null }
  | { kind: 'root'; accountId: string }
  | { kind: 'sso-user' | 'saml-user' | 'web-identity-user'; key: string }
  | { kind: 'aws-service'; service: string }
  | { kind: 'aws-account'; accountId: string; principalId: string | null };

const FEDERATED_KINDS = { sso: 'sso-user', saml: 'saml-user', web: 'web-identity-user' } as const;

export function parseNodeId(id: string): ParsedNodeId | null {
  if (id.length > 2048) return null;
  let m = SESSION.exec(id);
  if (m) return { kind: 'session', sessionId: m[1] as string };
  if ((m = ROLE.exec(id))) return { kind: 'role', roleArn: m[1] as string, accountId: m[2] as string };
  if ((m = USER.exec(id))) {
    const v = m[1] as string;
    return v.startsWith('arn:') ? { kind: 'iam-user', arn: v, principalId: null, accountId: m[2] ?? null } : { kind: 'iam-user', arn: null, principalId: v, accountId: null };
  }
  if ((m = ROOT.exec(id))) return { kind: 'root', accountId: m[1] as string };
  if ((m = FEDERATED.exec(id))) return { kind: FEDERATED_KINDS[m[1] as keyof typeof FEDERATED_KINDS], key: id };
  if ((m = SERVICE.exec(id))) return { kind: 'aws-service', service: m[1] as string };
  if ((m = ACCOUNT.exec(id))) return { kind: 'aws-account', accountId: m[1] as string, principalId: m[2] ?? null };
  return null;
}

export const nodeIdParam = z
  .string()
  .refine((s) => parseNodeId(s) !== null, 'must be a graph node such as session:AROA…:name or role:arn:aws:iam::…:role/Name');

export const sessionNodeId = (sessionId: string) => `session:${sessionId}`;
export const roleNodeId = (roleArn: string) => `role:${roleArn}`;

/** The node an assumer is drawn as; a calling role session is its session node. */
export function nodeIdOfAssumer(a: Assumer): string {
  const session = upstreamSession(a);
  if (session) return sessionNodeId(session);
  switch (a.type) {
    case 'iam-user':
      return `user:${a.arn ?? a.principalId ?? a.key}`;
    case 'root':
      return `root:${a.accountId ?? 'unknown'}`;
    default:
      // sso:, saml:, web:, service:, account:, unknown: keys already name their kind.
      return a.key;
  }
}

export function kindOfAssumer(a: Assumer): NodeKind {
  if (upstreamSession(a)) return 'session';
  return a.type === 'role-session' ? 'session' : a.type;
}
