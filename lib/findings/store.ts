/**
 * Findings in the app-state store (`findings`, migration 2). One row per finding id: importing the
 * same GuardDuty export twice, or running the detections over overlapping scopes, updates the row
 * instead of adding one (see `mergeFindings`).
 *
 * Writes are serialised inside the process: DuckDB's optimistic transactions would otherwise fail
 * two concurrent imports that touch the same id, and the read-merge-write must see the row the
 * previous write left. They are batched (see WRITE_BATCH): one statement per finding is what made
 * large imports slow and memory-hungry.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { withStateConnection } from '@/lib/state/db';
import {
  findingSchema,
  findingsFilterSchema,
  listFindingsSchema,
  type FindingSort,
  type FindingsFilter,
  type ListFindingsQuery,
} from './schema';
import { FINDING_SOURCES, SEVERITY_LABELS, severityLabel, type Finding, type FindingResource, type FindingSource, type SeverityLabel } from './types';
import { isoUtc } from '@/lib/time';

/** Evidence kept per finding: enough to open every event of a typical finding, bounded for bursts. */
export const MAX_STORED_EVIDENCE = 1000;

function unionResources(a: readonly FindingResource[], b: readonly FindingResource[]): FindingResource[] {
  const out: FindingResource[] = [];
  for (const r of [...a, ...b]) if (!out.some((x) => x.type === r.type && x.id === r.id)) out.push(r);
  return out;
}

/**
 * The same finding seen again: the seen range widens (min firstSeen, max lastSeen), evidence and
 * resources are united, and the descriptive fields (severity, title, description, actor...) come
 * from the newer observation, the one with the later lastSeen (the incoming one on a tie), because
 * GuardDuty raises a finding's severity as it updates it and a detection's wording may improve.
 * GuardDuty's Count is cumulative, and a detection's count is its evidence, so the count is the
 * largest of both counts and the united evidence, never a sum that would double-count a re-run.
 */
export function mergeFindings(existing: Finding, incoming: Finding): Finding {
  const newer = Date.parse(incoming.lastSeen) >= Date.parse(existing.lastSeen) ? incoming : existing;
  const older = newer === incoming ? existing : incoming;
  // Stored order first, then what is new: a detection's evidence stays in event-time order, and
  // re-saving the same finding leaves it exactly as it was.
  const evidence = [...new Set([...existing.evidenceEventIds, ...incoming.evidenceEventIds])].slice(0, MAX_STORED_EVIDENCE);
  return {
    ...newer,
    firstSeen: isoUtc(Math.min(Date.parse(existing.firstSeen), Date.parse(incoming.firstSeen))),
    lastSeen: isoUtc(Math.max(Date.parse(existing.lastSeen), Date.parse(incoming.lastSeen))),
    accountId: newer.accountId ?? older.accountId,
    region: newer.region ?? older.region,
    resources: unionResources(newer.resources, older.resources),
    evidenceEventIds: evidence,
    count: Math.max(existing.count, incoming.count, evidence.length),
  };
}

const SELECT_COLUMNS = `id, source, type, severity, severity_label, title, description,
  strftime(first_seen, '%Y-%m-%dT%H:%M:%S.%gZ') AS first_seen, strftime(last_seen, '%Y-%m-%dT%H:%M:%S.%gZ') AS last_seen,
  account_id, region, actor_access_key_id, actor_principal_id, actor_arn, actor_user_name, actor_user_type,
  actor_session_id, resources, evidence_event_ids, rule, count`;

