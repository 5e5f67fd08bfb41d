import type { Connection } from '@/lib/engine/types';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import type { Scope } from '@/lib/params/scope';
import { mergeCopies } from './assumptions';
import { assumeRoleEvents, NO_MATCH } from './queries/assume-role-events';
import type { Assumer, Assumption, AssumeRoleEventRow } from './types';

/** Detective's "Resource interaction" for a role: who assumed it, what it assumed, and the sessions. */
export interface RoleAssumer {
  assumer: Assumer;
  count: number;
  first: string;
  last: string;
  sessionNames: string[];
  evidenceEventIds: string[];
}

export interface AssumedRole {
  roleArn: string;
  count: number;
  first: string;
  last: string;
  /** The sessions of this role that made the calls (`AROA…:name`). */
  fromSessions: string[];
}

export interface InvolvedSession {
  direction: 'into' | 'out';
  /** The new session: `AROA…:name` when the response named it. */
  sessionId: string | null;
  sessionName: string;
  roleArn: string;
  assumer: Assumer;
  issuedAt: string;
  crossAccount: boolean;
  evidenceEventIds: string[];
}

export interface RoleInteractions {
  assumedBy: RoleAssumer[];
  assumedRoles: AssumedRole[];
  sessions: InvolvedSession[];
  panel: PanelResult<AssumeRoleEventRow>;
}

const MAX_SESSIONS_LISTED = 500;

function group<T>(items: readonly Assumption[], key: (a: Assumption) => string, make: (list: Assumption[]) => T): T[] {
  const map = new Map<string, Assumption[]>();
  for (const a of items) map.set(key(a), [...(map.get(key(a)) ?? []), a]);
  return [...map.values()].map(make);
}

/** Pure: splits a role's AssumeRole* calls into those into it and those its sessions made. */
export function interactionsOf(roleArn: string, assumptions: readonly Assumption[]): Omit<RoleInteractions, 'panel'> {
  const into = assumptions.filter((a) => a.roleArn === roleArn);
  const out = assumptions.filter((a) => a.assumer.type === 'role-session' && a.assumer.roleArn === roleArn && a.roleArn !== roleArn);
  const span = (list: Assumption[]) => ({ first: list[0]?.issuedAt ?? '', last: list[list.length - 1]?.issuedAt ?? '' });
  const assumedBy = group(into, (a) => a.assumer.key, (list) => ({
    assumer: (list[0] as Assumption).assumer,
    count: list.length,
    ...span(list),
    sessionNames: [...new Set(list.map((a) => a.sessionName))].sort(),
    evidenceEventIds: list.flatMap((a) => a.evidenceEventIds).slice(0, 50),
  })).sort((x, y) => y.count - x.count);
  const assumedRoles = group(out, (a) => a.roleArn, (list) => ({
    roleArn: (list[0] as Assumption).roleArn,
    count: list.length,
    ...span(list),
    fromSessions: [...new Set(list.map((a) => a.assumer.key))].sort(),
  })).sort((x, y) => y.count - x.count);
  const sessions: InvolvedSession[] = [...into.map((a) => ({ a, direction: 'into' as const })), ...out.map((a) => ({ a, direction: 'out' as const }))]
    .sort((x, y) => (x.a.issuedAt < y.a.issuedAt ? 1 : x.a.issuedAt > y.a.issuedAt ? -1 : 0))
    .slice(0, MAX_SESSIONS_LISTED)
    .map(({ a, direction }) => ({
      direction,
      sessionId: a.assumedRoleId,
      sessionName: a.sessionName,
      roleArn: a.roleArn,
      assumer: a.assumer,
      issuedAt: a.issuedAt,
      crossAccount: a.crossAccount,
      evidenceEventIds: a.evidenceEventIds,
    }));
  return { assumedBy, assumedRoles, sessions };
}

export async function getRoleInteractions(conn: Connection, roleArn: string, scope: Scope, signal?: AbortSignal): Promise<RoleInteractions> {
  const panel = await runPanel(
    conn,
    assumeRoleEvents,
    { ...NO_MATCH, ...scope, roleArns: [roleArn], callerRoleArns: [roleArn] },
    signal,
  );
  return { ...interactionsOf(roleArn, mergeCopies(panel.rows)), panel };
}
