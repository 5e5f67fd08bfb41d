import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentTimes, SARA } from '@/lib/generator/scenarios';
import { getEnricher } from '@/lib/enrichment/enricher';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Incidents and the investigation report on the generator's store: the detections' findings are
 * saved, their origins resolved, and sara's Identity Center session chain becomes one incident
 * (StopLogging by her SSO session, AdministratorAccess attached by her DemoRole1 session); the
 * report of her SSO session shows the chain to her, StopLogging under T1562.008, the incident, and
 * exports as Markdown.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-report-state-'));
process.env.TRAILSCOPE_DATA_DIR = dataDir;
delete process.env.TRAILSCOPE_ORG_ACCOUNTS;
const { runDetections, saveDetections } = await import('@/lib/detections/run');
const { resolvePendingOrigins } = await import('@/lib/findings/origins');
const { allIncidents } = await import('@/lib/incidents/load');
const { buildReport } = await import('./build');
const { reportMarkdown } = await import('./markdown');
const { closeStateDb } = await import('@/lib/state/db');
const { announceIncidents } = await import('@/lib/incidents/announce');
const { createWebhook } = await import('@/lib/notifications/store');
const { settleNotifications } = await import('@/lib/notifications/notify');
const { listFindings } = await import('@/lib/findings/store');
const { withOrigins } = await import('@/lib/findings/with-origin');

afterAll(async () => {
  await closeStateDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const END = Date.parse('2026-11-20T00:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const ssoSession = `${SARA.ssoRole.roleId}:${SARA.sessionName}`;
const demoSession = `${SARA.demoRole.roleId}:${SARA.sessionName}`;

describe("sara's incident and report", () => {
  const conn = scenarioConnection();

  beforeAll(async () => {
    const run = await runDetections(conn(), { from: iso(END - 28 * DAY), to: iso(END) }, undefined, { enricher: getEnricher() });
    await saveDetections(run);
    while ((await resolvePendingOrigins(conn(), async () => null, 100)) > 0);
  }, 120_000);

  it('groups her SSO session and her DemoRole1 session under one origin: sara, via IAM Identity Center', async () => {
    const incident = (await allIncidents()).find((i) => i.origin.type === 'sso-user' && i.origin.name === SARA.userName);
    expect(incident).toBeDefined();
    expect(incident!.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['cloudtrail-logging-stopped', 'iam-policy-changed-by-role-session']));
    expect(incident!.sessions).toEqual(expect.arrayContaining([ssoSession, demoSession]));
    expect(incident!.originLabel).toBe('sara (IAM Identity Center)');
    expect(Date.parse(incident!.scope.from)).toBeLessThanOrEqual(incidentTimes(END).saraStopLogging);
  });

  it('lists findings with their stored origins without a query, and resolves one the loop has not reached the same way', async () => {
    const stored = await listFindings({ from: iso(END - 28 * DAY), to: iso(END), limit: 1000 });
    const logging = stored.find((f) => f.type === 'Trailscope:CloudTrail/LoggingDisabled' && f.actor.principalId?.endsWith(`:${SARA.sessionName}`));
    expect(logging?.origin).toMatchObject({ type: 'sso-user', name: SARA.userName });
    const noQueries = Object.assign(Object.create(conn()) as ReturnType<typeof conn>, { query: () => Promise.reject(new Error('a stored origin needs no query')) });
    const listed = await withOrigins(noQueries, stored, () => Promise.reject(new Error('nor the data range')));
    expect(listed.map((f) => f.actor.origin)).toEqual(stored.map((f) => f.origin));
    const [pending] = await withOrigins(conn(), [{ ...logging!, origin: null }], async () => null);
    expect(pending?.actor.origin).toEqual(logging!.origin);
    expect(pending?.actor.sessionId).toBe(ssoSession);
  });

  it("reports her SSO session: the chain to her, StopLogging under ATT&CK T1562.008, the incident, as Markdown too", async () => {
    const incident = (await allIncidents()).find((i) => i.origin.name === SARA.userName)!;
    const report = await buildReport(conn(), { kind: 'role-session', principalId: ssoSession }, incident.scope);
    expect(report.chain?.origin).toBe(SARA.userName);
    const logs = report.activity.techniques.find((t) => t.technique.id === 'T1562.008');
    expect(logs?.events.map((e) => e.eventName)).toContain('StopLogging');
    expect(report.findings.map((f) => f.type)).toContain('Trailscope:CloudTrail/LoggingDisabled');
    expect(report.incidents.map((i) => i.id)).toEqual([incident.id]);
    expect(report.queries.length).toBeGreaterThan(2);
    const md = reportMarkdown(report);
    expect(md).toMatch(/^# Investigation report: role session AROA/);
    expect(md).toContain('| T1562.008 Impair Defenses: Disable or Modify Cloud Logs |');
    expect(md).toContain('Origin: **sara**');
  });

  it('announces the incidents to a webhook on loopback, once', async () => {
    const received: { kind: string; items: { id: string; title: string }[] }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as (typeof received)[number]);
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await createWebhook({ name: 'soc', url: `http://127.0.0.1:${port}/hook`, format: 'json', minSeverity: 'Medium', kinds: ['incidents'], enabled: true }, 'test');
      await announceIncidents();
      await settleNotifications();
      const sara = (await allIncidents()).find((i) => i.origin.name === SARA.userName)!;
      expect(received.map((m) => m.kind)).toEqual(['incidents']);
      expect(received[0]!.items.map((i) => i.id)).toContain(sara.id);
      await announceIncidents();
      await settleNotifications();
      expect(received).toHaveLength(1);
    } finally {
      server.close();
    }
  });
});
