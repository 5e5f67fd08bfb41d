/**
 * Findings in the app-state store (`findings`, migration 2). One row per finding id: importing the
 * same GuardDuty export twice, or running the detections over overlapping scopes, updates the row
 * instead of adding one (see `mergeFindings` in merge.ts).
 *
 * Writes are serialised inside the process: DuckDB's optimistic transactions would otherwise fail
 * two concurrent imports that touch the same id, and the read-merge-write must see the row the
 * previous write left. They are batched (see WRITE_BATCH): one statement per finding is what made
 * large imports slow and memory-hungry.
 */
import { sql } from '@/lib/sql/sql';
import { withStateConnection } from '@/lib/state/db';
import { execute, select, type StateRow } from '@/lib/state/statement';
import { findingsPage, findingsWhere } from './filter-sql';
import { fromRow, SELECT_COLUMNS, techniquesFromRow, toRow } from './finding-row';
import { MAX_STORED_EVIDENCE, mergeFindings } from './merge';
import { findingSchema, listFindingsSchema, type FindingsFilter, type ListFindingsQuery } from './schema';
import { FINDING_SOURCES, SEVERITY_LABELS, type Finding, type FindingSource, type SeverityLabel } from './types';
import { existingById, WRITE_BATCH, writeBatch } from './write-batch';
import { serialised } from './write-queue';
import { reopenRefired, TRIAGE_COLUMNS, triageFromRow } from './workflow';
import { FINDING_STATUSES, type FindingStatus, type Triage } from './status';
import { ORIGIN_COLUMNS, originFromRow, type FindingOrigin } from './origins';

/**
 * Inserts new findings and merges known ones (`mergeFindings`), in one transaction. Duplicates
 * within the batch are merged first, so a file holding several updates of one GuardDuty finding
 * counts once. Every finding is validated; one invalid finding rejects the whole batch, since the
 * callers (the GuardDuty parser, the detections) only produce valid ones and anything else is a bug.
 */
export interface UpsertResult {
  inserted: number;
  updated: number;
  /** The findings that did not exist before (for notifications). */
  newIds: string[];
  /** Resolved findings that fired again and are open again (workflow.ts reopenRefired). */
  reopenedIds: string[];
}

