import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/findings/types';
import { assumedRoleArn } from '@/lib/generator/world';
import { GITLAB_RUNNER, IMPOSSIBLE_TRAVEL, incidentTimes, INSTANCE_CREDENTIALS, ORGANIZATION_ACCOUNT_IDS, ROLE_JUGGLING, SARA, SENSITIVE_FIRST_USE, VENDOR } from '@/lib/generator/scenarios';
import { getEnricher } from '@/lib/enrichment/enricher';
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
    expect(await saveDetections(run)).toMatchObject({ inserted: run.findings.length, updated: 0 });
    expect(await saveDetections(run)).toMatchObject({ inserted: 0, updated: run.findings.length });
    const vendor = ofRule(run, 'role-assumed-from-external-account')[0] as Finding;
    expect(await getFinding(vendor.id)).toEqual({ ...vendor, techniques: ['T1078.004', 'T1199'], status: 'new', assignee: null, statusChangedAt: null, origin: null });
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

describe("issue 15's rules on the generator's scenarios, against the real geolocation and ASN data", () => {
  const conn = scenarioConnection();
  let run: DetectionRun;
  // The last four weeks: the incidents, and weeks of background around them.
  const month = { from: iso(END - 28 * DAY), to: iso(END) };

  beforeAll(async () => {
    run = await runDetections(conn(), month, undefined, {
      enricher: getEnricher(),
      rules: ['ec2-instance-credentials-outside-aws', 'role-juggling', 'impossible-travel', 'sensitive-api-first-use'],
    });
  });

  it('none failed or hit its limit', () => {
    expect(run.perRule.map((r) => [r.rule, r.error ?? null, r.truncated])).toEqual(run.perRule.map((r) => [r.rule, null, false]));
  });

  it("EC2 credentials outside AWS: the GitLab runner's and storefront-web-1's stolen keys; the other instances (own address, VPC endpoints) are quiet", () => {
    const sessions = ofRule(run, 'ec2-instance-credentials-outside-aws').map((f) => f.actor.sessionId);
    // The runner was replaced five weeks before the end: its second instance's key is the one lifted.
    expect(sessions.sort()).toEqual(
      [`${INSTANCE_CREDENTIALS.role.roleId}:${INSTANCE_CREDENTIALS.webInstances[0].instanceId}`, `${GITLAB_RUNNER.role.roleId}:${GITLAB_RUNNER.instanceIds[1]}`].sort(),
    );
    const web = ofRule(run, 'ec2-instance-credentials-outside-aws').find((f) => f.actor.sessionId?.startsWith(INSTANCE_CREDENTIALS.role.roleId));
    expect(web?.resources).toEqual([{ type: 'IPAddress', id: INSTANCE_CREDENTIALS.attackerIp.ip }]);
  });

  it("role juggling: ci-legacy's chain, and not the hourly metrics-sync workload nor sara's one hop", () => {
    const [f, ...rest] = ofRule(run, 'role-juggling');
    expect(rest).toEqual([]);
    expect(f?.resources.map((r) => r.id).sort()).toEqual([ROLE_JUGGLING.roleA.arn, ROLE_JUGGLING.roleB.arn].sort());
    expect(f?.count).toBe(ROLE_JUGGLING.hopOffsetsSeconds.length - 1);
  });

  it("impossible travel: nbauer's key in Frankfurt and São Paulo; not his home and office, nor sara's home and VPN", () => {
    const found = ofRule(run, 'impossible-travel');
    expect(found.map((f) => f.actor.arn)).toEqual([IMPOSSIBLE_TRAVEL.user.arn]);
    expect(found[0]?.resources.map((r) => r.id)).toContain(IMPOSSIBLE_TRAVEL.attackerIp.ip);
  });

  it("sensitive APIs: each of dkim's first uses, and not the roles that read their secrets every day", () => {
    const found = ofRule(run, 'sensitive-api-first-use');
    expect(new Set(found.map((f) => f.actor.principalId))).toEqual(new Set([`${SENSITIVE_FIRST_USE.role.roleId}:${SENSITIVE_FIRST_USE.sessionName}`]));
    expect(found.map((f) => f.resources[0]?.id).sort()).toEqual(SENSITIVE_FIRST_USE.apis.map((a) => `${a.eventSource}:${a.eventName}`).sort());
  });
});
