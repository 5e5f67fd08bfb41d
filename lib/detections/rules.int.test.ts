import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import type { Connection } from '@/lib/engine/types';
import type { Finding } from '@/lib/findings/types';
import { IP_TABLE } from '@/lib/generator/ip-table';
import { ingest } from '@/lib/ingest/ingest';
import { fakeEnricher } from '@/lib/new-behavior/test-enricher';
import { ACCOUNT, event } from '@/test/fixtures/cloudtrail-records';
import { DETECTION_RULE_IDS, DETECTION_RULES, type DetectionRuleId } from './rules';
import { detectionFindingId } from './to-findings';

/**
 * Each rule through the real DuckDB engine over hand-built records: the records each rule must
 * match, and near misses it must not (failed calls, the wrong identity type, the caller's own key,
 * MFA used, a failed sign-in, slow or non-denial errors, in-organisation callers, no baseline).
 */

// The organisation is the fixture's account; 444455556666 is an outside vendor.
process.env.TRAILSCOPE_ORG_ACCOUNTS = ACCOUNT;
const { runDetections } = await import('./run');

const VENDOR = '444455556666';
const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };

const alice = {
  type: 'AssumedRole',
  principalId: 'AROAEXAMPLEROLEID0001:alice',
  arn: `arn:aws:sts::${ACCOUNT}:assumed-role/DemoRole/alice`,
  accountId: ACCOUNT,
  accessKeyId: 'ASIAEXAMPLEKEY000001',
  sessionContext: {
    sessionIssuer: { type: 'Role', principalId: 'AROAEXAMPLEROLEID0001', arn: `arn:aws:iam::${ACCOUNT}:role/DemoRole`, accountId: ACCOUNT, userName: 'DemoRole' },
    attributes: { creationDate: '2026-11-19T09:59:00Z', mfaAuthenticated: 'false' },
  },
};
const user = (name: string, account = ACCOUNT) => ({
  type: 'IAMUser',
  principalId: `AIDA${name.toUpperCase().padEnd(17, 'X')}`,
  arn: `arn:aws:iam::${account}:user/${name}`,
  accountId: account,
  accessKeyId: `AKIA${name.toUpperCase().padEnd(16, 'K')}`,
  userName: name,
});
const root = { type: 'Root', principalId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, accountId: ACCOUNT };

const call = (id: string, time: string, eventSource: string, eventName: string, userIdentity: object, extra: Record<string, unknown> = {}) =>
  event(id, time, { eventSource, eventName, userIdentity, requestParameters: null, responseElements: null, resources: undefined, ...extra });
const denied = { errorCode: 'AccessDenied', errorMessage: 'User is not authorized' };
const login = (id: string, time: string, identity: object, mfa: 'Yes' | 'No', result: 'Success' | 'Failure' = 'Success') =>
  call(id, time, 'signin.amazonaws.com', 'ConsoleLogin', identity, {
    responseElements: { ConsoleLogin: result },
    additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home', MobileVersion: 'No', MFAUsed: mfa },
    sourceIPAddress: '203.0.113.50',
    ...(result === 'Failure' ? { errorMessage: 'Failed authentication' } : {}),
  });
