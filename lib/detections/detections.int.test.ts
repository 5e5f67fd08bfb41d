import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/findings/types';
import { assumedRoleArn } from '@/lib/generator/world';
import { GITLAB_RUNNER, incidentTimes, ORGANIZATION_ACCOUNT_IDS, SARA, VENDOR } from '@/lib/generator/scenarios';
import { fakeEnricher } from '@/lib/new-behavior/test-enricher';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import type { DetectionRun } from './run';

/**
 * The detections on the generator's store (seed 7, 20k events), against the truths it planted:
 * sara's Identity Center session stops demo-trail-2 and her DemoRole1 session attaches
 * AdministratorAccess to ci-build-role; Acme Monitoring assumes VendorReadOnly from outside the
 * organisation (accounts inferred from the store); in the sara-new-country variant her incident
 * comes from Romania. Runs are idempotent, in ids and in the store.
 */

// Findings are saved to a throwaway state store; the organisation is inferred, not configured.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-detections-state-'));
process.env.TRAILSCOPE_DATA_DIR = dataDir;
delete process.env.TRAILSCOPE_ORG_ACCOUNTS;
const { runDetections, saveDetections } = await import('./run');
const { closeStateDb } = await import('@/lib/state/db');
const { getFinding } = await import('@/lib/findings/store');

