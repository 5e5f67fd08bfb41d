import { describe, expect, it } from 'vitest';
import { generate } from './generate';
import { parseGenerateOptions, type Variant } from './options';
import { allRecords, readMemoryFiles } from './read-logs';
import {
  ACCOUNT_IDS,
  CHAIN,
  GENERIC_SESSION,
  GITLAB_RUNNER,
  SARA,
  SARA_BASELINE_IPS,
  scenarioTruths,
  VENDOR,
} from './scenarios';
import { HOUR } from './time';
import type { CloudTrailRecord, JsonObject } from './types';
import { MemoryFileSink } from './writer';

function run(variant: Variant = 'default', events = 25_000) {
  const options = parseGenerateOptions({ outDir: 'memory', events, variant });
  const sink = new MemoryFileSink();
  generate(options, sink);
  const records = allRecords(readMemoryFiles(sink.files)).sort((a, b) => a.eventTime.localeCompare(b.eventTime));
  return { options, records, truths: scenarioTruths({ seed: options.seed, end: options.end, variant }) };
}

const { records, truths } = run();

const ISSUERS = new Set(['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity']);

interface Issue {
  readonly record: CloudTrailRecord;
  readonly accessKeyId: string;
  readonly assumedRoleId?: string;
  readonly arn?: string;
  readonly roleArn: string;
  readonly sessionName: string;
}

function issues(all: readonly CloudTrailRecord[]): Map<string, Issue> {
  const out = new Map<string, Issue>();
  for (const r of all) {
    if (r.eventSource !== 'sts.amazonaws.com' || !ISSUERS.has(r.eventName) || r.errorCode) continue;
    const resp = r.responseElements as { credentials: { accessKeyId: string }; assumedRoleUser?: { assumedRoleId: string; arn: string } };
    const req = r.requestParameters as { roleArn: string; roleSessionName: string };
    // Keep the caller's copy of a cross-account pair: it names who called.
    if (out.has(resp.credentials.accessKeyId) && r.userIdentity.type === 'AWSAccount') continue;
    out.set(resp.credentials.accessKeyId, {
      record: r,
      accessKeyId: resp.credentials.accessKeyId,
      assumedRoleId: resp.assumedRoleUser?.assumedRoleId,
      arn: resp.assumedRoleUser?.arn,
      roleArn: req.roleArn,
      sessionName: req.roleSessionName,
    });
  }
  return out;
}

const issued = issues(records);
const byKey = (key: string) => records.filter((r) => r.userIdentity.accessKeyId === key);