const at = (hh: number, mm: number, ss = 0) => `2026-11-19T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}Z`;
const trailArn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main-trail`;

const records = [
  // a) trails
  call('stop-1', at(9, 0), 'cloudtrail.amazonaws.com', 'StopLogging', alice, { requestParameters: { name: trailArn } }),
  call('stop-2', at(9, 30), 'cloudtrail.amazonaws.com', 'StopLogging', alice, { requestParameters: { name: 'main-trail' } }),
  call('stop-denied', at(9, 31), 'cloudtrail.amazonaws.com', 'StopLogging', user('bob'), { requestParameters: { name: 'main-trail' }, ...denied }),
  call('start', at(9, 40), 'cloudtrail.amazonaws.com', 'StartLogging', alice, { requestParameters: { name: 'main-trail' } }),
  call('delete-1', at(10, 0), 'cloudtrail.amazonaws.com', 'DeleteTrail', user('bob'), { requestParameters: { name: 'old-trail' }, awsRegion: 'eu-west-1' }),
  call('delete-late', '2026-11-21T10:00:00Z', 'cloudtrail.amazonaws.com', 'DeleteTrail', user('bob'), { requestParameters: { name: 'other-trail' } }),
  call('selectors', at(10, 5), 'cloudtrail.amazonaws.com', 'PutEventSelectors', alice, {
    requestParameters: { trailName: 'main-trail', eventSelectors: [{ readWriteType: 'ReadOnly', includeManagementEvents: false }] },
  }),
  call('update', at(10, 6), 'cloudtrail.amazonaws.com', 'UpdateTrail', alice, { requestParameters: { name: 'main-trail', s3BucketName: 'elsewhere' } }),
  call('get-selectors', at(10, 7), 'cloudtrail.amazonaws.com', 'GetEventSelectors', alice, { requestParameters: { trailName: 'main-trail' } }),

  // b) IAM
  call('attach-1', at(11, 0), 'iam.amazonaws.com', 'AttachRolePolicy', alice, {
    requestParameters: { roleName: 'ci-build-role', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
  }),
  call('put-user-policy', at(11, 1), 'iam.amazonaws.com', 'PutUserPolicy', alice, {
    requestParameters: { userName: 'carol', policyName: 'inline-admin', policyDocument: '{}' },
  }),
  call('attach-by-user', at(11, 2), 'iam.amazonaws.com', 'AttachRolePolicy', user('bob'), {
    requestParameters: { roleName: 'ci-build-role', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
  }),
  call('attach-denied', at(11, 3), 'iam.amazonaws.com', 'AttachRolePolicy', alice, { ...denied }),
  call('key-other', at(11, 10), 'iam.amazonaws.com', 'CreateAccessKey', user('bob'), {
    requestParameters: { userName: 'mallory' },
    responseElements: { accessKey: { accessKeyId: 'AKIAMALLORYNEWKEY001', status: 'Active', userName: 'mallory', createDate: 'Nov 19, 2026 11:10:00 AM' } },
  }),
  call('key-own', at(11, 11), 'iam.amazonaws.com', 'CreateAccessKey', user('bob'), {
    responseElements: { accessKey: { accessKeyId: 'AKIABOBNEWKEY0000001', status: 'Active', userName: 'bob', createDate: 'Nov 19, 2026 11:11:00 AM' } },
  }),
  call('key-by-session', at(11, 12), 'iam.amazonaws.com', 'CreateAccessKey', alice, {
    requestParameters: { userName: 'dave' },
    responseElements: { accessKey: { accessKeyId: 'AKIADAVENEWKEY000001', status: 'Active', userName: 'dave', createDate: 'Nov 19, 2026 11:12:00 AM' } },
  }),

  // c) console sign-ins
  login('login-nomfa', at(12, 0), user('bob'), 'No'),
  login('login-mfa', at(12, 1), user('erin'), 'Yes'),
  login('login-failed', at(12, 2), user('frank'), 'No', 'Failure'),
  login('login-sso', at(12, 3), { ...alice, accessKeyId: undefined }, 'No'),
  login('login-root', at(12, 4), root, 'Yes'),
  // A sign-in record without MFAUsed reads as "no MFA"; the group's MFA count is 0, never NULL.
  { ...login('login-no-mfa-field', at(12, 5), user('gina'), 'No'), additionalEventData: { LoginTo: 'https://console.aws.amazon.com/console/home' } },

  // d) denials: 12 in 8 minutes across the 13:10 clock boundary, one far later (not a burst);
  // a principal denied every 12 minutes; throttling is not a denial; nine is under the threshold.
  ...Array.from({ length: 12 }, (_, i) =>
    call(`probe-${i}`, at(13, 5 + Math.floor((i * 40) / 60), (i * 40) % 60), 'ec2.amazonaws.com', 'DescribeInstances', user('prober'), {
      errorCode: i % 2 ? 'Client.UnauthorizedOperation' : 'AccessDenied',
    }),
  ),
  call('probe-late', at(16, 0), 'iam.amazonaws.com', 'ListUsers', user('prober'), denied),
  ...Array.from({ length: 15 }, (_, i) => call(`slow-${i}`, at(14 + Math.floor((i * 12) / 60), (i * 12) % 60), 's3.amazonaws.com', 'GetObject', user('slow'), denied)),
  ...Array.from({ length: 12 }, (_, i) => call(`throttle-${i}`, at(15, i), 'ec2.amazonaws.com', 'DescribeInstances', user('busy'), { errorCode: 'Client.RequestLimitExceeded' })),
  ...Array.from({ length: 9 }, (_, i) => call(`nine-${i}`, at(17, i), 'iam.amazonaws.com', 'ListRoles', user('nine'), denied)),

  // e) AssumeRole: the vendor's call as the role's account logs it, the vendor's own copy, an
  // in-organisation call, and a denied attempt from outside.
  call('vendor-assume', at(18, 0), 'sts.amazonaws.com', 'AssumeRole', { type: 'AWSAccount', principalId: 'AIDAVENDORCOLLECTOR01', accountId: VENDOR }, {
    requestParameters: { roleArn: `arn:aws:iam::${ACCOUNT}:role/VendorReadOnly`, roleSessionName: 'Acme', externalId: 'acme-123' },
    sharedEventID: 'shared-1',
    sourceIPAddress: '3.120.181.40',
  }),
  call('vendor-copy', at(18, 0), 'sts.amazonaws.com', 'AssumeRole', user('collector', VENDOR), {
    requestParameters: { roleArn: `arn:aws:iam::${ACCOUNT}:role/VendorReadOnly`, roleSessionName: 'Acme', externalId: 'acme-123' },
    sharedEventID: 'shared-1',
    recipientAccountId: VENDOR,
  }),
  call('inside-assume', at(18, 5), 'sts.amazonaws.com', 'AssumeRole', user('bob'), { requestParameters: { roleArn: `arn:aws:iam::${ACCOUNT}:role/DemoRole`, roleSessionName: 'bob' } }),
  call('outside-denied', at(18, 6), 'sts.amazonaws.com', 'AssumeRole', { type: 'AWSAccount', principalId: 'AIDASTRANGER00000001', accountId: '999988887777' }, {
    requestParameters: { roleArn: `arn:aws:iam::${ACCOUNT}:role/VendorReadOnly`, roleSessionName: 'x' },
    ...denied,
  }),

  // f) countries: gina's baseline is Bellevue and her scope Bucharest (new country); henry moves
  // from Bellevue to New York (another city, same country); ivan has no baseline at all.
  ...['2026-11-01T10:00:00Z', '2026-11-08T10:00:00Z'].map((t, i) => call(`gina-base-${i}`, t, 'ec2.amazonaws.com', 'DescribeInstances', user('gina'), { sourceIPAddress: IP_TABLE.bellevueHome1.ip })),
  call('gina-scope-home', at(19, 0), 'ec2.amazonaws.com', 'DescribeInstances', user('gina'), { sourceIPAddress: IP_TABLE.bellevueHome1.ip }),
  call('gina-scope-ro-1', at(19, 30), 'ec2.amazonaws.com', 'DescribeInstances', user('gina'), { sourceIPAddress: IP_TABLE.bucharest1.ip }),
  call('gina-scope-ro-2', at(19, 31), 's3.amazonaws.com', 'ListBuckets', user('gina'), { sourceIPAddress: IP_TABLE.bucharest1.ip, ...denied }),
  call('henry-base', '2026-11-05T10:00:00Z', 'ec2.amazonaws.com', 'DescribeInstances', user('henry'), { sourceIPAddress: IP_TABLE.bellevueHome2.ip }),
  call('henry-scope', at(20, 0), 'ec2.amazonaws.com', 'DescribeInstances', user('henry'), { sourceIPAddress: IP_TABLE.newYork1.ip }),
  call('ivan-scope', at(20, 5), 'ec2.amazonaws.com', 'DescribeInstances', user('ivan'), { sourceIPAddress: IP_TABLE.bucharest1.ip }),
];

let dir: string;
let conn: Connection;
let all: Finding[];

const ofRule = (rule: DetectionRuleId) => all.filter((f) => f.rule === rule);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trailscope-detections-'));
  await fs.writeFile(path.join(dir, 'r.json'), JSON.stringify({ Records: records }));
  await ingest({ paths: [path.join(dir, 'r.json')], dataDir: path.join(dir, 'data') });
  conn = await createDuckDbConnection({ dataDir: path.join(dir, 'data') });
  const run = await runDetections(conn, scope, undefined, { enricher: fakeEnricher() });
  expect(run.perRule.filter((r) => r.error)).toEqual([]);
  all = run.findings;
});

afterAll(async () => {
  await conn.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the rule list', () => {
  it('documents every rule once, with a type, a description and a GuardDuty-scale severity', () => {
    expect(DETECTION_RULES.map((r) => r.id)).toEqual([...DETECTION_RULE_IDS]);
    for (const r of DETECTION_RULES) {
      expect(r.type).toMatch(/^Trailscope:[A-Za-z0-9]+\/[A-Za-z0-9]+$/);
      expect(r.description.length).toBeGreaterThan(60);
      expect(r.severity).toBeGreaterThanOrEqual(1);
      expect(r.severity).toBeLessThanOrEqual(10);
    }
  });
});

describe('a) CloudTrail logging disabled, trail deleted or modified', () => {
  it('StopLogging by name and by ARN is one finding on the trail; a denied StopLogging is not', () => {
    const [f, ...rest] = ofRule('cloudtrail-logging-stopped');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      type: 'Trailscope:CloudTrail/LoggingDisabled',
      title: 'CloudTrail logging disabled: main-trail',
      severityLabel: 'High',
      firstSeen: at(9, 0),
      lastSeen: at(9, 30),
      count: 2,
      evidenceEventIds: ['stop-1', 'stop-2'],
      accountId: ACCOUNT,
      region: 'us-east-1',
      resources: [{ type: 'Trail', id: trailArn }],
      actor: {
        accessKeyId: 'ASIAEXAMPLEKEY000001',
        principalId: 'AROAEXAMPLEROLEID0001:alice',
        arn: alice.arn,
        userName: 'DemoRole',
        userType: 'AssumedRole',
        sessionId: 'AROAEXAMPLEROLEID0001:alice',
      },
    });
    expect(f?.id).toBe(detectionFindingId('cloudtrail-logging-stopped', [ACCOUNT, 'main-trail', 'AROAEXAMPLEROLEID0001:alice']));
  });

  it('DeleteTrail in the scope, its ARN derived from the home region it ran in; not the one after the scope', () => {
    expect(ofRule('cloudtrail-trail-deleted')).toEqual([
      expect.objectContaining({
        evidenceEventIds: ['delete-1'],
        resources: [{ type: 'Trail', id: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/old-trail` }],
        actor: expect.objectContaining({ userType: 'IAMUser', userName: 'bob', arn: `arn:aws:iam::${ACCOUNT}:user/bob`, sessionId: null }) as unknown,
      }),
    ]);
  });

  it('UpdateTrail and PutEventSelectors, not GetEventSelectors', () => {
    const [f, ...rest] = ofRule('cloudtrail-trail-modified');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ evidenceEventIds: ['selectors', 'update'], severityLabel: 'Medium' });
    expect(f?.description).toContain('PutEventSelectors, UpdateTrail');
  });
});

