import type { Connection } from '@/lib/engine/types';
import { runPanel } from '@/lib/engine/panel';
import type { Scope } from '@/lib/params/scope';
import { mergeCopies } from './assumptions';
import { assumeRoleEvents, NO_MATCH } from './queries/assume-role-events';
import type { Assumption } from './types';

/** Every session a role session started, recursively: what its credentials were used to assume. */
export interface DownstreamHop {
  /** The session that called AssumeRole*. */
  fromSessionId: string;
  /** The session it started: `AROA…:name` when the response named it. */
  sessionId: string | null;
  roleArn: string;
  sessionName: string;
  assumedAt: string;
  crossAccount: boolean;
  evidenceEventIds: string[];
  depth: number;
}

export const MAX_DOWNSTREAM_DEPTH = 10;
export const MAX_DOWNSTREAM_HOPS = 500;

export type DownstreamLookup = (callerSessionIds: string[]) => Promise<Assumption[]>;

/**
 * Pure walk, one batched lookup per level: the assumptions each frontier session made, then the
 * sessions those started. A visited set ends cycles; depth and size are bounded.
 */
export async function buildDownstream(start: string, lookup: DownstreamLookup): Promise<{ hops: DownstreamHop[]; cut: boolean }> {
  const hops: DownstreamHop[] = [];
  const visited = new Set<string>([start]);
  let frontier = [start];
  let cut = false;
  for (let depth = 1; depth <= MAX_DOWNSTREAM_DEPTH && frontier.length > 0; depth++) {
    const made = await lookup(frontier);
    const next: string[] = [];
    for (const a of made) {
      // The role account's copy alone names the caller only by principal id (type AWSAccount).
      const from = a.assumer.type === 'role-session' ? a.assumer.key : a.assumer.principalId;
      if (!from || !frontier.includes(from)) continue;
      if (hops.length >= MAX_DOWNSTREAM_HOPS) {
        cut = true;
        break;
      }
      hops.push({
        fromSessionId: from,
        sessionId: a.assumedRoleId,
        roleArn: a.roleArn,
        sessionName: a.sessionName,
        assumedAt: a.issuedAt,
        crossAccount: a.crossAccount,
        evidenceEventIds: a.evidenceEventIds,
        depth,
      });
      if (a.assumedRoleId && !visited.has(a.assumedRoleId)) {
        visited.add(a.assumedRoleId);
        next.push(a.assumedRoleId);
      }
    }
    frontier = next;
    if (depth === MAX_DOWNSTREAM_DEPTH && frontier.length > 0) cut = true;
  }
  return { hops, cut };
}

/** The sessions a role session started in the scope, and the ones those started. */
export function getDownstream(conn: Connection, principalId: string, scope: Scope, signal?: AbortSignal) {
  return buildDownstream(principalId, async (callers) => {
    const panel = await runPanel(
      conn,
      assumeRoleEvents,
      { ...NO_MATCH, ...scope, callerPrincipalIds: callers },
      signal,
    );
    return mergeCopies(panel.rows);
  });
}
