import { getRoleSessionAttribution } from '@/lib/attribution/role-session';
import { getConnection } from '@/lib/engine';
import type { PanelQuery } from '@/lib/engine/panel';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import type { ScopeParams } from '@/lib/params/scope';
import { getSubjectExtent } from '@/lib/subjects/get-subject-extent';
import { listRoleSessions } from './list-role-sessions';
import type { RoleSessionListParams } from './params';

/**
 * What GET /api/role-sessions and /api/role-sessions/[id] answer. These two have always carried
 * each panel's SQL, parameters and stats without its notes, unlike queriesOf: kept as they are.
 */
function queriesWithoutNotes(panels: readonly PanelQuery[]): Omit<PanelQuery, 'notes'>[] {
  return panels.map(({ sql, params, stats }) => ({ sql, params, stats }));
}

/** `{ scope, sessions, nextCursor, queries }`: one page of the role-session list. */
export async function roleSessionListForRequest(query: RoleSessionListParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope, first } = await scopeForRequest(conn, query, signal, true);
  const page = await listRoleSessions(conn, query, scope, first, signal);
  return {
    scope,
    sessions: page.sessions,
    nextCursor: page.nextCursor,
    queries: queriesWithoutNotes([page.panels.sessions, ...page.panels.attribution]),
  };
}

/** One role session: who it is, when it was seen, who assumed it (with the evidence) and each credential it was issued. */
export async function roleSessionForRequest(sessionId: string, query: ScopeParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope, first } = await scopeForRequest(conn, query, signal, true);
  const [a, extent] = await Promise.all([
    getRoleSessionAttribution(conn, sessionId, scope, first, signal),
    getSubjectExtent(conn, { kind: 'role-session', principalId: sessionId }, scope, signal),
  ]);
  return {
    scope,
    sessionId: a.principalId,
    roleArn: a.roleArn,
    sessionName: a.sessionName,
    accountId: a.accountId,
    firstObserved: extent.rows[0]?.first ?? null,
    lastObserved: extent.rows[0]?.last ?? null,
    assumedBy: a.assumedBy.map((b) => ({
      type: b.assumer.type,
      name: b.assumer.name,
      arn: b.assumer.arn,
      principalId: b.assumer.principalId,
      accountId: b.assumer.accountId,
      evidenceEventIds: b.evidenceEventIds,
      confidence: b.confidence,
    })),
    unattributed: a.unattributed.map((u) => ({ accessKeyId: u.credential.accessKeyId, creationDate: u.credential.creationDate, reason: u.reason })),
    assumptions: a.credentials.map((c) => ({
      accessKeyId: c.credential.accessKeyId,
      creationDate: c.credential.creationDate,
      firstSeen: c.credential.firstSeen,
      lastSeen: c.credential.lastSeen,
      events: c.credential.events,
      failed: c.credential.failed,
      sourceIps: c.credential.sourceIps,
      mfaAuthenticated: c.credential.mfaAuthenticated,
      link: c.link,
      confidence: c.confidence,
      reason: c.reason,
      issuedBy: c.assumption,
    })),
    queries: queriesWithoutNotes([extent, a.panels.credentials, a.panels.assumeRoleEvents]),
  };
}