describe('b) IAM policy changes by role sessions, access keys for other users', () => {
  it('AttachRolePolicy and PutUserPolicy by a role session; not by an IAM user, not when denied', () => {
    const found = ofRule('iam-policy-changed-by-role-session');
    expect(found.map((f) => f.evidenceEventIds)).toEqual([['attach-1'], ['put-user-policy']]);
    expect(found[0]?.resources).toEqual([
      { type: 'IAMRole', id: 'ci-build-role' },
      { type: 'IAMPolicy', id: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    ]);
    expect(found[1]?.resources).toEqual([
      { type: 'IAMUser', id: 'carol' },
      { type: 'IAMPolicy', id: 'inline-admin' },
    ]);
    expect(found.every((f) => f.actor.sessionId === 'AROAEXAMPLEROLEID0001:alice')).toBe(true);
  });

  it("CreateAccessKey for someone else (by a user or a session), not a user's own key", () => {
    const found = ofRule('iam-access-key-for-other-user');
    expect(found.map((f) => f.evidenceEventIds[0])).toEqual(['key-other', 'key-by-session']);
    expect(found[0]?.resources).toEqual([
      { type: 'IAMUser', id: 'mallory' },
      { type: 'AccessKey', id: 'AKIAMALLORYNEWKEY001' },
    ]);
  });
});

describe('c) console sign-ins', () => {
  it('an IAM user without MFA, or whose record does not say; not with MFA, not a failed sign-in, not an SSO session', () => {
    expect(ofRule('console-login-without-mfa')).toEqual([
      expect.objectContaining({ evidenceEventIds: ['login-nomfa'], title: 'Console sign-in without MFA: bob', resources: [{ type: 'IAMUser', id: `arn:aws:iam::${ACCOUNT}:user/bob` }] }),
      expect.objectContaining({ evidenceEventIds: ['login-no-mfa-field'], title: 'Console sign-in without MFA: gina' }),
    ]);
  });

  it('root, even with MFA', () => {
    expect(ofRule('root-console-login')).toEqual([
      expect.objectContaining({ evidenceEventIds: ['login-root'], resources: [{ type: 'Account', id: ACCOUNT }], actor: expect.objectContaining({ userType: 'Root' }) as unknown }),
    ]);
    expect(ofRule('root-console-login')[0]?.description).toContain('with MFA');
  });
});

describe('d) bursts of access denied', () => {
  it('twelve denials in eight minutes across a clock boundary; the later lone denial is not part of it', () => {
    const [f, ...rest] = ofRule('access-denied-burst');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ count: 12, firstSeen: at(13, 5), lastSeen: at(13, 12, 20), actor: { userName: 'prober' } });
    expect(f?.evidenceEventIds).toEqual(Array.from({ length: 12 }, (_, i) => `probe-${i}`));
    expect(f?.description).toContain('AccessDenied, Client.UnauthorizedOperation');
  });
});

