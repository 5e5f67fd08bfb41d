import type { z } from 'zod';
import { code, join, sql, trusted, type Sql } from '@/lib/sql/sql';
import { whereAll } from '@/lib/state/statement';
import { findingsFilterSchema, UNASSIGNED, type FindingSort, type FindingsFilter, type listFindingsSchema } from './schema';

/** Allowlisted ORDER BY columns; the id breaks ties so pages never repeat or skip a finding. */
const SORT_COLUMNS: Record<FindingSort, string> = {
  lastSeen: 'last_seen',
  firstSeen: 'first_seen',
  severity: 'severity',
  count: 'count',
  title: 'title',
  type: 'type',
};

/** The WHERE clause of the filters given, validated again here; every value is bound. */
export function findingsWhere(filter: FindingsFilter): Sql {
  const f = findingsFilterSchema.parse(filter);
  return whereAll([
    // Overlap with the window: seen before it ends and still seen after it starts.
    !!f.to && sql`first_seen < CAST(${f.to} AS TIMESTAMP)`,
    !!f.from && sql`last_seen >= CAST(${f.from} AS TIMESTAMP)`,
    !!f.type && sql`type = ${f.type}`,
    !!f.source && sql`source = ${f.source}`,
    !!f.rule && sql`rule = ${f.rule}`,
    !!f.actor && sql`${f.actor} IN (actor_session_id, actor_principal_id, actor_arn, actor_access_key_id, actor_user_name)`,
    !!f.severity && f.severity.length > 0 && sql`severity_label IN (${join(f.severity.map((s) => sql`${s}`), ', ')})`,
    !!f.status && f.status.length > 0 && sql`coalesce(status, 'new') IN (${join(f.status.map((s) => sql`${s}`), ', ')})`,
    !!f.assignee && (f.assignee === UNASSIGNED ? sql`assignee IS NULL` : sql`assignee = ${f.assignee}`),
    // The id opens a JSON string: `"T1078` matches T1078 and T1078.004, never T1079.
    !!f.technique && sql`techniques LIKE ${`%"${f.technique}%`}`,
  ]);
}

/** ORDER BY, LIMIT and OFFSET of a page: the column from the allowlist, the numbers validated integers. */
export function findingsPage(q: Pick<z.output<typeof listFindingsSchema>, 'sort' | 'order' | 'limit' | 'offset'>): Sql {
  const direction = code(q.order === 'asc' ? 'ASC' : 'DESC');
  return sql`ORDER BY ${code(SORT_COLUMNS[q.sort])} ${direction}, id ${direction}
       LIMIT ${trusted(q.limit)} OFFSET ${trusted(q.offset)}`;
}
