import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import type { Connection } from '@/lib/engine/types';
import { generate } from '@/lib/generator/generate';
import { parseGenerateOptions } from '@/lib/generator/options';
import { SARA, scenarioTruths } from '@/lib/generator/scenarios';
import { GzipFileSink } from '@/lib/generator/writer';
import { ingest } from '@/lib/ingest/ingest';
import { eventSearchParams } from '@/lib/events/params';
import { searchEvents } from '@/lib/events/search-events';
import { sql } from '@/lib/sql/sql';
import { subjectPredicate, type Subject } from '@/lib/subjects/subject';
import { detailsModel } from './details-model';
import { getApiVolume } from './get-api-volume';
import { getScopeDetails } from './get-scope-details';
import { failedCall } from '@/lib/cloudtrail/predicates';

/**
 * The activity panels through the real DuckDB engine, on the generator's data (seed 7, 20k events,
 * as the e2e suite uses), checked against the truths the generator planted for sara's incident.
 */
const SEED = '7';
const options = parseGenerateOptions({ outDir: 'unused', events: 20_000, seed: SEED });
const truths = scenarioTruths({ seed: SEED, end: options.end, variant: options.variant });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-activity-'));
let conn: Connection;

const demoSession: Subject = { kind: 'role-session', principalId: `${SARA.demoRole.roleId}:${SARA.sessionName}` };
const ssoSession: Subject = { kind: 'role-session', principalId: `${SARA.ssoRole.roleId}:${SARA.sessionName}` };
const hour = (ms: number) => Math.floor(ms / 3_600_000) * 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
// Whole hours around the incident: sign-in at 09:38, the denied AttachRolePolicy at 09:47.
const scope = { from: iso(hour(truths.times.saraSignIn) - 3_600_000), to: iso(hour(truths.times.saraDeniedAttach) + 2 * 3_600_000) };

async function directCounts(subject: Subject, from: string, to: string) {
  const d = conn.dialect;
  const q = sql`SELECT count(*) AS events, count_if(${failedCall}) AS failed FROM ${d.table}
    WHERE ${d.timeRange(from, to)} AND (${subjectPredicate(subject)})`.toQuery();
  const row = (await conn.query(q)).rows[0];
  return { events: Number(row?.events), failed: Number(row?.failed) };
}

beforeAll(async () => {
  const logs = path.join(dir, 'logs');
  generate({ ...options, outDir: logs }, new GzipFileSink(logs));
  const summary = await ingest({ paths: [logs], dataDir: path.join(dir, 'data') });
  expect(summary.inserted).toBe(20_000);
  conn = await createDuckDbConnection({ dataDir: path.join(dir, 'data') });
});