describe('e) roles assumed from outside the organisation', () => {
  it("the vendor's AssumeRole as the role's account logged it; not its own copy, not inside calls, not denied attempts", () => {
    expect(ofRule('role-assumed-from-external-account')).toEqual([
      expect.objectContaining({
        evidenceEventIds: ['vendor-assume'],
        accountId: ACCOUNT,
        resources: [
          { type: 'IAMRole', id: `arn:aws:iam::${ACCOUNT}:role/VendorReadOnly` },
          { type: 'Account', id: VENDOR },
        ],
        actor: expect.objectContaining({ principalId: 'AIDAVENDORCOLLECTOR01', userType: 'AWSAccount' }) as unknown,
      }),
    ]);
  });
});

describe('f) a newly observed country', () => {
  it('Bucharest for a Bellevue user; not another US city; not a principal without a baseline', () => {
    const [f, ...rest] = ofRule('new-country-for-principal');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      title: 'New country for arn:aws:iam::123456789012:user/gina: Romania',
      firstSeen: at(19, 30),
      lastSeen: at(19, 31),
      count: 2,
      evidenceEventIds: ['gina-scope-ro-1', 'gina-scope-ro-2'],
      resources: [{ type: 'IPAddress', id: IP_TABLE.bucharest1.ip }],
      actor: { userName: 'gina', userType: 'IAMUser', principalId: user('gina').principalId },
    });
  });

  it('a store that starts in the scope has no baseline, so nothing is new', async () => {
    const run = await runDetections(conn, scope, undefined, { enricher: fakeEnricher(), storeFirstEvent: scope.from, rules: ['new-country-for-principal'] });
    expect(run.findings).toEqual([]);
    expect(run.perRule[0]?.note).toMatch(/^0 of \d+ active principals had a baseline/);
  });
});

