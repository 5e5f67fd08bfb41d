import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import type { QueryModule } from '@/lib/engine/panel';
import type { Connection } from '@/lib/engine/types';
import { generate } from '@/lib/generator/generate';
import { parseGenerateOptions } from '@/lib/generator/options';
import { GzipFileSink } from '@/lib/generator/writer';
import { ingest } from '@/lib/ingest/ingest';
import { readManifest } from '@/lib/event-store/manifest';
import { storeLayout } from '@/lib/event-store/layout';
import { subjectExtent } from '@/lib/subjects/queries/subject-extent';
import { apiVolume } from '@/lib/activity/api-volume';
import { behaviorCounts } from '@/lib/new-behavior/behavior-counts';
import { principalSources } from '@/lib/detections/queries/principal-sources';
import { sensitiveCalls } from '@/lib/detections/queries/sensitive-calls';
import { roleSessionList } from '@/lib/role-sessions/queries/role-session-list';
import { BUCKET_SIZES } from '@/lib/activity/buckets';
import { ROLE_SESSION_SORTS } from '@/lib/role-sessions/params';
import type { Subject } from '@/lib/subjects/subject';
import { searchEvents } from '@/lib/events/search-events';
import { dataRange } from '@/lib/data-range/queries/data-range';
import { principalUsage } from '@/lib/reviews/queries/principal-usage';
import { roleCallTotals } from '@/lib/reviews/queries/role-call-totals';
import { activePrincipals } from '@/lib/reviews/queries/active-principals';
import { eventSearchParams } from '@/lib/events/params';
import { eventSearch } from '@/lib/events/queries/event-search';
import { dialectFor, runPanel } from '@/lib/engine/panel';
import { assumeRoleEvents, NO_MATCH } from '@/lib/attribution/queries/assume-role-events';
import { externalAssumptions } from '@/lib/reviews/queries/external-assumptions';
import { sessionNameUsage } from '@/lib/reviews/queries/session-name-usage';
import { externalAssumeRoles } from '@/lib/detections/queries/external-assume-role';

/**
 * The property behind the hourly summary: every summary-backed answer equals the raw-event query
 * it stands for, on random windows and subjects of generated data. The store is written in many
 * small segments and then fed a second copy of some delivery files (as an organisation trail and
 * an account trail both deliver), so de-duplication is exercised, and compaction merges the small
 * segments, so the sums cross both segments and the summaries concatenated inside one.
 */
const SEED = '31';
const options = parseGenerateOptions({ outDir: 'unused', events: 40_000, seed: SEED, days: 20 });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-summary-'));
const dataDir = path.join(dir, 'data');
let conn: Connection;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** mulberry32: a small seeded PRNG, so a failure names a case that reruns the same. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function both<P, R>(module: QueryModule<P, R>, params: P): Promise<{ raw: R[]; summary: R[] }> {
  const d = conn.dialect;
  const fromSummary = module.fromSummary?.(d, d.summary!, params);
  if (!fromSummary) throw new Error(`${module.name}: no summary query for ${JSON.stringify(params)}`);
  const run = async (q: ReturnType<typeof module.build>) => {
    const { sql, params: bound } = q.toQuery();
    return (await conn.query({ sql, params: bound })).rows.map((r) => module.row.parse(r));
  };
  return { raw: await run(module.build(d, params)), summary: await run(fromSummary) };
}

let subjects: Subject[] = [];
let firstHour = 0;
let lastHour = 0;

