import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import { runPanel } from '@/lib/engine/panel';
import type { Connection } from '@/lib/engine/types';
import { incidentTimes, SARA } from '@/lib/generator/scenarios';
import { ingest } from '@/lib/ingest/ingest';
import { isoUtc } from '@/lib/time';
import { event } from '@/test/fixtures/cloudtrail-records';
import { generatedLogs } from '@/test/store-answers';
import { gapsOverlapping } from './gaps-overlapping';
import { loadCoverage, type Coverage } from './load-coverage';
import { coverageCounts } from './queries/coverage-counts';
import { trailEvents } from './queries/trail-events';

/**
 * Coverage through the real DuckDB engine on generated CloudTrail (21 days, 30k events, seed 7),
 * with two holes made in it: six hours of the production account's us-east-1 deliveries removed
 * (records dropped from their files, emptied files deleted), and sara's StopLogging on
 * demo-trail-2 answered three hours later by a StartLogging that names the trail by name (the
 * stop named it by ARN), after an UpdateTrail that made it multi-region. A DeleteTrail of another
 * trail is never undone.
 */
const END = Date.parse('2026-11-20T00:00:00Z');
const HOUR = 3_600_000;
const PROD = SARA.ssoRole.accountId;
const OUTAGE = { from: '2026-11-12T10:00:00Z', to: '2026-11-12T16:00:00Z' };
const times = incidentTimes(END);
const STOP = isoUtc(times.saraStopLogging);
const START = isoUtc(times.saraStopLogging + 3 * HOUR);
const DELETED = '2026-11-15T08:00:00Z';
const SCOPE = { from: '2026-11-06T00:00:00Z', to: '2026-11-20T00:00:00Z' };

const { dir, logs } = generatedLogs('trailscope-coverage-', { events: 30_000, seed: '7', days: 21 });
let conn: Connection;
let coverage: Coverage;

/** Drops the records of `account`/`region` in [from, to) from the generated files; a file left empty is deleted. */
function removeRecords(account: string, region: string, from: string, to: string): { records: number; filesDeleted: number } {
  const root = path.join(logs, 'AWSLogs', account, 'CloudTrail', region);
  let records = 0;
  let filesDeleted = 0;
  for (const file of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!file.isFile() || !file.name.endsWith('.json.gz')) continue;
    const full = path.join(file.parentPath, file.name);
    const body = JSON.parse(zlib.gunzipSync(fs.readFileSync(full)).toString('utf8')) as { Records: { eventTime: string }[] };
    const kept = body.Records.filter((r) => r.eventTime < from || r.eventTime >= to);
    if (kept.length === body.Records.length) continue;
    records += body.Records.length - kept.length;
    if (kept.length === 0) {
      fs.rmSync(full);
      filesDeleted++;
    } else fs.writeFileSync(full, zlib.gzipSync(JSON.stringify({ Records: kept })));
  }
  return { records, filesDeleted };
}

function trailCall(id: string, time: string, eventName: string, requestParameters: Record<string, unknown>, responseElements: Record<string, unknown> | null = null) {
  return event(id, time, { eventSource: 'cloudtrail.amazonaws.com', eventName, requestParameters, responseElements, readOnly: false, resources: [], recipientAccountId: PROD });
}

let removed: { records: number; filesDeleted: number };

beforeAll(async () => {
  removed = removeRecords(PROD, 'us-east-1', OUTAGE.from, OUTAGE.to);
  const extra = path.join(logs, 'extra');
  fs.mkdirSync(extra, { recursive: true });
  const records = [
    trailCall('cov-update-1', '2026-11-03T12:00:00Z', 'UpdateTrail', { name: SARA.trailName, isMultiRegionTrail: true }, { name: SARA.trailName, trailARN: SARA.trailArn, isMultiRegionTrail: true }),
    trailCall('cov-start-1', START, 'StartLogging', { name: SARA.trailName }),
    trailCall('cov-delete-1', DELETED, 'DeleteTrail', { name: 'audit-trail-eu' }),
    // Refused: not a gap.
    trailCall('cov-denied-1', '2026-11-16T08:00:00Z', 'StopLogging', { name: 'org-trail' }),
  ];
  (records[3] as Record<string, unknown>).errorCode = 'AccessDenied';
  fs.writeFileSync(path.join(extra, 'trail-changes.json'), JSON.stringify({ Records: records }));
  const dataDir = path.join(dir, 'data');
  await ingest({ paths: [logs], dataDir });
  conn = await createDuckDbConnection({ dataDir });
  coverage = await loadCoverage(conn, SCOPE, { files: true });
}, 180_000);

