import type { Connection } from '@/lib/engine/types';
import { attributeRoleSessions, type AssumedBy } from '@/lib/attribution/role-session';
import { roleNameOf } from '@/lib/attribution/assumer';
import { runPanel, type PanelResult } from '@/lib/queries/panel';
import { roleSessionList, type RoleSessionRow } from '@/lib/queries/role-sessions';
import type { RoleSessionListParams } from '@/lib/params/role-sessions';
import type { Scope } from '@/lib/params/scope';

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

/** One page of the role sessions active in the scope, each with who assumed it. */
export async function listRoleSessions(
  conn: Connection,
  params: RoleSessionListParams,
  scope: Scope,
  dataStart: string | null,
  signal?: AbortSignal,
): Promise<RoleSessionPage> {
  const offset = params.cursor ? Number(params.cursor) : 0;
  const list = await runPanel(
    conn,
    roleSessionList,
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