afterAll(async () => {
  await conn?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("sara's DemoRole1 session around the incident", () => {
  it('volume: the scope buckets hold exactly the subject’s calls, and a new session has no baseline', async () => {
    const direct = await directCounts(demoSession, scope.from, scope.to);
    expect(direct).toEqual({ events: 4, failed: 1 });

    // A one-day baseline gives 15-minute buckets, so the hour-aligned scope falls on bucket edges.
    const fine = await getApiVolume(conn, demoSession, scope, { baselineDays: 1 });
    expect(fine.series.bucket).toBe('15m');
    expect(fine.series.scopeTotals).toEqual({ success: direct.events - direct.failed, failed: direct.failed, exact: true });
    expect(fine.series.baseline).toBeNull();
    expect(fine.series.noBaseline).toBe('no-history');

    const wide = await getApiVolume(conn, demoSession, scope);
    expect(wide.series.bucket).toBe('6h');
    expect(wide.series.points.length).toBeGreaterThanOrEqual(60);
    expect(wide.series.points.length).toBeLessThanOrEqual(200);
    expect(wide.series.windowTotal).toBe((await directCounts(demoSession, wide.window.from, wide.window.to)).events);
    expect(wide.stats.rowCount).toBe(1);
  });

  it('details: counts add up to the direct count; RunInstances and the denied AttachRolePolicy are there', async () => {
    const details = await getScopeDetails(conn, demoSession, scope);
    const direct = await directCounts(demoSession, scope.from, scope.to);
    for (const tab of ['ips', 'apis', 'keys'] as const) {
      const panel = details[tab];
      expect(panel.capped).toBe(false);
      expect(panel.rows.reduce((s, r) => s + r.success + r.failed, 0), tab).toBe(direct.events);
      expect(panel.rows.reduce((s, r) => s + r.failed, 0), tab).toBe(direct.failed);
    }
    const api = (name: string) => details.apis.rows.find((r) => r.key === name);
    expect(api('RunInstances')).toMatchObject({ service: 'ec2.amazonaws.com', success: 1, failed: 0 });
    expect(api('AttachRolePolicy')).toMatchObject({
      service: 'iam.amazonaws.com',
      success: 1,
      failed: 1,
      lastSeen: iso(truths.times.saraDeniedAttach),
    });
    expect(details.ips.rows).toEqual([expect.objectContaining({ key: truths.sara.incidentIp.ip, success: 3, failed: 1 })]);
    expect(details.keys.rows).toEqual([expect.objectContaining({ key: truths.sara.incidentDemoRoleAccessKeyId, success: 3, failed: 1 })]);
  });

  it('every count opens /events on exactly the events it counts', async () => {
    const model = detailsModel(await getScopeDetails(conn, demoSession, scope), demoSession, scope);
    const attach = model.apis.items.find((i) => i.key === 'AttachRolePolicy');
    const open = async (link: string | null | undefined) => {
      const query = Object.fromEntries(new URL(link ?? '/nowhere', 'http://localhost').searchParams);
      const page = await searchEvents(conn, eventSearchParams.parse(query), { from: query.from ?? '', to: query.to ?? '' });
      return page.events;
    };
    const failed = await open(attach?.links.failed);
    expect(failed.map((e) => [e.eventName, e.errorCode])).toEqual([['AttachRolePolicy', 'AccessDenied']]);
    const succeeded = await open(attach?.links.succeeded);
    expect(succeeded.map((e) => [e.eventName, e.errorCode ?? null])).toEqual([['AttachRolePolicy', null]]);
    const key = model.keys.items[0];
    expect((await open(key?.links.succeeded)).length + (await open(key?.links.failed)).length).toBe(4);
    expect(await open(model.ips.items[0]?.links.failed)).toHaveLength(1);
  });
});

describe('other subjects', () => {
  it("sara's SSO session has weeks of history, so a baseline", async () => {
    const volume = await getApiVolume(conn, ssoSession, scope);
    expect(volume.series.noBaseline).toBeNull();
    expect(volume.series.baseline).toBeGreaterThan(0);
    const before = await directCounts(ssoSession, volume.window.from, scope.from);
    // The bucket straddling the scope start is not baseline, so compare with whole buckets only.
    const straddle = volume.series.points.find((p) => p.inScope && p.t < volume.series.scope.from);
    const straddleBefore = straddle ? (await directCounts(ssoSession, iso(straddle.t), scope.from)).events : 0;
    expect((volume.series.baseline ?? Number.NaN) * volume.series.baselineBuckets).toBeCloseTo(before.events - straddleBefore, 6);
  });

  it('the DemoRole1 role sees the same incident as its only session', async () => {
    const role: Subject = { kind: 'role', arn: SARA.demoRole.arn };
    const details = await getScopeDetails(conn, role, scope);
    expect(details.apis.rows.map((r) => [r.key, r.success, r.failed]).sort()).toEqual([
      ['AttachRolePolicy', 1, 1],
      ['DescribeInstances', 1, 0],
      ['RunInstances', 1, 0],
    ]);
  });

  it('reports what the queries cost on the 20k store', async () => {
    const volume = await getApiVolume(conn, ssoSession, scope);
    const details = await getScopeDetails(conn, ssoSession, scope);
    const times = { volume: volume.stats.elapsedMs, ips: details.ips.stats.elapsedMs, apis: details.apis.stats.elapsedMs, keys: details.keys.stats.elapsedMs };
    console.log(`activity query times on 20k events (ms): ${JSON.stringify(times)}`);
    for (const ms of Object.values(times)) expect(ms).toBeLessThan(2000);
  });
});