afterAll(async () => {
  await conn?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const q = async (text: string) => (await conn.query({ sql: text })).rows;

describe('coverage on generated CloudTrail with a delivery outage and a stopped trail', () => {
  it('made the holes it tests', () => {
    expect(removed.records).toBeGreaterThan(50);
    expect(removed.filesDeleted).toBeGreaterThan(10);
  });

  it('examines the scope ± 7 days, within the data; trail changes over all of it', () => {
    expect(coverage.windows).toEqual({
      hours: { from: '2026-10-30T00:00:00Z', to: '2026-11-20T00:00:00Z' },
      days: SCOPE,
      trail: { from: '2026-10-30T00:00:00Z', to: '2026-11-20T00:00:00Z' },
    });
    expect(coverage.truncated).toEqual({ counts: false, trailEvents: false });
  });

  it('the six removed hours are the one silence called a gap', () => {
    const silences = coverage.gaps.filter((g) => g.kind === 'no-delivery');
    expect(silences.map((g) => [g.accountId, g.region, g.from, g.to])).toEqual([[PROD, 'us-east-1', OUTAGE.from, OUTAGE.to]]);
    expect(silences[0]).toMatchObject({ hours: 6, longestOtherSilenceHours: 0 });
    expect(silences[0]?.expectedEvents).toBeGreaterThan(30);
  });

  it('StopLogging (by ARN) until StartLogging (by name): one gap, multi-region as its UpdateTrail says', () => {
    const stopped = coverage.gaps.filter((g) => g.kind === 'logging-stopped');
    expect(stopped).toEqual([
      expect.objectContaining({
        accountId: PROD,
        region: 'us-east-1',
        from: STOP,
        to: START,
        open: false,
        trailName: SARA.trailName,
        trailArn: SARA.trailArn,
        multiRegion: true,
        eventIds: [expect.any(String), 'cov-start-1'],
      }),
    ]);
    expect(stopped[0]?.stoppedBy).toMatch(/assumed-role\/AWSReservedSSO_.*\/sara$/);
    expect(stopped[0]?.reason).toContain('It is a multi-region trail');
  });

  it('a deleted trail without CreateTrail runs to the end of the data; a refused stop is nothing', () => {
    expect(coverage.gaps.filter((g) => g.kind === 'trail-deleted')).toEqual([
      expect.objectContaining({ trailName: 'audit-trail-eu', from: DELETED, to: '2026-11-20T00:00:00Z', open: true, multiRegion: null }),
    ]);
    expect(coverage.gaps.some((g) => g.trailName === 'org-trail')).toBe(false);
  });

  it('cells: every stream × every scope day, events and files as the store counts them, gap days marked', async () => {
    const days = 14;
    expect(coverage.cells).toHaveLength(coverage.streams.length * days);
    const expected = await q(`
      SELECT recipientaccountid AS a, awsregion AS r, strftime(date_trunc('day', event_time), '%Y-%m-%d') AS d, count(*) AS n, count(DISTINCT source_file) AS f
        FROM cloudtrail_logs WHERE event_time >= TIMESTAMP '2026-11-06' AND event_time < TIMESTAMP '2026-11-20' GROUP BY ALL`);
    const nonEmpty = coverage.cells.filter((c) => c.events > 0);
    expect(nonEmpty.map((c) => ({ a: c.accountId, r: c.region, d: c.day, n: c.events, f: c.files })).sort(byJson)).toEqual(expected.sort(byJson));
    const outageDay = coverage.cells.find((c) => c.accountId === PROD && c.region === 'us-east-1' && c.day === '2026-11-12');
    expect(outageDay?.gap).toBe(true);
    // The multi-region trail's stop marks every region of its account on its day.
    const stopDay = STOP.slice(0, 10);
    const prodRegions = coverage.streams.filter((s) => s.accountId === PROD).map((s) => s.region);
    expect(prodRegions.length).toBeGreaterThan(1);
    expect(coverage.cells.filter((c) => c.accountId === PROD && c.day === stopDay).every((c) => c.gap)).toBe(true);
    expect(coverage.cells.filter((c) => c.accountId !== PROD && c.day === stopDay).some((c) => c.gap)).toBe(false);
  });

  it('the counts from the hourly summary equal the raw query, with and without files', async () => {
    for (const days of [SCOPE, coverage.windows!.hours, null]) {
      const params = { ...coverage.windows!.hours, days };
      const summary = coverageCounts.fromSummary!(conn.dialect, conn.dialect.summary!, params);
      expect(summary).not.toBeNull();
      const run = async (s: NonNullable<typeof summary>) => {
        const { sql, params: bound } = s.toQuery();
        return (await conn.query({ sql, params: bound })).rows.map((r) => coverageCounts.row.parse(r)).sort(byJson);
      };
      const raw = await run(coverageCounts.build(conn.dialect, params));
      expect(raw.length).toBeGreaterThan(100);
      expect(await run(summary!)).toEqual(raw);
    }
    // Off the hour the summary cannot answer: the raw query runs.
    const off = await runPanel(conn, coverageCounts, { from: '2026-11-12T09:30:00Z', to: '2026-11-12T17:00:00Z', days: null });
    expect(off.sql).toContain('FROM cloudtrail_logs');
  });

  it('the trail calls are read only in the hours the summary names, and are the same calls', async () => {
    const panels = coverage.panels!;
    expect(panels.trailHours?.sql).toContain('cloudtrail_hourly');
    expect(panels.trailHours?.rows.map((r) => r.hour)).toEqual(expect.arrayContaining([`${STOP.slice(0, 13)}:00:00Z`, `${START.slice(0, 13)}:00:00Z`]));
    expect(panels.trailEvents?.sql).toMatch(/ OR /);
    const whole = await runPanel(conn, trailEvents, coverage.windows!.trail);
    expect(panels.trailEvents?.rows).toEqual(whole.rows);
    expect(whole.rows.length).toBeGreaterThanOrEqual(4);
  });

  it('gapsOverlapping: by account and region, a multi-region trail counting for every region of its account', async () => {
    const stopDay = { from: `${STOP.slice(0, 10)}T00:00:00Z`, to: isoUtc(Date.parse(`${STOP.slice(0, 10)}T00:00:00Z`) + 24 * HOUR) };
    const eu = await gapsOverlapping(conn, stopDay, { accountId: PROD, region: 'eu-west-1' });
    expect(eu.gaps.map((g) => g.kind)).toEqual(['logging-stopped']);
    expect(eu.queries.map((p) => p.sql).join('\n')).toContain('cloudtrail_hourly');
    const otherAccount = await gapsOverlapping(conn, stopDay, { accountId: '210987654321' });
    expect(otherAccount.gaps).toEqual([]);
    const outageDay = await gapsOverlapping(conn, { from: '2026-11-12T00:00:00Z', to: '2026-11-13T00:00:00Z' }, { accountId: PROD, region: 'us-east-1' });
    expect(outageDay.gaps.map((g) => [g.kind, g.from, g.to])).toEqual([['no-delivery', OUTAGE.from, OUTAGE.to]]);
    // A scope that ends inside the silence still sees it whole: the hours around the scope are examined too.
    const inside = await gapsOverlapping(conn, { from: '2026-11-12T12:00:00Z', to: '2026-11-12T13:00:00Z' }, { accountId: PROD, region: 'us-east-1' });
    expect(inside.gaps.map((g) => [g.from, g.to])).toEqual([[OUTAGE.from, OUTAGE.to]]);
    const quiet = await gapsOverlapping(conn, { from: '2026-11-08T00:00:00Z', to: '2026-11-09T00:00:00Z' });
    expect(quiet.gaps).toEqual([]);
  });
});

function byJson(a: unknown, b: unknown): number {
  return JSON.stringify(a).localeCompare(JSON.stringify(b));
}
