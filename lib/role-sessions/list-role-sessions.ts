import type { Connection } from '@/lib/engine/types';
import { attributeRoleSessions, type AssumedBy } from '@/lib/attribution/role-session';
import { roleNameOf } from '@/lib/attribution/assumer';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import { ROLE_SESSION_WINDOW, roleSessionList, type RoleSessionListQuery, type RoleSessionRow } from '@/lib/role-sessions/queries/role-session-list';
import type { RoleSessionListParams } from '@/lib/role-sessions/params';
import type { Scope } from '@/lib/params/scope';
import { TtlCache } from './ttl-cache';

export interface RoleSessionSummary {
  sessionId: string;
  roleArn: string | null;
  roleName: string | null;
  sessionName: string;
  accountId: string | null;
  firstSeen: string;
  lastSeen: string;
  eventCount: number;
  failedCount: number;
  assumedBy: AssumedBy[];
  /** Credentials used with no AssumeRole* behind them. */
  unattributed: number;
}

export interface RoleSessionPage {
  sessions: RoleSessionSummary[];
  nextCursor: string | null;
  panels: { sessions: PanelResult<RoleSessionRow>; attribution: PanelResult<unknown>[] };
}

/**
 * The list's aggregation is kept and paged in memory, so moving through pages does not aggregate
 * the scope again: on Athena every aggregation reads all the scope's days. One aggregation returns
 * the first WINDOW sessions in the order asked for (the same ORDER BY as SQL paging, so the same
 * rows); pages inside it cost nothing more, pages past it aggregate with OFFSET as before. Kept per
 * connection by scope, filters and order for TTL_MS, at most MAX_AGGREGATIONS of them: about
 * 0.4 KB a session, so at most ~13 MB per process (32 × 1,001 rows).
 */
const WINDOW = ROLE_SESSION_WINDOW;
const TTL_MS = 5 * 60_000;
const MAX_AGGREGATIONS = 32;

type Aggregation = Promise<PanelResult<RoleSessionRow>>;
const aggregations = new WeakMap<Connection, TtlCache<Aggregation>>();

async function sessionsPage(conn: Connection, query: RoleSessionListQuery, signal?: AbortSignal): Promise<PanelResult<RoleSessionRow>> {
  const { offset, limit } = query;
  if (offset + limit > WINDOW + 1) return runPanel(conn, roleSessionList, query, signal);
  const cache = aggregations.get(conn) ?? new TtlCache<Aggregation>(MAX_AGGREGATIONS, TTL_MS);
  aggregations.set(conn, cache);
  const key = JSON.stringify({ ...query, offset: undefined, limit: undefined });
  const slice = (all: PanelResult<RoleSessionRow>, cached: boolean): PanelResult<RoleSessionRow> => {
    const rows = all.rows.slice(offset, offset + limit);
    return { ...all, rows, stats: cached ? { ...all.stats, elapsedMs: 0, bytesScanned: 0, costUsd: 0, rowCount: rows.length, cached: true } : all.stats };
  };
  const hit = cache.get(key);
  if (hit) {
    try {
      return slice(await hit, true);
    } catch (error) {
      // Another request's aggregation failed or was cancelled: run our own, unless we are cancelled too.
      if (signal?.aborted) throw error;
    }
  }
  const aggregation = runPanel(conn, roleSessionList, { ...query, offset: 0, limit: WINDOW + 1 }, signal);
  cache.set(key, aggregation);
  aggregation.catch(() => cache.deleteIf(key, aggregation));
  return slice(await aggregation, false);
}

/** One page of the role sessions active in the scope, each with who assumed it. */
export async function listRoleSessions(
  conn: Connection,
  params: RoleSessionListParams,
  scope: Scope,
  dataStart: string | null,
  signal?: AbortSignal,
): Promise<RoleSessionPage> {
  const offset = params.cursor ? Number(params.cursor) : 0;
  const list = await sessionsPage(
    conn,
    { ...scope, account: params.account, role: params.role, sessionName: params.sessionName, assumer: params.assumer, sort: params.sort, order: params.order, limit: params.limit + 1, offset },
    signal,
  );
  const rows = list.rows.slice(0, params.limit);
  const attribution = rows.length
    ? await attributeRoleSessions(conn, rows.map((r) => r.session_id), scope, dataStart, signal)
    : null;
  return {
    sessions: rows.map((r) => {
      const a = attribution?.sessions.get(r.session_id);
      return {
        sessionId: r.session_id,
        roleArn: r.role_arn,
        roleName: r.role_arn ? roleNameOf(r.role_arn) : null,
        sessionName: r.session_id.slice(r.session_id.indexOf(':') + 1),
        accountId: r.account_id,
        firstSeen: r.first_seen,
        lastSeen: r.last_seen,
        eventCount: r.events,
        failedCount: r.failed,
        assumedBy: a?.assumedBy ?? [],
        unattributed: a?.unattributed.length ?? 0,
      };
    }),
    nextCursor: list.rows.length > params.limit ? String(offset + params.limit) : null,
    panels: { sessions: list, attribution: attribution ? [attribution.panels.credentials, attribution.panels.assumeRoleEvents] : [] },
  };
}