type DbRow = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function fromRow(row: DbRow): Finding {
  const severity = Number(row.severity);
  const label = str(row.severity_label);
  return {
    id: String(row.id),
    source: FINDING_SOURCES.includes(row.source as FindingSource) ? (row.source as FindingSource) : 'detection',
    type: String(row.type),
    severity,
    severityLabel: SEVERITY_LABELS.includes(label as SeverityLabel) ? (label as SeverityLabel) : severityLabel(severity),
    title: String(row.title),
    description: String(row.description),
    firstSeen: String(row.first_seen).replace('.000Z', 'Z'),
    lastSeen: String(row.last_seen).replace('.000Z', 'Z'),
    accountId: str(row.account_id),
    region: str(row.region),
    actor: {
      accessKeyId: str(row.actor_access_key_id),
      principalId: str(row.actor_principal_id),
      arn: str(row.actor_arn),
      userName: str(row.actor_user_name),
      userType: str(row.actor_user_type),
      sessionId: str(row.actor_session_id),
    },
    resources: JSON.parse(String(row.resources)) as FindingResource[],
    evidenceEventIds: JSON.parse(String(row.evidence_event_ids)) as string[],
    rule: str(row.rule),
    count: Number(row.count),
  };
}

function toParams(f: Finding): Record<string, string | number | null> {
  return {
    id: f.id,
    source: f.source,
    type: f.type,
    severity: f.severity,
    severity_label: f.severityLabel,
    title: f.title,
    description: f.description,
    first_seen: f.firstSeen,
    last_seen: f.lastSeen,
    account_id: f.accountId,
    region: f.region,
    actor_access_key_id: f.actor.accessKeyId,
    actor_principal_id: f.actor.principalId,
    actor_arn: f.actor.arn,
    actor_user_name: f.actor.userName,
    actor_user_type: f.actor.userType,
    actor_session_id: f.actor.sessionId,
    resources: JSON.stringify(f.resources),
    evidence_event_ids: JSON.stringify(f.evidenceEventIds),
    rule: f.rule,
    count: f.count,
  };
}

const PLACEHOLDER: Finding = {
  id: '',
  source: 'detection',
  type: '',
  severity: 0,
  severityLabel: 'Low',
  title: '',
  description: '',
  firstSeen: '',
  lastSeen: '',
  accountId: null,
  region: null,
  actor: { accessKeyId: null, principalId: null, arn: null, userName: null, userType: null, sessionId: null },
  resources: [],
  evidenceEventIds: [],
  rule: null,
  count: 0,
};

const COLUMNS = Object.keys(toParams(PLACEHOLDER));

/**
 * A batch is appended to this temporary table (the DuckDB appender: no statement per row), then
 * merged into `findings` by one INSERT … ON CONFLICT. Times stay text until the merge casts them,
 * so the appender only writes strings and numbers.
 */
const INCOMING = 'findings_incoming';
const incomingType = (column: string) => (column === 'severity' ? 'DOUBLE' : column === 'count' ? 'BIGINT' : 'VARCHAR');
const CREATE_INCOMING = `CREATE TEMP TABLE IF NOT EXISTS ${INCOMING} (${COLUMNS.map((c) => `${c} ${incomingType(c)}`).join(', ')})`;
const MERGE_INCOMING = (() => {
  // The column list is toParams' keys, so the statement and the appended values cannot drift apart.
  const values = COLUMNS.map((c) => (c === 'first_seen' || c === 'last_seen' ? `CAST(${c} AS TIMESTAMP)` : c));
  const updates = COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  return `INSERT INTO findings (${COLUMNS.join(', ')}) SELECT ${values.join(', ')} FROM ${INCOMING}
    ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}, updated_at = now()`;
})();

/**
 * Findings read back, merged and written per round. One statement per finding took ~9 ms each
 * (80 s and 4.7 GB of RSS for a 9,400-finding export); a round bounds the rows held for merging
 * and the appender's buffer whatever the file's size.
 */
const WRITE_BATCH = 2000;

