import { roleNameOf } from '@/lib/attribution/assumer';
import { eventsHref } from '@/lib/events/params';
import { roleHref } from '@/lib/profiles/params';
import { roleSessionHref } from '@/lib/role-sessions/profile-params';
import { roleSessionsHref } from '@/lib/role-sessions/params';
import type { Scope } from '@/lib/params/scope';
import type { RoleAssumedByCaller } from './roles-assumed';

/** Sessions listed per role; the rest are one link to the role-session list. */
export const SESSIONS_SHOWN = 5;

export interface RoleAssumedLine {
  roleArn: string;
  roleName: string;
  roleHref: string;
  roleAccountId: string | null;
  crossAccount: boolean;
  sessions: { name: string; count: number; href: string | null }[];
  /** The rest of the sessions, in the role-session list filtered by role and caller. */
  more: { count: number; href: string } | null;
  count: number;
  /**
   * The caller's AssumeRole* calls in /events. /events cannot filter by the role asked for, so when
   * the caller assumed several roles this lists all of their calls of that API.
   */
  countHref: string;
  first: string;
  last: string;
}

/**
 * Pure: the "Roles assumed" table of a caller's profile, every link carrying the scope. `caller`
 * is how /events and the role-session list select the caller: a user's ARN, a service's name.
 */
export function rolesAssumedLines(roles: readonly RoleAssumedByCaller[], caller: string, scope: Scope): RoleAssumedLine[] {
  return roles.map((r) => ({
    roleArn: r.roleArn,
    roleName: roleNameOf(r.roleArn),
    roleHref: roleHref(r.roleArn, scope),
    roleAccountId: r.roleAccountId,
    crossAccount: r.crossAccount,
    sessions: r.sessions.slice(0, SESSIONS_SHOWN).map((s) => ({ name: s.sessionName, count: s.count, href: s.sessionId ? roleSessionHref(s.sessionId, scope) : null })),
    more: r.sessions.length > SESSIONS_SHOWN ? { count: r.sessions.length - SESSIONS_SHOWN, href: roleSessionsHref(scope, { role: r.roleArn, assumer: caller }) } : null,
    count: r.count,
    countHref: eventsHref(scope, { principal: caller, eventName: r.eventNames.length === 1 ? r.eventNames[0] : undefined }),
    first: r.first,
    last: r.last,
  }));
}