afterAll(async () => {
  await closeStateDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const END = Date.parse('2026-11-20T00:00:00Z');
const DAY = 86_400_000;
const times = incidentTimes(END);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
/** The day of sara's incident. */
const incidentDay = { from: iso(END - 2 * DAY), to: iso(END - DAY) };
const ssoSession = `${SARA.ssoRole.roleId}:${SARA.sessionName}`;
const demoSession = `${SARA.demoRole.roleId}:${SARA.sessionName}`;

const ofRule = (run: DetectionRun, rule: string) => run.findings.filter((f) => f.rule === rule);

describe('default scenarios', () => {
  const conn = scenarioConnection();
  let run: DetectionRun;

  beforeAll(async () => {
    run = await runDetections(conn(), incidentDay, undefined, { enricher: fakeEnricher() });
  });

  it('every rule ran, none failed or hit its limit', () => {
    expect(run.perRule.map((r) => [r.rule, r.error ?? null, r.truncated])).toEqual(run.perRule.map((r) => [r.rule, null, false]));
    expect(run.perRule.every((r) => r.queries.length > 0)).toBe(true);
  });

  it("CloudTrail logging disabled: sara's Identity Center session stopped demo-trail-2", () => {
    const stopped = ofRule(run, 'cloudtrail-logging-stopped');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]).toMatchObject({
      title: `CloudTrail logging disabled: ${SARA.trailName}`,
      type: 'Trailscope:CloudTrail/LoggingDisabled',
      firstSeen: iso(times.saraStopLogging),
      lastSeen: iso(times.saraStopLogging),
      count: 1,
      accountId: SARA.ssoRole.accountId,
      resources: [{ type: 'Trail', id: SARA.trailArn }],
      actor: {
        sessionId: ssoSession,
        principalId: ssoSession,
        arn: assumedRoleArn(SARA.ssoRole, SARA.sessionName),
        userName: 'AWSReservedSSO_AdministratorAccess_598c5f73f8b2b4e5',
        userType: 'AssumedRole',
      },
    });
    expect(stopped[0]?.actor.sessionId).toMatch(/^AROA[A-Z0-9]+:sara$/);
    expect(stopped[0]?.evidenceEventIds).toHaveLength(1);
  });

  it('her DemoRole1 session attached AdministratorAccess to ci-build-role; the denied attach is not a finding', () => {
    const changed = ofRule(run, 'iam-policy-changed-by-role-session').filter((f) => f.actor.sessionId === demoSession);
    expect(changed).toHaveLength(1);
    expect(changed[0]?.resources).toEqual([
      { type: 'IAMRole', id: SARA.attachedPolicy.roleName },
      { type: 'IAMPolicy', id: SARA.attachedPolicy.policyArn },
    ]);
    expect(run.findings.some((f) => f.resources.some((r) => r.id === SARA.deniedAttach.roleName))).toBe(false);
  });

  it("the vendor's AssumeRole from outside the organisation, and no in-organisation chain hop", () => {
    const external = ofRule(run, 'role-assumed-from-external-account');
    expect(external.length).toBeGreaterThanOrEqual(1);
    expect(external.every((f) => f.resources.some((r) => r.type === 'Account' && r.id === VENDOR.accountId))).toBe(true);
    expect(external[0]).toMatchObject({ accountId: VENDOR.role.accountId, actor: { principalId: VENDOR.callerUser.userId, userType: 'AWSAccount' } });
    expect(external[0]?.resources).toContainEqual({ type: 'IAMRole', id: VENDOR.role.arn });
    // Polled every 6 hours: four AssumeRoles in the day.
    expect(external[0]?.count).toBe(24 / VENDOR.pollEveryHours);
    expect(run.perRule.find((r) => r.rule === 'role-assumed-from-external-account')?.note).toBe('3 organisation accounts (inferred from the ingested trails)');
    const callers = external.flatMap((f) => f.resources.filter((r) => r.type === 'Account').map((r) => r.id));
    for (const account of ORGANIZATION_ACCOUNT_IDS) expect(callers).not.toContain(account);
  });

  it('sara signing in from her usual places is not a new country', () => {
    expect(ofRule(run, 'new-country-for-principal').filter((f) => f.actor.principalId === ssoSession)).toEqual([]);
  });

  it("the day after: the GitLab runner's instance credentials used from Nigeria are a new country for its session", async () => {
    const next = await runDetections(conn(), { from: incidentDay.to, to: iso(END) }, undefined, { enricher: fakeEnricher(), rules: ['new-country-for-principal'] });
    // That day's other incidents (generator scenarios 7–9) bring new countries of their own.
    const [f, ...rest] = ofRule(next, 'new-country-for-principal').filter((x) => x.actor.userName === GITLAB_RUNNER.role.name);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      firstSeen: iso(times.gitlabCredentialsMisused),
      resources: [{ type: 'IPAddress', id: GITLAB_RUNNER.incidentIp.ip }],
      actor: { userType: 'AssumedRole', userName: GITLAB_RUNNER.role.name },
    });
    expect(f?.title).toMatch(/: Nigeria$/);
    expect(f?.actor.sessionId).toMatch(new RegExp(`^${GITLAB_RUNNER.role.roleId}:i-[0-9a-f]+$`));
  });

  it('is idempotent: the same ids on a second run and on an overlapping scope', async () => {
    const again = await runDetections(conn(), incidentDay, undefined, { enricher: fakeEnricher() });
    expect(again.findings.map((f) => f.id)).toEqual(run.findings.map((f) => f.id));
    expect(again.findings).toEqual(run.findings);
    const twoDays = await runDetections(conn(), { from: iso(END - 3 * DAY), to: incidentDay.to }, undefined, {
      enricher: fakeEnricher(),
      rules: ['cloudtrail-logging-stopped', 'role-assumed-from-external-account'],
    });
    const stop = ofRule(run, 'cloudtrail-logging-stopped')[0] as Finding;
    expect(ofRule(twoDays, 'cloudtrail-logging-stopped').map((f) => f.id)).toEqual([stop.id]);
    const vendor = ofRule(run, 'role-assumed-from-external-account')[0] as Finding;
    expect(ofRule(twoDays, 'role-assumed-from-external-account').find((f) => f.id === vendor.id)?.count).toBe(2 * vendor.count);
  });

  it('saves idempotently: a second save updates, a wider run widens the stored finding', async () => {
    expect(await saveDetections(run)).toEqual({ inserted: run.findings.length, updated: 0 });
    expect(await saveDetections(run)).toEqual({ inserted: 0, updated: run.findings.length });
    const vendor = ofRule(run, 'role-assumed-from-external-account')[0] as Finding;
    expect(await getFinding(vendor.id)).toEqual(vendor);
    const dayBefore = await runDetections(conn(), { from: iso(END - 3 * DAY), to: incidentDay.from }, undefined, {
      enricher: fakeEnricher(),
      rules: ['role-assumed-from-external-account'],
    });
    expect(await saveDetections(dayBefore)).toMatchObject({ updated: 1 });
    expect(await getFinding(vendor.id)).toMatchObject({ firstSeen: dayBefore.findings[0]?.firstSeen, lastSeen: vendor.lastSeen, count: 2 * vendor.count });
  });
});

describe('sara-new-country variant', () => {
  const conn = scenarioConnection({ variant: 'sara-new-country' });

  it("Romania is a new country for sara's Identity Center session", async () => {
    const run = await runDetections(conn(), incidentDay, undefined, { enricher: fakeEnricher(), rules: ['new-country-for-principal', 'cloudtrail-logging-stopped'] });
    const mine = ofRule(run, 'new-country-for-principal').filter((f) => f.actor.principalId === ssoSession);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      title: `New country for ${assumedRoleArn(SARA.ssoRole, SARA.sessionName)}: Romania`,
      actor: { sessionId: ssoSession, userType: 'AssumedRole' },
      firstSeen: iso(times.saraSignIn + 41_000),
    });
    expect(mine[0]?.resources.map((r) => r.id)).toEqual(['5.12.4.71']);
    // The stopped trail is the same finding whatever the source address.
    const stop = ofRule(run, 'cloudtrail-logging-stopped');
    expect(stop[0]?.actor.sessionId).toBe(ssoSession);
  });
});
