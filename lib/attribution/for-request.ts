import { getConnection } from '@/lib/engine';
import { panelQuery } from '@/lib/engine/panel';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import type { ScopeParams } from '@/lib/params/scope';
import { getChain } from './chain';
import { getDownstream } from './downstream';
import { getRoleInteractions } from './role-interactions';

/** GET /api/role-sessions/[id]/chain: the session's provenance upstream and what it started. */
export async function chainForRequest(sessionId: string, query: ScopeParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope, first } = await scopeForRequest(conn, query, signal, true);
  const [chain, downstream] = await Promise.all([getChain(conn, sessionId, scope, first, signal), getDownstream(conn, sessionId, scope, signal)]);
  return { scope, ...chain, downstream: downstream.hops, downstreamCut: downstream.cut };
}

/** GET /api/roles/[arn]/interactions: who assumed the role, what it assumed, and its sessions. */
export async function roleInteractionsForRequest(roleArn: string, query: ScopeParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope } = await scopeForRequest(conn, query, signal);
  const { assumedBy, assumedRoles, sessions, panel } = await getRoleInteractions(conn, roleArn, scope, signal);
  return { scope, assumedBy, assumedRoles, sessions, ...panelQuery(panel) };
}