async function writeBatch(connection: DuckDBConnection, findings: readonly Finding[]): Promise<void> {
  await connection.run(CREATE_INCOMING);
  const appender = await connection.createAppender(INCOMING, 'main', 'temp');
  try {
    for (const f of findings) {
      const row = toParams(f);
      for (const column of COLUMNS) {
        const value = row[column] ?? null;
        if (value === null) appender.appendNull();
        else if (incomingType(column) === 'DOUBLE') appender.appendDouble(Number(value));
        else if (incomingType(column) === 'BIGINT') appender.appendBigInt(BigInt(value));
        else appender.appendVarchar(String(value));
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  await connection.run(MERGE_INCOMING);
  await connection.run(`DELETE FROM ${INCOMING}`);
}

async function existingById(connection: DuckDBConnection, ids: readonly string[]): Promise<Map<string, Finding>> {
  const found = new Map<string, Finding>();
  // Named parameters per chunk: one round trip per 200 ids, no SQL text from the input.
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    const params = Object.fromEntries(chunk.map((id, j) => [`id${j}`, id]));
    const reader = await connection.runAndReadAll(
      `SELECT ${SELECT_COLUMNS} FROM findings WHERE id IN (${chunk.map((_, j) => `$id${j}`).join(', ')})`,
      params,
    );
    for (const row of reader.getRowObjectsJS()) found.set(String(row.id), fromRow(row));
  }
  return found;
}

const WRITE_QUEUE = Symbol.for('trailscope.findings.write-queue');
const holder = globalThis as typeof globalThis & { [WRITE_QUEUE]?: Promise<unknown> };

/** Runs writes one after another across every copy of this module in the process. */
function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const previous = holder[WRITE_QUEUE] ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(fn);
  holder[WRITE_QUEUE] = next;
  return next;
}

/**
 * Inserts new findings and merges known ones (`mergeFindings`), in one transaction. Duplicates
 * within the batch are merged first, so a file holding several updates of one GuardDuty finding
 * counts once. Every finding is validated; one invalid finding rejects the whole batch, since the
 * callers (the GuardDuty parser, the detections) only produce valid ones and anything else is a bug.
 */
export async function upsertFindings(findings: readonly Finding[]): Promise<{ inserted: number; updated: number }> {
  const batch = new Map<string, Finding>();
  findings.forEach((f, i) => {
    const parsed = findingSchema.safeParse(f);
    if (!parsed.success) throw new Error(`Finding ${i} (${String(f?.id)}) is invalid: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    const finding = { ...parsed.data, evidenceEventIds: parsed.data.evidenceEventIds.slice(0, MAX_STORED_EVIDENCE) };
    const known = batch.get(finding.id);
    batch.set(finding.id, known ? mergeFindings(known, finding) : finding);
  });
  if (batch.size === 0) return { inserted: 0, updated: 0 };

  return serialised(() =>
    withStateConnection(async (connection) => {
      await connection.run('BEGIN TRANSACTION');
      try {
        let inserted = 0;
        let updated = 0;
        const all = [...batch.values()];
        for (let i = 0; i < all.length; i += WRITE_BATCH) {
          const round = all.slice(i, i + WRITE_BATCH);
          const existing = await existingById(connection, round.map((f) => f.id));
          await writeBatch(
            connection,
            round.map((finding) => {
              const known = existing.get(finding.id);
              return known ? mergeFindings(known, finding) : finding;
            }),
          );
          updated += existing.size;
          inserted += round.length - existing.size;
        }
        await connection.run('COMMIT');
        return { inserted, updated };
      } catch (error) {
        await connection.run('ROLLBACK');
        throw error;
      }
    }),
  );
}

export async function getFinding(id: string): Promise<Finding | null> {
  return withStateConnection(async (connection) => {
    const reader = await connection.runAndReadAll(`SELECT ${SELECT_COLUMNS} FROM findings WHERE id = $id`, { id });
    const row = reader.getRowObjectsJS()[0];
    return row ? fromRow(row) : null;
  });
}

/** Allowlisted ORDER BY columns; the id breaks ties so pages never repeat or skip a finding. */
const SORT_COLUMNS: Record<FindingSort, string> = {
  lastSeen: 'last_seen',
  firstSeen: 'first_seen',
  severity: 'severity',
  count: 'count',
  title: 'title',
  type: 'type',
};

function whereClause(filter: FindingsFilter): { sql: string; params: Record<string, string> } {
  const f = findingsFilterSchema.parse(filter);
  const where: string[] = [];
  const params: Record<string, string> = {};
  // Overlap with the window: seen before it ends and still seen after it starts.
  if (f.to) {
    where.push('first_seen < CAST($to AS TIMESTAMP)');
    params.to = f.to;
  }
  if (f.from) {
    where.push('last_seen >= CAST($from AS TIMESTAMP)');
    params.from = f.from;
  }
  if (f.type) {
    where.push('type = $type');
    params.type = f.type;
  }
  if (f.source) {
    where.push('source = $source');
    params.source = f.source;
  }
  if (f.rule) {
    where.push('rule = $rule');
    params.rule = f.rule;
  }
  if (f.actor) {
    where.push(`$actor IN (actor_session_id, actor_principal_id, actor_arn, actor_access_key_id, actor_user_name)`);
    params.actor = f.actor;
  }
  if (f.severity && f.severity.length > 0) {
    where.push(`severity_label IN (${f.severity.map((_, i) => `$sev${i}`).join(', ')})`);
    f.severity.forEach((s, i) => (params[`sev${i}`] = s));
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** A page of findings matching the filters (their seen range overlapping [from, to)), sorted. */
export async function listFindings(query: ListFindingsQuery = {}): Promise<Finding[]> {
  const q = listFindingsSchema.parse(query);
  const { sql: where, params } = whereClause(q);
  const direction = q.order === 'asc' ? 'ASC' : 'DESC';
  return withStateConnection(async (connection) => {
    const reader = await connection.runAndReadAll(
      `SELECT ${SELECT_COLUMNS} FROM findings ${where}
       ORDER BY ${SORT_COLUMNS[q.sort]} ${direction}, id ${direction}
       LIMIT ${q.limit} OFFSET ${q.offset}`,
      params,
    );
    return reader.getRowObjectsJS().map(fromRow);
  });
}

export interface FindingCounts {
  total: number;
  bySeverity: Record<SeverityLabel, number>;
  bySource: Record<FindingSource, number>;
  byType: { type: string; count: number }[];
}

/** How many findings match the filters, in total and by severity, source and type (for the list's header and facets). */
export async function countFindings(filter: FindingsFilter = {}): Promise<FindingCounts> {
  const { sql: where, params } = whereClause(filter);
  return withStateConnection(async (connection) => {
    const reader = await connection.runAndReadAll(
      `SELECT CASE WHEN GROUPING(severity_label) = 0 THEN 'severity' WHEN GROUPING(source) = 0 THEN 'source'
                   WHEN GROUPING(type) = 0 THEN 'type' ELSE 'total' END AS kind,
              coalesce(severity_label, source, type) AS key, count(*) AS n
       FROM findings ${where}
       GROUP BY GROUPING SETS ((severity_label), (source), (type), ())
       ORDER BY n DESC, key`,
      params,
    );
    const counts: FindingCounts = {
      total: 0,
      bySeverity: Object.fromEntries(SEVERITY_LABELS.map((l) => [l, 0])) as Record<SeverityLabel, number>,
      bySource: Object.fromEntries(FINDING_SOURCES.map((s) => [s, 0])) as Record<FindingSource, number>,
      byType: [],
    };
    for (const row of reader.getRowObjectsJS()) {
      const n = Number(row.n);
      const key = String(row.key);
      if (row.kind === 'total') counts.total = n;
      else if (row.kind === 'severity' && key in counts.bySeverity) counts.bySeverity[key as SeverityLabel] = n;
      else if (row.kind === 'source' && key in counts.bySource) counts.bySource[key as FindingSource] = n;
      else if (row.kind === 'type') counts.byType.push({ type: key, count: n });
    }
    return counts;
  });
}
