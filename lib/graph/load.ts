import { mergeCopies } from '@/lib/attribution/assumptions';
import { getChain } from '@/lib/attribution/chain';
import { assumeRoleEvents, NO_MATCH, type AssumeRoleEventsParams } from '@/lib/attribution/queries/assume-role-events';
import { attributeRoleSessions } from '@/lib/attribution/role-session';
import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import { roleSessionList } from '@/lib/role-sessions/queries/role-session-list';
import { buildGraph, linksFromAssumptions, linksFromAttribution, linksFromChain, type GraphLink } from './build';
import { nodeIdOfAssumer, parseNodeId, sessionNodeId, type ParsedNodeId } from './node-id';
import type { RoleGraph } from './types';

/** Sessions of an expanded role drawn at most (the most recently active). */
export const MAX_SESSIONS_PER_ROLE = 50;
const ASSUME_ROW_CAP = 5000;

export interface GraphQueries {
  label: string;
  query: PanelResult<unknown>;
}

export type LoadedGraph = RoleGraph & { queries: GraphQueries[] };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The neighbourhood of the focus and every expanded node in the scope: for a session, who assumed
 * it and what it assumed; for a role, its sessions with their assumers and what they assumed; for
 * an identity, what it assumed. One AssumeRole query for all of them, one attribution batch for the
 * sessions, one session list per expanded role, and the focus session's chain to its origin.
 */
export async function loadGraph(
  conn: Connection,
  focus: string,
  expand: readonly string[],
  scope: Scope,
  dataStart: string | null,
  signal?: AbortSignal,
): Promise<LoadedGraph> {
  const expanded = [...new Set([focus, ...expand])];
  const parsed = expanded.map((id) => ({ id, p: parseNodeId(id) })).filter((x): x is { id: string; p: ParsedNodeId } => x.p !== null);
  const of = <K extends ParsedNodeId['kind']>(...kinds: K[]) => parsed.flatMap((x) => (kinds.includes(x.p.kind as K) ? [x.p as Extract<ParsedNodeId, { kind: K }>] : []));

  const sessions = of('session').map((s) => s.sessionId);
  const roles = of('role').map((r) => r.roleArn);
  const users = of('iam-user');
  const accounts = of('aws-account').filter((a) => a.principalId !== null);
  const federated = of('sso-user', 'saml-user', 'web-identity-user');
  const queries: GraphQueries[] = [];
  const cut: string[] = [];

  const roleSessions: { sessionId: string; roleArn: string | null }[] = [];
  for (const roleArn of roles) {
    const list = await runPanel(
      conn,
      roleSessionList,
      { ...scope, role: roleArn, sort: 'last_seen', order: 'desc', limit: MAX_SESSIONS_PER_ROLE + 1, offset: 0 },
      signal,
    );
    queries.push({ label: `sessions of ${roleArn.split('/').pop() ?? roleArn}`, query: list });
    if (list.rows.length > MAX_SESSIONS_PER_ROLE) cut.push(`${roleArn.split('/').pop()}: only the ${MAX_SESSIONS_PER_ROLE} most recently active sessions are drawn`);
    for (const r of list.rows.slice(0, MAX_SESSIONS_PER_ROLE)) roleSessions.push({ sessionId: r.session_id, roleArn: r.role_arn });
  }

  const toAttribute = [...new Set([...sessions, ...roleSessions.map((s) => s.sessionId)])];
  const links: GraphLink[] = [];
  const attribution = toAttribute.length ? await attributeRoleSessions(conn, toAttribute, scope, dataStart, signal) : null;
  if (attribution) {
    queries.push({ label: 'credentials used', query: attribution.panels.credentials }, { label: 'AssumeRole calls into the sessions', query: attribution.panels.assumeRoleEvents });
    for (const att of attribution.sessions.values()) links.push(...linksFromAttribution(att));
  }

  const match = {
    ...NO_MATCH,
    ...scope,
    roleArns: roles,
    callerRoleArns: roles,
    callerPrincipalIds: [...sessions, ...users.flatMap((u) => (u.principalId ? [u.principalId] : [])), ...accounts.map((a) => a.principalId as string)],
    callerArns: [...users.flatMap((u) => (u.arn ? [u.arn] : [])), ...of('root').map((r) => `arn:aws:iam::${r.accountId}:root`)],
    callerServices: of('aws-service').map((s) => s.service),
    federated: [
      ...(federated.some((f) => f.kind !== 'web-identity-user') ? (['AssumeRoleWithSAML'] as const) : []),
      ...(federated.some((f) => f.kind === 'web-identity-user') ? (['AssumeRoleWithWebIdentity'] as const) : []),
    ],
  } satisfies AssumeRoleEventsParams;
  const wanted = new Set(expanded);
  const roleSet = new Set(roles);
  const anyMatch = Object.values(match).some((v) => Array.isArray(v) && v.length > 0);
  if (anyMatch) {
    const events = await runPanel(conn, assumeRoleEvents, match, signal);
    queries.push({ label: 'AssumeRole calls by and into the expanded nodes', query: events });
    if (events.rows.length >= ASSUME_ROW_CAP) cut.push(`more than ${plural(ASSUME_ROW_CAP, 'AssumeRole call')} in the scope: narrow the scope to see them all`);
    // Federated sign-ins arrive by kind; keep those of the expanded users (and anything else asked for).
    const kept = mergeCopies(events.rows).filter(
      (a) =>
        wanted.has(nodeIdOfAssumer(a.assumer)) ||
        roleSet.has(a.roleArn) ||
        (a.assumer.roleArn !== null && roleSet.has(a.assumer.roleArn)) ||
        (a.assumedRoleId !== null && wanted.has(sessionNodeId(a.assumedRoleId))),
    );
    links.push(...linksFromAssumptions(kept));
  }

  const focusSession = parseNodeId(focus);
  let chain = null;
  if (focusSession?.kind === 'session') {
    chain = await getChain(conn, focusSession.sessionId, scope, dataStart, signal, attribution?.sessions.get(focusSession.sessionId));
    links.push(...linksFromChain(chain));
    if (chain.cut) cut.push(chain.cut);
  }

  const graph = buildGraph({ focus, expanded: expanded.slice(1), links, sessions: roleSessions, roles, chain, cut });
  return { ...graph, queries };
}