describe('session attribution', () => {
  it('issues ASIA keys and names the session as assumedRoleId = AROA…:session', () => {
    expect(issued.size).toBeGreaterThan(300);
    for (const i of issued.values()) {
      expect(i.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
      if (i.assumedRoleId) {
        expect(i.assumedRoleId).toMatch(new RegExp(`^AROA[A-Z2-7]{17}:${i.sessionName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
        const roleName = i.roleArn.slice(i.roleArn.lastIndexOf('/') + 1);
        expect(i.arn).toBe(`arn:aws:sts::${i.roleArn.split(':')[4]}:assumed-role/${roleName}/${i.sessionName}`);
      }
    }
  });

  it('links every role-session call to the event that issued its key, except where none exists by design', () => {
    const brokenKey = truths.chain.brokenHopAccessKeyId;
    let linked = 0;
    for (const r of records) {
      const u = r.userIdentity;
      if (u.type !== 'AssumedRole') continue;
      const key = u.accessKeyId ?? '';
      const issue = issued.get(key);
      if (!issue) {
        // Service-linked roles are assumed inside AWS, and the broken hop is missing on purpose.
        const byService = u.invokedBy !== undefined;
        const isBroken = key === brokenKey;
        const isConsoleLogin = r.eventName === 'ConsoleLogin' && !u.accessKeyId;
        expect(byService || isBroken || isConsoleLogin, `${r.eventName} by ${u.arn} with ${key}`).toBe(true);
        continue;
      }
      linked++;
      const ctx = u.sessionContext;
      expect(ctx?.sessionIssuer?.arn).toBe(issue.roleArn);
      expect(u.principalId).toBe(`${ctx?.sessionIssuer?.principalId}:${issue.sessionName}`);
      if (issue.assumedRoleId) expect(u.principalId).toBe(issue.assumedRoleId);
      if (issue.arn) expect(u.arn).toBe(issue.arn);
      expect(ctx?.attributes.creationDate).toBe(issue.record.eventTime);
      expect(Date.parse(r.eventTime)).toBeGreaterThanOrEqual(Date.parse(issue.record.eventTime));
    }
    expect(linked).toBeGreaterThan(3000);
  });

  it('logs cross-account AssumeRole twice under one sharedEventID, as AWS documents', () => {
    const roleSide = records.filter((r) => r.eventName === 'AssumeRole' && r.userIdentity.type === 'AWSAccount');
    expect(roleSide.length).toBeGreaterThan(100);
    const bySharedId = new Map<string, CloudTrailRecord[]>();
    for (const r of records) if (r.sharedEventID) bySharedId.set(r.sharedEventID, [...(bySharedId.get(r.sharedEventID) ?? []), r]);
    for (const theirs of roleSide) {
      const pair = bySharedId.get(theirs.sharedEventID ?? '') ?? [];
      expect(pair).toHaveLength(2);
      const mine = pair.find((p) => p !== theirs);
      if (!mine) throw new Error('no caller-side copy');
      expect(mine.recipientAccountId).toBe(theirs.userIdentity.accountId);
      expect(mine.userIdentity.accountId).toBe(theirs.userIdentity.accountId);
      expect(theirs.recipientAccountId).toBe((theirs.resources?.[0]?.accountId ?? ''));
      expect(theirs.recipientAccountId).not.toBe(mine.recipientAccountId);
      expect(mine.eventID).not.toBe(theirs.eventID);
      expect(mine.requestID).toBe(theirs.requestID);
      expect(mine.responseElements).toEqual(theirs.responseElements);
      // The role's account sees the caller's principal id: AIDA… for a user, AROA…:session for a role session.
      expect(theirs.userIdentity.principalId).toBe(mine.userIdentity.principalId);
    }
  });

  it('delivers instance-profile credentials from ec2.amazonaws.com, named for the instance', () => {
    const deliveries = records.filter((r) => r.eventName === 'AssumeRole' && r.userIdentity.invokedBy === 'ec2.amazonaws.com');
    expect(deliveries.length).toBeGreaterThan(100);
    for (const d of deliveries) {
      expect(d.userIdentity.type).toBe('AWSService');
      expect(d.sourceIPAddress).toBe('ec2.amazonaws.com');
      expect(d.userAgent).toBe('ec2.amazonaws.com');
      expect((d.requestParameters as { roleSessionName: string }).roleSessionName).toMatch(/^i-0[0-9a-f]{16}$/);
    }
    expect(deliveries.some((d) => !(d.responseElements as JsonObject).assumedRoleUser)).toBe(true);
    const activity = records.filter((r) => r.userIdentity.sessionContext?.ec2RoleDelivery === '2.0');
    expect(activity.length).toBeGreaterThan(100);
  });
});

describe('scenario 1: sara through IAM Identity Center', () => {
  const saraRecords = records.filter((r) => r.userIdentity.arn?.endsWith(`/${SARA.sessionName}`) && r.userIdentity.arn.includes(SARA.ssoRole.name));

  it('has weeks of baseline from Bellevue and Ashburn only', () => {
    const baseline = saraRecords.filter((r) => Date.parse(r.eventTime) < truths.times.saraSignIn);
    const days = new Set(baseline.map((r) => r.eventTime.slice(0, 10)));
    expect(days.size).toBeGreaterThan(30);
    const ips = new Set(baseline.map((r) => r.sourceIPAddress));
    for (const ip of ips) expect(SARA_BASELINE_IPS.map((l) => l.ip)).toContain(ip);
    expect(ips.size).toBeGreaterThanOrEqual(4);
  });

  it('signs in with AssumeRoleWithSAML as Identity Center logs it', () => {
    const sso = issued.get(truths.sara.incidentSsoAccessKeyId);
    expect(sso?.record.eventName).toBe('AssumeRoleWithSAML');
    expect(sso?.record.userIdentity).toMatchObject({ type: 'SAMLUser', userName: SARA.userName });
    expect(sso?.roleArn).toBe(SARA.ssoRole.arn);
    expect(sso?.sessionName).toBe('sara');
    expect(sso?.assumedRoleId).toBe(`${SARA.ssoRole.roleId}:sara`);
  });

  it('stops the trail, chains into DemoRole1 and tries to escalate', () => {
    const stop = records.find((r) => r.eventName === 'StopLogging');
    expect(stop?.userIdentity.accessKeyId).toBe(truths.sara.incidentSsoAccessKeyId);
    expect(stop?.requestParameters).toEqual({ name: SARA.trailArn });
    expect(stop?.eventTime).toBe(new Date(truths.times.saraStopLogging).toISOString().replace('.000', ''));

    const chain = issued.get(truths.sara.incidentDemoRoleAccessKeyId);
    expect(chain?.record.userIdentity.type).toBe('AssumedRole');
    expect(chain?.record.userIdentity.accessKeyId).toBe(truths.sara.incidentSsoAccessKeyId);
    expect(chain?.roleArn).toBe(SARA.demoRole.arn);
    expect(chain?.sessionName).toBe('sara');

    const demo = byKey(truths.sara.incidentDemoRoleAccessKeyId);
    expect(demo.map((r) => r.eventName)).toEqual(['DescribeInstances', 'RunInstances', 'AttachRolePolicy', 'AttachRolePolicy']);
    const attaches = demo.filter((r) => r.eventName === 'AttachRolePolicy');
    expect(attaches.map((r) => r.errorCode ?? 'ok')).toEqual(['ok', 'AccessDenied']);
    for (const r of demo) expect(r.userIdentity.sessionContext?.sessionIssuer?.arn).toBe(SARA.demoRole.arn);
  });

  it('comes from her usual places by default and from a new country in the variant', () => {
    const incident = byKey(truths.sara.incidentDemoRoleAccessKeyId);
    expect(new Set(incident.map((r) => r.sourceIPAddress))).toEqual(new Set([truths.sara.incidentIp.ip]));
    expect(SARA_BASELINE_IPS.map((l) => l.ip)).toContain(truths.sara.incidentIp.ip);

    const variant = run('sara-new-country');
    const newIp = variant.truths.sara.incidentIp;
    expect(newIp.country).not.toBe('US');
    const vIncident = variant.records.filter((r) => r.userIdentity.accessKeyId === variant.truths.sara.incidentDemoRoleAccessKeyId);
    expect(new Set(vIncident.map((r) => r.sourceIPAddress))).toEqual(new Set([newIp.ip]));
    const before = variant.records.filter((r) => Date.parse(r.eventTime) < variant.truths.times.saraSignIn);
    expect(before.some((r) => r.sourceIPAddress === newIp.ip)).toBe(false);
  });
});

describe('scenario 2: the vendor', () => {
  const vendorCalls = records.filter((r) => r.userIdentity.sessionContext?.sessionIssuer?.arn === VENDOR.role.arn);

  it('assumes VendorReadOnly from outside the organisation with its ExternalId, all along', () => {
    const assumes = records.filter((r) => r.eventName === 'AssumeRole' && (r.requestParameters as { roleArn?: string } | null)?.roleArn === VENDOR.role.arn);
    expect(assumes.length).toBeGreaterThan(200);
    for (const a of assumes) expect((a.requestParameters as { externalId?: string }).externalId).toBe(VENDOR.externalId);
    const sides = new Set(assumes.map((a) => `${a.recipientAccountId}:${a.userIdentity.type}`));
    expect(sides).toEqual(new Set([`${ACCOUNT_IDS.vendor}:IAMUser`, `${ACCOUNT_IDS.production}:AWSAccount`]));
  });

  it('polls EC2 hard (some throttled), CloudWatch and Cost Explorer, and generates the credential report once', () => {
    const names = vendorCalls.map((r) => r.eventName);
    expect(names.filter((n) => n === 'DescribeInstances').length).toBeGreaterThan(500);
    expect(vendorCalls.filter((r) => r.errorCode === 'Client.RequestLimitExceeded').length).toBeGreaterThan(10);
    expect(names).toContain('GetMetricData');
    const ce = vendorCalls.filter((r) => r.eventName === 'GetCostAndUsage');
    expect(ce.length).toBeGreaterThan(50);
    for (const r of ce) expect([r.eventSource, r.awsRegion]).toEqual(['ce.amazonaws.com', 'us-east-1']);
    const reports = vendorCalls.filter((r) => r.eventName === 'GenerateCredentialReport');
    expect(reports.length).toBe(1);
    expect(Date.parse(reports[0]?.eventTime ?? '')).toBe(truths.times.vendorCredentialReport);
    expect(names).toContain('GetCredentialReport');
  });
});

describe('scenario 3: one generic session name, several people', () => {
  it('shows session1 assumed by two users on different days, and S3 data events in the bucket', () => {
    const assumes = records.filter(
      (r) => r.eventName === 'AssumeRole' && (r.requestParameters as { roleSessionName?: string } | null)?.roleSessionName === GENERIC_SESSION.sessionName,
    );
    const byUser = new Map<string, Set<string>>();
    for (const a of assumes) {
      const user = a.userIdentity.userName ?? '';
      byUser.set(user, (byUser.get(user) ?? new Set()).add(a.eventTime.slice(0, 10)));
    }
    expect([...byUser.keys()].sort()).toEqual([GENERIC_SESSION.otherUser.name, GENERIC_SESSION.supportUser.name].sort());
    const [first, second] = [...byUser.values()];
    for (const day of first ?? []) expect(second?.has(day)).toBe(false);

    // Other scenarios read their own buckets; MyBucketRole's sessions read only this one.
    const data = records.filter(
      (r) => r.eventCategory === 'Data' && r.eventSource === 's3.amazonaws.com' && r.userIdentity.sessionContext?.sessionIssuer?.arn === GENERIC_SESSION.role.arn,
    );
    expect(data.length).toBeGreaterThan(100);
    for (const r of data) {
      expect(r.managementEvent).toBe(false);
      expect(r.resources?.some((res) => res.ARN === `arn:aws:s3:::${GENERIC_SESSION.bucket}`)).toBe(true);
    }
    expect(records.some((r) => (r.requestParameters as { roleSessionName?: string } | null)?.roleSessionName?.startsWith('botocore-session-'))).toBe(true);
  });

  it('ends with support_user bulk-downloading through session1', () => {
    const incident = byKey(truths.genericSession.incidentAccessKeyId);
    expect(incident.filter((r) => r.eventName === 'GetObject').length).toBe(40);
    expect(issued.get(truths.genericSession.incidentAccessKeyId)?.record.userIdentity.userName).toBe(GENERIC_SESSION.supportUser.name);
  });
});

describe('scenario 4: the GitLab runner role', () => {
  const runner = records.filter((r) => r.userIdentity.sessionContext?.sessionIssuer?.arn === GITLAB_RUNNER.role.arn);

  it('uses EC2 and ECR, never S3, as the instance', () => {
    expect(runner.length).toBeGreaterThan(300);
    expect(new Set(runner.map((r) => r.eventSource))).toEqual(new Set(['ec2.amazonaws.com', 'ecr.amazonaws.com', 'sts.amazonaws.com', 'iam.amazonaws.com']));
    expect(runner.some((r) => r.eventSource === 's3.amazonaws.com')).toBe(false);
    for (const r of runner) expect(GITLAB_RUNNER.instanceIds).toContain(r.userIdentity.principalId?.split(':')[1]);
  });

  it('gets fresh credentials about every six hours', () => {
    const deliveries = records
      .filter((r) => r.eventName === 'AssumeRole' && (r.requestParameters as { roleArn?: string } | null)?.roleArn === GITLAB_RUNNER.role.arn)
      .map((r) => Date.parse(r.eventTime));
    expect(deliveries.length).toBeGreaterThan(250);
    for (let i = 1; i < deliveries.length; i++) {
      expect((deliveries[i] ?? 0) - (deliveries[i - 1] ?? 0)).toBeLessThanOrEqual(6 * HOUR);
    }
  });

  it('is misused from outside the day before --end', () => {
    const misused = byKey(truths.gitlabRunner.misusedAccessKeyId).filter((r) => r.sourceIPAddress === GITLAB_RUNNER.incidentIp.ip);
    expect(misused.length).toBeGreaterThanOrEqual(5);
    expect(misused[0]?.eventTime).toBe(new Date(truths.times.gitlabCredentialsMisused).toISOString().replace('.000', ''));
  });
});

describe('scenario 5: chains across accounts', () => {
  it('carries alice through A → B → C with her source identity, every hop logged on both sides', () => {
    const intoC = [...issued.values()].filter((i) => i.roleArn === CHAIN.roleC.arn && i.sessionName === CHAIN.sessionNameC);
    expect(intoC.length).toBeGreaterThan(10);
    for (const hop of intoC) {
      const callerKey = hop.record.userIdentity.accessKeyId ?? '';
      const hopB = issued.get(callerKey);
      expect(hopB?.roleArn).toBe(CHAIN.roleB.arn);
      expect(hopB?.record.userIdentity.arn).toBe(CHAIN.user.arn);
      expect(hopB?.record.sharedEventID).toBeDefined();
      expect(hop.record.sharedEventID).toBeDefined();
      const inC = byKey(hop.accessKeyId);
      expect(inC.length).toBeGreaterThan(0);
      for (const r of inC) expect(r.userIdentity.sessionContext?.sourceIdentity).toBe(CHAIN.sourceIdentity);
    }
    expect(new Set(CHAIN.accounts).size).toBe(3);
  });

  it('has GitHub Actions sessions from a web identity, some chained into production', () => {
    const web = records.filter((r) => r.eventName === 'AssumeRoleWithWebIdentity');
    expect(web.length).toBeGreaterThan(50);
    for (const w of web) {
      expect(w.userIdentity).toMatchObject({ type: 'WebIdentityUser', userName: CHAIN.github.subject, identityProvider: CHAIN.github.providerArn });
      expect((w.responseElements as { subjectFromWebIdentityToken?: string }).subjectFromWebIdentityToken).toBe(CHAIN.github.subject);
    }
    const key = (web[0]?.responseElements as { credentials: { accessKeyId: string } }).credentials.accessKeyId;
    expect(byKey(key)[0]?.userIdentity.sessionContext?.webIdFederationData?.federatedProvider).toBe(CHAIN.github.providerArn);
    const deploys = [...issued.values()].filter((i) => i.sessionName === CHAIN.github.deploySessionName);
    expect(deploys.length).toBeGreaterThan(5);
    for (const d of deploys) expect(issued.get(d.record.userIdentity.accessKeyId ?? '')?.record.eventName).toBe('AssumeRoleWithWebIdentity');
  });

  it('contains one ProdDeployRole session whose AssumeRole is nowhere in the logs', () => {
    const broken = byKey(truths.chain.brokenHopAccessKeyId);
    expect(broken.length).toBeGreaterThan(3);
    expect(issued.has(truths.chain.brokenHopAccessKeyId)).toBe(false);
    for (const r of broken) {
      expect(r.userIdentity.principalId).toBe(`${CHAIN.brokenHop.role.roleId}:${CHAIN.brokenHop.sessionName}`);
      expect(r.userIdentity.sessionContext?.sourceIdentity).toBe(CHAIN.brokenHop.sourceIdentity);
      expect(r.userIdentity.sessionContext?.attributes.creationDate).toBe(new Date(truths.chain.brokenHopIssuedAt).toISOString().replace('.000', ''));
    }
  });
});
