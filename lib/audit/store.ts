/**
 * The audit log in the app-state store (`audit_log`, migration 5). Append-only by construction:
 * this module, the only one that touches the table, offers an insert, a query and the retention
 * purge, and nothing that changes or removes one entry. A test pins that list.
 */
import { sql } from '@/lib/sql/sql';
import { withStateConnection } from '@/lib/state/db';
import { execute, select, whereAll } from '@/lib/state/statement';
import { AUDIT_OUTCOMES, AUDIT_VIAS, type AuditAction, type AuditEntry, type AuditOutcome, type AuditVia } from './event';

export interface AuditFilter {
  /** Exact user name. */
  actor?: string;
  action?: AuditAction;
  /** Entries whose entity starts with this: `role-session:` for every session, `finding:det-` for detections. */
  entity?: string;
  /** Recorded at or after, ISO-8601 UTC. */
  from?: string;
  /** Recorded before. */
  to?: string;
  /** Entries older than this cursor (a previous page's `nextCursor`). */
  cursor?: string;
  limit: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `cursor` for the next, older page; null on the last page. */
  nextCursor: string | null;
}

export async function insertAudit(entry: Omit<AuditEntry, 'id'>): Promise<void> {
  const detail = entry.detail ? JSON.stringify(entry.detail) : null;
  await withStateConnection((connection) =>
    execute(
      connection,
      sql`INSERT INTO audit_log (recorded_at, action, actor, via, address, entity, scope_from, scope_to, outcome, detail)
       VALUES (CAST(${entry.at} AS TIMESTAMP), ${entry.action}, ${entry.actor}, ${entry.via}, ${entry.address}, ${entry.entity},
               ${entry.scope?.from ?? null}, ${entry.scope?.to ?? null}, ${entry.outcome}, ${detail})`,
    ),
  );
}

/** Newest first (in the order entries were appended), `limit` at a time. */
export async function queryAudit(filter: AuditFilter): Promise<AuditPage> {
  const where = whereAll([
    filter.actor !== undefined && sql`actor = ${filter.actor}`,
    filter.action !== undefined && sql`action = ${filter.action}`,
    filter.entity !== undefined && sql`starts_with(entity, ${filter.entity})`,
    filter.from !== undefined && sql`recorded_at >= CAST(${filter.from} AS TIMESTAMP)`,
    filter.to !== undefined && sql`recorded_at < CAST(${filter.to} AS TIMESTAMP)`,
    filter.cursor !== undefined && sql`id < CAST(${filter.cursor} AS BIGINT)`,
  ]);
  const rows = await withStateConnection((connection) =>
    select(
      connection,
      sql`SELECT id, strftime(recorded_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at, action, actor, via, address, entity, scope_from, scope_to, outcome, detail
       FROM audit_log ${where}
       ORDER BY id DESC LIMIT ${filter.limit + 1}`,
    ),
  );
  const entries = rows.slice(0, filter.limit).map(fromRow);
  return { entries, nextCursor: rows.length > filter.limit ? (entries.at(-1)?.id ?? null) : null };
}

/** Removes entries recorded before `cutoff` (the retention setting); returns how many. */
export async function purgeAuditBefore(cutoff: string): Promise<number> {
  return withStateConnection((connection) => execute(connection, sql`DELETE FROM audit_log WHERE recorded_at < CAST(${cutoff} AS TIMESTAMP)`));
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Our own rows, read defensively: an unknown value (a later version's action) still shows. */
function fromRow(row: Record<string, unknown>): AuditEntry {
  const scopeFrom = str(row.scope_from);
  const scopeTo = str(row.scope_to);
  const detail = str(row.detail);
  return {
    id: String(row.id),
    at: String(row.at),
    action: String(row.action) as AuditAction,
    actor: str(row.actor),
    via: AUDIT_VIAS.includes(row.via as AuditVia) ? (row.via as AuditVia) : null,
    address: str(row.address),
    entity: str(row.entity),
    scope: scopeFrom && scopeTo ? { from: scopeFrom, to: scopeTo } : null,
    outcome: AUDIT_OUTCOMES.includes(row.outcome as AuditOutcome) ? (row.outcome as AuditOutcome) : 'failed',
    detail: detail ? (JSON.parse(detail) as Record<string, unknown>) : null,
  };
}
