/**
 * The audit log in the app-state store (`audit_log`, migration 5). Append-only by construction:
 * this module, the only one that touches the table, offers an insert, a query and the retention
 * purge, and nothing that changes or removes one entry. A test pins that list.
 */
import { withStateConnection } from '@/lib/state/db';
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
  await withStateConnection((connection) =>
    connection.run(
      `INSERT INTO audit_log (recorded_at, action, actor, via, address, entity, scope_from, scope_to, outcome, detail)
       VALUES (CAST($at AS TIMESTAMP), $action, $actor, $via, $address, $entity, $scopeFrom, $scopeTo, $outcome, $detail)`,
      {
        at: entry.at,
        action: entry.action,
        actor: entry.actor,
        via: entry.via,
        address: entry.address,
        entity: entry.entity,
        scopeFrom: entry.scope?.from ?? null,
        scopeTo: entry.scope?.to ?? null,
        outcome: entry.outcome,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      },
    ),
  );
}

/** Newest first (in the order entries were appended), `limit` at a time. */
export async function queryAudit(filter: AuditFilter): Promise<AuditPage> {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: filter.limit + 1 };
  // Each clause is fixed text; only the values are bound.
  const add = (clause: string, name: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    params[name] = value;
  };
  add('actor = $actor', 'actor', filter.actor);
  add('action = $action', 'action', filter.action);
  add('starts_with(entity, $entity)', 'entity', filter.entity);
  add('recorded_at >= CAST($from AS TIMESTAMP)', 'from', filter.from);
  add('recorded_at < CAST($to AS TIMESTAMP)', 'to', filter.to);
  add('id < CAST($cursor AS BIGINT)', 'cursor', filter.cursor);

  const rows = await withStateConnection(async (connection) => {
    const reader = await connection.runAndReadAll(
      `SELECT id, strftime(recorded_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at, action, actor, via, address, entity, scope_from, scope_to, outcome, detail
       FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id DESC LIMIT $limit`,
      params,
    );
    return reader.getRowObjectsJS();
  });
  const entries = rows.slice(0, filter.limit).map(fromRow);
  return { entries, nextCursor: rows.length > filter.limit ? (entries.at(-1)?.id ?? null) : null };
}

/** Removes entries recorded before `cutoff` (the retention setting); returns how many. */
export async function purgeAuditBefore(cutoff: string): Promise<number> {
  const result = await withStateConnection((connection) =>
    connection.run('DELETE FROM audit_log WHERE recorded_at < CAST($cutoff AS TIMESTAMP)', { cutoff }),
  );
  return Number(result.rowsChanged);
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