export async function upsertFindings(findings: readonly Finding[]): Promise<UpsertResult> {
  const batch = new Map<string, Finding>();
  findings.forEach((f, i) => {
    const parsed = findingSchema.safeParse(f);
    if (!parsed.success) throw new Error(`Finding ${i} (${String(f?.id)}) is invalid: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    const finding = { ...parsed.data, evidenceEventIds: parsed.data.evidenceEventIds.slice(0, MAX_STORED_EVIDENCE) };
    const known = batch.get(finding.id);
    batch.set(finding.id, known ? mergeFindings(known, finding) : finding);
  });
  if (batch.size === 0) return { inserted: 0, updated: 0, newIds: [], reopenedIds: [] };

  return serialised(() =>
    withStateConnection(async (connection) => {
      await execute(connection, sql`BEGIN TRANSACTION`);
      try {
        const newIds: string[] = [];
        const reopenedIds: string[] = [];
        let updated = 0;
        const all = [...batch.values()];
        for (let i = 0; i < all.length; i += WRITE_BATCH) {
          const round = all.slice(i, i + WRITE_BATCH);
          const existing = await existingById(connection, round.map((f) => f.id));
          reopenedIds.push(...(await reopenRefired(connection, round, existing)));
          await writeBatch(
            connection,
            round.map((finding) => {
              const known = existing.get(finding.id);
              return known ? mergeFindings(known, finding) : finding;
            }),
          );
          updated += existing.size;
          newIds.push(...round.filter((f) => !existing.has(f.id)).map((f) => f.id));
        }
        await execute(connection, sql`COMMIT`);
        return { inserted: newIds.length, updated, newIds, reopenedIds };
      } catch (error) {
        await execute(connection, sql`ROLLBACK`);
        throw error;
      }
    }),
  );
}

/**
 * A finding as the store keeps it: the observation, the ATT&CK techniques it evidences, where
 * triage stands, and the origin identity behind it (null until the app's loop resolved it).
 */
export type StoredFinding = Finding & Triage & { techniques: string[]; origin: FindingOrigin | null };

const STORED_COLUMNS = sql`${SELECT_COLUMNS}, ${TRIAGE_COLUMNS}, ${ORIGIN_COLUMNS}`;
const stored = (row: StateRow): StoredFinding => ({ ...fromRow(row), techniques: techniquesFromRow(row), ...triageFromRow(row), origin: originFromRow(row) });

/** Every finding whose origin is known, oldest first: what incidents are grouped from. */
export async function findingsWithOrigin(): Promise<StoredFinding[]> {
  return withStateConnection(async (connection) => (await select(connection, sql`SELECT ${STORED_COLUMNS} FROM findings WHERE origin_key IS NOT NULL ORDER BY first_seen, id`)).map(stored));
}

/**
 * Recomputes every stored finding's techniques and rewrites those that differ: at start, so a new
 * bundled mapping (or findings stored before techniques were) is reflected in the list's filter.
 */
export function refreshStoredTechniques(): Promise<number> {
  return serialised(() =>
    withStateConnection(async (connection) => {
      const rows = await select(connection, sql`SELECT ${SELECT_COLUMNS} FROM findings`);
      let changed = 0;
      for (const row of rows) {
        const techniques = String(toRow(fromRow(row)).techniques);
        if (techniques === String(row.techniques)) continue;
        await execute(connection, sql`UPDATE findings SET techniques = ${techniques} WHERE id = ${String(row.id)}`);
        changed++;
      }
      return changed;
    }),
  );
}

export async function getFinding(id: string): Promise<StoredFinding | null> {
  return withStateConnection(async (connection) => {
    const [row] = await select(connection, sql`SELECT ${STORED_COLUMNS} FROM findings WHERE id = ${id}`);
    return row ? stored(row) : null;
  });
}

/** A page of findings matching the filters (their seen range overlapping [from, to)), sorted. */
export async function listFindings(query: ListFindingsQuery = {}): Promise<StoredFinding[]> {
  const q = listFindingsSchema.parse(query);
  return withStateConnection(async (connection) => {
    const rows = await select(connection, sql`SELECT ${STORED_COLUMNS} FROM findings ${findingsWhere(q)} ${findingsPage(q)}`);
    return rows.map(stored);
  });
}

export interface FindingCounts {
  total: number;
  bySeverity: Record<SeverityLabel, number>;
  bySource: Record<FindingSource, number>;
  byStatus: Record<FindingStatus, number>;
  byType: { type: string; count: number }[];
  byTechnique: { technique: string; count: number }[];
}

/** How many findings match the filters, in total and by severity, source and type (for the list's header and facets). */
export async function countFindings(filter: FindingsFilter = {}): Promise<FindingCounts> {
  return withStateConnection(async (connection) => {
    const rows = await select(
      connection,
      sql`SELECT CASE WHEN GROUPING(severity_label) = 0 THEN 'severity' WHEN GROUPING(source) = 0 THEN 'source'
                   WHEN GROUPING(type) = 0 THEN 'type' WHEN GROUPING(triage_status) = 0 THEN 'status' ELSE 'total' END AS kind,
              coalesce(severity_label, source, type, triage_status) AS key, count(*) AS n
       FROM (SELECT *, coalesce(status, 'new') AS triage_status FROM findings ${findingsWhere(filter)})
       GROUP BY GROUPING SETS ((severity_label), (source), (type), (triage_status), ())
       ORDER BY n DESC, key`,
    );
    const counts: FindingCounts = {
      total: 0,
      bySeverity: Object.fromEntries(SEVERITY_LABELS.map((l) => [l, 0])) as Record<SeverityLabel, number>,
      bySource: Object.fromEntries(FINDING_SOURCES.map((s) => [s, 0])) as Record<FindingSource, number>,
      byStatus: Object.fromEntries(FINDING_STATUSES.map((s) => [s, 0])) as Record<FindingStatus, number>,
      byType: [],
      byTechnique: [],
    };
    for (const row of rows) {
      const n = Number(row.n);
      const key = String(row.key);
      if (row.kind === 'total') counts.total = n;
      else if (row.kind === 'severity' && key in counts.bySeverity) counts.bySeverity[key as SeverityLabel] = n;
      else if (row.kind === 'source' && key in counts.bySource) counts.bySource[key as FindingSource] = n;
      else if (row.kind === 'status' && key in counts.byStatus) counts.byStatus[key as FindingStatus] = n;
      else if (row.kind === 'type') counts.byType.push({ type: key, count: n });
    }
    const techniques = await select(
      connection,
      sql`SELECT t AS technique, count(*) AS n FROM (SELECT unnest(CAST(json(techniques) AS VARCHAR[])) AS t FROM findings ${findingsWhere(filter)}) GROUP BY 1 ORDER BY n DESC, t`,
    );
    counts.byTechnique = techniques.map((r) => ({ technique: String(r.technique), count: Number(r.n) }));
    return counts;
  });
}
