import type { AssumeEventName, Assumption } from '@/lib/attribution/types';

/**
 * "Roles assumed" on a caller's profile (a user, or a service on behalf of its resources): one
 * line per role, with the sessions the calls opened. Pure, over merged assumptions.
 */
export interface AssumedSession {
  /** `AROA…:name` when the response named it: the role-session profile's id. */
  sessionId: string | null;
  sessionName: string;
  count: number;
}

export interface RoleAssumedByCaller {
  roleArn: string;
  roleAccountId: string | null;
  count: number;
  first: string;
  last: string;
  /** Any of the calls crossed accounts (the caller's and the role's differ). */
  crossAccount: boolean;
  eventNames: AssumeEventName[];
  /** Busiest first. */
  sessions: AssumedSession[];
}

const ROLE_ACCOUNT = /^arn:aws[a-z-]*:iam::(\d{12}):/;

/**
 * The role's unique id (AROA…) when every response that named a session agrees on it. Services
 * often leave `assumedRoleUser` out of the response; their sessions still have `<role id>:<name>`
 * as principal id, and a role ARN keeps its id unless the role is deleted and re-created.
 */
function roleIdOf(list: readonly Assumption[]): string | null {
  const ids = new Set(list.map((a) => a.assumedRoleId?.split(':')[0]).filter((id): id is string => Boolean(id)));
  return ids.size === 1 ? ([...ids][0] as string) : null;
}

function sessionsOf(list: readonly Assumption[]): AssumedSession[] {
  const roleId = roleIdOf(list);
  const sessions = new Map<string, AssumedSession>();
  for (const a of list) {
    const s = sessions.get(a.sessionName) ?? { sessionId: null, sessionName: a.sessionName, count: 0 };
    s.count++;
    s.sessionId ??= a.assumedRoleId;
    sessions.set(a.sessionName, s);
  }
  return [...sessions.values()]
    .map((s) => ({ ...s, sessionId: s.sessionId ?? (roleId ? `${roleId}:${s.sessionName}` : null) }))
    .sort((x, y) => y.count - x.count || (x.sessionName < y.sessionName ? -1 : 1));
}

/** Pure: one line per role, busiest first. */
export function rolesAssumed(assumptions: readonly Assumption[]): RoleAssumedByCaller[] {
  const byRole = new Map<string, Assumption[]>();
  for (const a of assumptions) byRole.set(a.roleArn, [...(byRole.get(a.roleArn) ?? []), a]);
  return [...byRole.entries()]
    .map(([roleArn, list]) => {
      const times = list.map((a) => a.issuedAt).sort();
      return {
        roleArn,
        roleAccountId: ROLE_ACCOUNT.exec(roleArn)?.[1] ?? null,
        count: list.length,
        first: times[0] ?? '',
        last: times[times.length - 1] ?? '',
        crossAccount: list.some((a) => a.crossAccount),
        eventNames: [...new Set(list.map((a) => a.eventName))].sort(),
        sessions: sessionsOf(list),
      };
    })
    .sort((x, y) => y.count - x.count || (x.roleArn < y.roleArn ? -1 : 1));
}
