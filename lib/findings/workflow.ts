/**
 * Triage: a finding's status and assignee, its notes, and the history of every change (migration 6:
 * `findings.status/assignee/status_changed_at` and the append-only `finding_activity`). A change
 * and the history rows saying so are written in one transaction, through the findings write queue,
 * so the history never disagrees with the state. A resolved finding that fires again (a later last
 * seen arrives through upsertFindings) is reopened here, by Trailscope, with the reason.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { join, sql, type Sql } from '@/lib/sql/sql';
import { withStateConnection } from '@/lib/state/db';
import { execute, select, type StateRow } from '@/lib/state/statement';
import { ACTIVITY_KINDS, FINDING_STATUSES, SYSTEM_ACTOR, type ActivityKind, type FindingActivity, type FindingStatus, type Triage } from './status';
import type { Finding } from './types';
import { serialised } from './write-queue';

export interface TriageChange {
  status?: FindingStatus;
  /** A user's name, or null to unassign. */
  assignee?: string | null;
  note?: string;
}

export interface TriageResult {
  /** Ids something was written for (a change or a note). */
  changed: string[];
  /** Ids that already were as asked, with no note to add. */
  unchanged: string[];
  /** Ids with no finding. */
  missing: string[];
}

interface ActivityRow {
  findingId: string;
  actor: string;
  kind: ActivityKind;
  from: string | null;
  to: string | null;
  note: string | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const idList = (ids: readonly string[]) => join(ids.map((id) => sql`${id}`), ', ');

/** The triage columns as findings read them (added to the finding's own columns by the store). */
export const TRIAGE_COLUMNS = sql`status, assignee, strftime(status_changed_at, '%Y-%m-%dT%H:%M:%SZ') AS status_changed_at`;

export function triageFromRow(row: StateRow): Triage {
  const status = text(row.status);
  return {
    status: FINDING_STATUSES.includes(status as FindingStatus) ? (status as FindingStatus) : 'new',
    assignee: text(row.assignee),
    statusChangedAt: text(row.status_changed_at),
  };
}

async function appendActivity(connection: DuckDBConnection, rows: readonly ActivityRow[], at: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const values = rows.slice(i, i + 200).map((r) => sql`(${r.findingId}, CAST(${at} AS TIMESTAMP), ${r.actor}, ${r.kind}, ${r.from}, ${r.to}, ${r.note})`);
    await execute(connection, sql`INSERT INTO finding_activity (finding_id, happened_at, actor, kind, old_value, new_value, note) VALUES ${join(values, ', ')}`);
  }
}

async function setColumn(connection: DuckDBConnection, ids: readonly string[], set: Sql): Promise<void> {
  for (let i = 0; i < ids.length; i += 200) await execute(connection, sql`UPDATE findings SET ${set} WHERE id IN (${idList(ids.slice(i, i + 200))})`);
}

/** Applies one change to each finding named, recording what changed; a no-op change records nothing. */
export function triageFindings(ids: readonly string[], change: TriageChange, actor: string, now = new Date()): Promise<TriageResult> {
  const wanted = [...new Set(ids)];
  const at = now.toISOString();
  return serialised(() =>
    withStateConnection(async (connection) => {
      await execute(connection, sql`BEGIN TRANSACTION`);
      try {
        const current = new Map<string, StateRow>();
        for (let i = 0; i < wanted.length; i += 200) {
          for (const row of await select(connection, sql`SELECT id, status, assignee FROM findings WHERE id IN (${idList(wanted.slice(i, i + 200))})`)) current.set(String(row.id), row);
        }
        const activity: ActivityRow[] = [];
        const statusIds: string[] = [];
        const assigneeIds: string[] = [];
        for (const [id, row] of current) {
          const status = text(row.status) ?? 'new';
          const assignee = text(row.assignee);
          if (change.status !== undefined && change.status !== status) {
            statusIds.push(id);
            activity.push({ findingId: id, actor, kind: 'status', from: status, to: change.status, note: null });
          }
          if (change.assignee !== undefined && change.assignee !== assignee) {
            assigneeIds.push(id);
            activity.push({ findingId: id, actor, kind: 'assignee', from: assignee, to: change.assignee, note: null });
          }
          if (change.note) activity.push({ findingId: id, actor, kind: 'note', from: null, to: null, note: change.note });
        }
        if (statusIds.length) await setColumn(connection, statusIds, sql`status = ${change.status!}, status_changed_at = CAST(${at} AS TIMESTAMP)`);
        if (assigneeIds.length) await setColumn(connection, assigneeIds, sql`assignee = ${change.assignee ?? null}`);
        await appendActivity(connection, activity, at);
        await execute(connection, sql`COMMIT`);
        const changed = new Set(activity.map((a) => a.findingId));
        return {
          changed: wanted.filter((id) => changed.has(id)),
          unchanged: wanted.filter((id) => current.has(id) && !changed.has(id)),
          missing: wanted.filter((id) => !current.has(id)),
        };
      } catch (error) {
        await execute(connection, sql`ROLLBACK`);
        throw error;
      }
    }),
  );
}

/**
 * Inside upsertFindings' transaction: the resolved findings among `incoming` that were seen again
 * after what was stored (`stored`, the rows before the merge) go back to new, with a history row
 * saying when they fired. False positives and benign findings stay closed: the same match is the
 * same verdict.
 */
export async function reopenRefired(connection: DuckDBConnection, incoming: readonly Finding[], stored: ReadonlyMap<string, Finding>, now = new Date()): Promise<string[]> {
  const candidates = incoming.filter((f) => {
    const before = stored.get(f.id);
    return before !== undefined && Date.parse(f.lastSeen) > Date.parse(before.lastSeen);
  });
  if (candidates.length === 0) return [];
  const resolved = new Set<string>();
  for (let i = 0; i < candidates.length; i += 200) {
    const chunk = candidates.slice(i, i + 200).map((f) => f.id);
    for (const row of await select(connection, sql`SELECT id FROM findings WHERE status = 'resolved' AND id IN (${idList(chunk)})`)) resolved.add(String(row.id));
  }
  const reopened = candidates.filter((f) => resolved.has(f.id));
  if (reopened.length === 0) return [];
  const at = now.toISOString();
  await setColumn(
    connection,
    reopened.map((f) => f.id),
    sql`status = 'new', status_changed_at = CAST(${at} AS TIMESTAMP)`,
  );
  await appendActivity(
    connection,
    reopened.map((f) => ({ findingId: f.id, actor: SYSTEM_ACTOR, kind: 'reopened', from: 'resolved', to: 'new', note: `Fired again after it was resolved: last seen ${f.lastSeen}.` })),
    at,
  );
  return reopened.map((f) => f.id);
}

/** A finding's history, oldest first. */
export function findingActivity(id: string): Promise<FindingActivity[]> {
  return withStateConnection(async (connection) => {
    const rows = await select(
      connection,
      sql`SELECT id, strftime(happened_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS happened_at, actor, kind, old_value, new_value, note
          FROM finding_activity WHERE finding_id = ${id} ORDER BY id`,
    );
    return rows.map((r) => ({
      id: String(r.id),
      at: String(r.happened_at).replace('.000Z', 'Z'),
      actor: String(r.actor),
      kind: ACTIVITY_KINDS.includes(r.kind as ActivityKind) ? (r.kind as ActivityKind) : 'note',
      from: text(r.old_value),
      to: text(r.new_value),
      note: text(r.note),
    }));
  });
}