describe('runs', () => {
  it('are idempotent, and ids do not depend on the scope', async () => {
    const again = await runDetections(conn, scope, undefined, { enricher: fakeEnricher() });
    expect(again.findings).toEqual(all);
    const wider = await runDetections(conn, { from: '2026-11-18T00:00:00Z', to: '2026-11-22T00:00:00Z' }, undefined, { enricher: fakeEnricher() });
    const ids = new Set(wider.findings.map((f) => f.id));
    for (const f of all.filter((x) => x.rule !== 'new-country-for-principal')) expect(ids.has(f.id), f.title).toBe(true);
    // The DeleteTrail after the first scope is a finding of its own in the wider one.
    expect(wider.findings.filter((f) => f.rule === 'cloudtrail-trail-deleted')).toHaveLength(2);
  });

  it('report each rule with its queries; one rule failing leaves the others running', async () => {
    const run = await runDetections(conn, scope, undefined, { enricher: { sources: [], enrich: () => Promise.reject(new Error('geo database missing')) } });
    const byRule = new Map(run.perRule.map((r) => [r.rule, r]));
    expect([...byRule.keys()]).toEqual([...DETECTION_RULE_IDS]);
    expect(byRule.get('new-country-for-principal')?.error).toBe('geo database missing');
    expect(byRule.get('cloudtrail-logging-stopped')).toMatchObject({ count: 1, truncated: false });
    expect(byRule.get('cloudtrail-logging-stopped')?.queries[0]).toMatchObject({ sql: expect.stringContaining('eventname IN (?)') as unknown, params: expect.arrayContaining(['StopLogging']) as unknown });
    expect(byRule.get('role-assumed-from-external-account')?.note).toBe('1 organisation account (TRAILSCOPE_ORG_ACCOUNTS)');
  });

  it('stop when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runDetections(conn, scope, controller.signal)).rejects.toThrow();
  });

  it('refuse a scope that is not [from, to)', async () => {
    await expect(runDetections(conn, { from: scope.to, to: scope.from })).rejects.toThrow(/before/);
  });
});