beforeAll(async () => {
  const logs = path.join(dir, 'logs');
  generate({ ...options, outDir: logs }, new GzipFileSink(logs));
  const first = await ingest({ paths: [logs], dataDir, batchBytes: 256 * 1024, compaction: false });
  expect(first.inserted).toBe(40_000);
  // Re-deliveries: every 7th file again, under another delivery id, in a later ingest.
  const again = path.join(dir, 'redelivered');
  fs.mkdirSync(again);
  const files = fs.readdirSync(logs, { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && f.name.endsWith('.json.gz'));
  files
    .filter((_, i) => i % 7 === 0)
    .forEach((f, i) => fs.copyFileSync(path.join(f.parentPath, f.name), path.join(again, f.name.replace(/_[A-Za-z0-9]+\.json\.gz$/, `_dup${i}.json.gz`))));
  // Compaction merges the small segments into a few, their summaries concatenated.
  const second = await ingest({ paths: [again], dataDir, batchBytes: 256 * 1024, compaction: { smallRows: 5_000, mergedRows: 8_000 } });
  expect(second.inserted).toBe(0);
  expect(second.duplicates).toBeGreaterThan(1000);
  expect(second.segmentsCompacted.merged).toBeGreaterThan(10);
  expect((await readManifest(storeLayout(dataDir))).segments.length).toBeGreaterThan(4);

  conn = await createDuckDbConnection({ dataDir });
  const pick = async (sqlText: string) => (await conn.query({ sql: sqlText })).rows.map((r) => String(r.v));
  const sample = (column: string, where = 'true') =>
    pick(`SELECT ${column} AS v FROM cloudtrail_logs WHERE ${column} IS NOT NULL AND ${where} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 6`);
  subjects = [
    ...(await sample('useridentity.principalid', `useridentity.type = 'AssumedRole'`)).map((principalId) => ({ kind: 'role-session' as const, principalId })),
    ...(await sample('useridentity.sessioncontext.sessionissuer.arn', `useridentity.sessioncontext.sessionissuer.arn LIKE '%:role/%'`)).map((arn) => ({ kind: 'role' as const, arn })),
    ...(await sample('useridentity.arn', `useridentity.type = 'IAMUser'`)).map((arn) => ({ kind: 'user' as const, arn })),
    ...(await sample('sourceipaddress', `regexp_matches(sourceipaddress, '^[0-9.]+$')`)).map((ip) => ({ kind: 'ip' as const, ip })),
    ...(await sample('useridentity.invokedby', `useridentity.invokedby LIKE '%.amazonaws.com'`)).map((name) => ({ kind: 'service' as const, name })),
  ];
  const range = (await conn.query({ sql: `SELECT epoch_ms(min(event_time)) AS lo, epoch_ms(max(event_time)) AS hi FROM cloudtrail_logs` })).rows[0]!;
  firstHour = Math.floor(Number(range.lo) / HOUR) * HOUR;
  lastHour = Math.floor(Number(range.hi) / HOUR) * HOUR + HOUR;
}, 240_000);

afterAll(async () => {
  await conn?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the hourly summary answers as the events do', () => {
  const CASES = 15;
  const random = prng(20261204);
  const hourIn = (lo: number, hi: number) => lo + Math.floor(random() * ((hi - lo) / HOUR)) * HOUR;
  /** A window of 1 hour to the whole range, on the hour. */
  const window = () => {
    const from = hourIn(firstHour, lastHour);
    const to = Math.min(lastHour, from + HOUR * (1 + Math.floor(random() ** 3 * ((lastHour - firstHour) / HOUR))));
    return { from, to };
  };

  it('the data range: the same from the summary as from the events', async () => {
    const range = await both(dataRange, {});
    expect(range.summary).toEqual(range.raw);
    expect(range.raw[0]?.events).toBe(40_000);
  });

  it('covers every kind of subject', () => {
    expect(new Set(subjects.map((s) => s.kind))).toEqual(new Set(['role-session', 'role', 'user', 'ip', 'service']));
  });

  it('subject extent, API volume and New behavior counts: equal on random windows × subjects', async () => {
    let compared = 0;
    let nonEmpty = 0;
    for (let i = 0; i < CASES; i++) {
      const { from, to } = window();
      for (const subject of subjects) {
        const extent = await both(subjectExtent, { subject, window: i % 5 === 0 ? undefined : { from: iso(from), to: iso(to) } });
        expect(extent.summary, `extent ${JSON.stringify(subject)} ${iso(from)}..${iso(to)}`).toEqual(extent.raw);
        const bucket = BUCKET_SIZES.filter((b) => !b.endsWith('m'))[i % 6]!;
        const volume = await both(apiVolume, { subject, from: iso(from), to: iso(to), bucket });
        expect(volume.summary, `volume ${bucket} ${JSON.stringify(subject)} ${iso(from)}..${iso(to)}`).toEqual(volume.raw);
        const split = hourIn(from, to);
        const scopeFrom = split === from ? Math.min(from + HOUR, to - HOUR) : split;
        if (scopeFrom > from && scopeFrom < to) {
          const counts = await both(behaviorCounts, { subject, baselineFrom: iso(from), scopeFrom: iso(scopeFrom), scopeTo: iso(to) });
          expect(counts.summary, `counts ${JSON.stringify(subject)} ${iso(from)}|${iso(scopeFrom)}|${iso(to)}`).toEqual(counts.raw);
        }
        compared++;
        if ((extent.raw[0] as { events: number }).events > 0) nonEmpty++;
      }
    }
    console.log(`hourly summary: ${compared} windows × subjects compared (${nonEmpty} with events), all equal`);
    expect(nonEmpty).toBeGreaterThan(compared / 4);
  }, 300_000);

  it('role-session list: equal on random windows, filters and sorts', async () => {
    const roles = subjects.filter((s) => s.kind === 'role').map((s) => s.arn);
    let compared = 0;
    for (let i = 0; i < CASES * 4; i++) {
      const { from, to } = window();
      const list = await both(roleSessionList, {
        from: iso(from),
        to: iso(to),
        role: i % 3 === 0 ? roles[i % roles.length] : i % 3 === 1 ? roles[i % roles.length]?.split('/').pop() : undefined,
        account: i % 4 === 0 ? '123456789012' : undefined,
        sort: ROLE_SESSION_SORTS[i % ROLE_SESSION_SORTS.length]!,
        order: i % 2 ? 'asc' : 'desc',
        limit: 1 + (i % 3) * 50,
        offset: i % 5 === 0 ? 3 : 0,
      });
      expect(list.summary, `list case ${i}`).toEqual(list.raw);
      compared++;
    }
    console.log(`hourly summary: ${compared} role-session lists compared, all equal`);
  }, 120_000);

  it('reviews: principal usage, vendor role call totals and active principals, equal on random windows', async () => {
    const roles = subjects.filter((s) => s.kind === 'role').map((s) => s.arn);
    const users = subjects.filter((s) => s.kind === 'user').map((s) => s.arn);
    let compared = 0;
    for (let i = 0; i < CASES * 2; i++) {
      const { from, to } = window();
      const scope = { from: iso(from), to: iso(to) };
      const usage = await both(principalUsage, { ...scope, ...(i % 2 ? { kind: 'role' as const, arn: roles[i % roles.length]! } : { kind: 'user' as const, arn: users[i % users.length]! }) });
      expect(usage.summary, `usage case ${i}`).toEqual(usage.raw);
      const totals = await both(roleCallTotals, { ...scope, roleArns: roles });
      expect(totals.summary, `totals case ${i}`).toEqual(totals.raw);
      const active = await both(activePrincipals, scope);
      expect(active.summary, `active case ${i}`).toEqual(active.raw);
      compared++;
    }
    console.log(`hourly summary: ${compared} windows of the three review queries compared, all equal`);
  }, 120_000);

  it("detections' baselines: principal × source over the scope and its baseline, and sensitive calls, equal on random windows", async () => {
    let compared = 0;
    for (let i = 0; i < CASES; i++) {
      const { from, to } = window();
      const baselineFrom = iso(from - (i % 3 === 0 ? 45 : 7) * 24 * HOUR);
      const params = { baselineFrom, scopeFrom: iso(from), scopeTo: iso(to) };
      const sources = await both(principalSources, params);
      expect(sources.summary, `sources case ${i}`).toEqual(sources.raw);
      const sensitive = await both(sensitiveCalls, params);
      expect(sensitive.summary, `sensitive case ${i}`).toEqual(sensitive.raw);
      compared += sources.raw.length;
    }
    expect(compared).toBeGreaterThan(0);
    console.log(`hourly summary: ${CASES} windows of the detections' baseline queries compared (${compared} principal × source rows), all equal`);
  }, 120_000);

  it('event search by access key, IP, principal or event id reads only the stretch the summary or the ids name, and finds the same events', async () => {
    const keys = (
      await conn.query({
        sql: `SELECT useridentity.accesskeyid AS k, sourceipaddress AS ip, min(eventid) AS id, CASE WHEN hash(eventid) % 2 = 0 THEN useridentity.arn ELSE useridentity.principalid END AS p
              FROM cloudtrail_logs WHERE useridentity.accesskeyid IS NOT NULL AND useridentity.principalid LIKE '%:%' GROUP BY 1, 2, 4 ORDER BY hash(k, ip, p) LIMIT ${CASES * 4}`,
      })
    ).rows.map((r) => ({ accessKeyId: String(r.k), ip: String(r.ip), principal: String(r.p), eventId: String(r.id) }));
    let compared = 0;
    let narrowed = 0;
    for (const [i, key] of keys.entries()) {
      // Windows off the hour too: the stretch is clamped to the window.
      const from = firstHour + Math.floor(random() * (lastHour - firstHour));
      const to = i % 3 === 0 ? lastHour : Math.min(lastHour, from + Math.floor(random() * (lastHour - from)) + 1000);
      const filters = [{ accessKeyId: key.accessKeyId }, { ip: key.ip }, { principal: key.principal }, { eventId: key.eventId }][i % 4]!;
      const scope = { from: iso(Math.floor(from / 1000) * 1000), to: iso(Math.ceil(to / 1000) * 1000) };
      const page = await searchEvents(conn, eventSearchParams.parse({ ...filters, ...scope, limit: 500 }), scope);
      const raw = await runPanel(conn, eventSearch, { ...filters, ...scope, limit: 501 });
      expect(page.events.map((e) => e.eventID), `search ${JSON.stringify(filters)} ${scope.from}..${scope.to}`).toEqual(raw.rows.slice(0, 500).map((r) => r.eventid));
      if (page.panel.notes.some((n) => n.startsWith('Read only') || n.startsWith('Nothing was read'))) narrowed++;
      compared++;
    }
    console.log(`hourly summary: ${compared} event searches by key, IP, principal or event id compared (${narrowed} narrowed), all equal`);
    expect(narrowed).toBe(compared);
  }, 120_000);

  it('queries that read only STS calls answer the same from the STS sidecars', async () => {
    const d = conn.dialect;
    const sts = dialectFor(d, { readsOnlySts: true });
    expect(sts.table).not.toEqual(d.table);
    const roles = subjects.filter((s) => s.kind === 'role').map((s) => s.arn);
    const sessions = subjects.filter((s) => s.kind === 'role-session').map((s) => s.principalId);
    const run = async <P, R>(module: QueryModule<P, R>, params: P, label: string) => {
      const go = async (dialect: typeof d) => {
        const q = module.build(dialect, module.params.parse(params)).toQuery();
        return (await conn.query({ sql: q.sql, params: q.params })).rows;
      };
      const [all, only] = [await go(d), await go(sts)];
      expect(only, label).toEqual(all);
      return all.length;
    };
    let compared = 0;
    let rows = 0;
    for (let i = 0; i < CASES * 2; i++) {
      const { from, to } = window();
      const scope = { from: iso(from), to: iso(to) };
      rows += await run(assumeRoleEvents, { ...NO_MATCH, ...scope, callerRoleArns: roles, roleArns: roles, assumedRoleIds: sessions, federated: ['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity'] }, `assume-role-events ${i}`);
      rows += await run(externalAssumptions, { ...scope, organisationAccounts: ['123456789012'] }, `external-assumptions ${i}`);
      rows += await run(sessionNameUsage, scope, `session-name-usage ${i}`);
      rows += await run(externalAssumeRoles, { ...scope, organisationAccounts: ['123456789012'] }, `external-assume-role ${i}`);
      compared++;
    }
    console.log(`STS sidecars: ${compared} windows × 4 STS-only queries compared (${rows} rows), all equal`);
    expect(rows).toBeGreaterThan(0);
  }, 120_000);

  it('answers only what it can answer exactly: a window off the hour reads the events', () => {
    const d = conn.dialect;
    const subject = subjects[0]!;
    expect(subjectExtent.fromSummary!(d, d.summary!, { subject, window: { from: '2026-11-01T10:30:00Z', to: '2026-11-01T12:00:00Z' } })).toBeNull();
    expect(apiVolume.fromSummary!(d, d.summary!, { subject, from: '2026-11-01T10:00:00Z', to: '2026-11-01T12:00:00Z', bucket: '15m' })).toBeNull();
    expect(roleSessionList.fromSummary!(d, d.summary!, { from: '2026-11-01T10:00:00Z', to: '2026-11-01T12:00:00Z', assumer: 'x', sort: 'events', order: 'desc', limit: 10, offset: 0 })).toBeNull();
  });
});
