import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import type { Connection } from '@/lib/engine/types';
import { ingest } from '@/lib/ingest/ingest';
import { fakeEnricher } from '@/lib/new-behavior/test-enricher';
import { getEnricher } from '@/lib/enrichment/enricher';
import { runDetections, type DetectionRun } from './run';

/**
 * The detections on CloudTrail nobody on the team wrote: Stratus Red Team's detonation logs
 * (../shared/cloudtrail beside the repo, when present; skipped otherwise), ingested as
 * test/shared-cloudtrail.test.ts does. The techniques that stop, delete and re-scope a trail, sign
 * in without MFA and create keys for a backdoor user must each raise their finding.
 */
const SHARED = path.resolve(__dirname, '../../../shared/cloudtrail');
const present = fs.existsSync(SHARED);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-shared-detections-'));
const everything = { from: '2015-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };

describe.skipIf(!present)('detections over the Stratus Red Team detonations', () => {
  let conn: Connection;
  let run: DetectionRun;
  const ofRule = (rule: string) => run.findings.filter((f) => f.rule === rule);

  beforeAll(async () => {
    await ingest({ paths: [path.join(SHARED, 'stratus-detonations')], dataDir });
    conn = await createDuckDbConnection({ dataDir });
    run = await runDetections(conn, everything, undefined, { enricher: fakeEnricher() });
  });

  afterAll(async () => {
    await conn?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('every rule runs on anonymised data (fake regions, invalid IPs) without failing', () => {
    expect(run.perRule.filter((r) => r.error)).toEqual([]);
  });

  it('aws.defense-evasion.cloudtrail-stop: StopLogging', () => {
    expect(ofRule('cloudtrail-logging-stopped')).toEqual([
      expect.objectContaining({
        title: 'CloudTrail logging disabled: stratus-red-team-ct-stop-trail-buykxbqejv',
        firstSeen: '2024-07-31T13:06:24Z',
        actor: expect.objectContaining({ userType: 'IAMUser', userName: 'christophe', accessKeyId: 'AKIAGGWFBBHBE7D3M9WI' }) as unknown,
      }),
    ]);
    expect(ofRule('cloudtrail-logging-stopped')[0]?.resources[0]?.id).toMatch(/:trail\/stratus-red-team-ct-stop-trail-buykxbqejv$/);
  });

  it('aws.defense-evasion.cloudtrail-delete: DeleteTrail', () => {
    expect(ofRule('cloudtrail-trail-deleted').map((f) => [f.title, f.firstSeen])).toEqual([
      ['CloudTrail trail deleted: stratus-red-team-cloudtraild-trail-kvrwohmiai', '2024-07-31T12:46:41Z'],
    ]);
  });

  it('aws.defense-evasion.cloudtrail-event-selectors: PutEventSelectors', () => {
    expect(ofRule('cloudtrail-trail-modified').map((f) => f.title)).toContain('CloudTrail trail configuration changed: stratus-red-team-ctes-trail-khlvciwdor');
  });

  it('aws.initial-access.console-login-without-mfa: ConsoleLogin without MFA', () => {
    expect(ofRule('console-login-without-mfa')).toEqual([
      expect.objectContaining({
        firstSeen: '2024-08-02T08:53:24Z',
        evidenceEventIds: ['865d9377-9c6b-4fd7-8aad-725e95f6a140'],
        actor: expect.objectContaining({ userName: 'stratus-red-team-nmfalu-jfzdtsvchl', userType: 'IAMUser' }) as unknown,
      }),
    ]);
  });

  it('aws.persistence.iam-create-admin-user and iam-backdoor-user: access keys for other users', () => {
    const targets = ofRule('iam-access-key-for-other-user').flatMap((f) => f.resources.filter((r) => r.type === 'IAMUser').map((r) => r.id));
    expect(targets.sort()).toEqual(['malicious-iam-user', 'stratus-red-team-backdoor-u-user']);
  });

  it('the denied EC2 calls of ec2-get-password-data and ec2-download-user-data: one burst per session', () => {
    const bursts = ofRule('access-denied-burst');
    expect(bursts.map((f) => [f.count, f.actor.sessionId])).toEqual([
      [30, 'AROAMLQ9F6KHQ07JKA0WY:aws-go-sdk-1722375070115152000'],
      [15, 'AROAUF4S4NNXFP6WTHD73:aws-go-sdk-1722455550269043000'],
    ]);
    expect(bursts.every((f) => f.description.includes('Client.UnauthorizedOperation'))).toBe(true);
  });
});

const sharedStore = async (folder: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `trailscope-shared-${folder}-`));
  await ingest({ paths: [path.join(SHARED, folder)], dataDir: dir });
  return { dir, conn: await createDuckDbConnection({ dataDir: dir }) };
};

describe.skipIf(!present)("issue 15's rules on public data", () => {
  it('otrf-ec2-proxy: the SSRF-stolen instance-profile key used from outside AWS', async () => {
    const { dir, conn } = await sharedStore('otrf-ec2-proxy');
    try {
      const run = await runDetections(conn, everything, undefined, { enricher: getEnricher(), rules: ['ec2-instance-credentials-outside-aws'] });
      expect(run.findings).toEqual([
        expect.objectContaining({
          rule: 'ec2-instance-credentials-outside-aws',
          count: 11,
          actor: expect.objectContaining({ sessionId: expect.stringMatching(/:i-0317f6c6b66ae9c40$/) as unknown }) as unknown,
          resources: [{ type: 'IPAddress', id: '1.2.3.4' }],
        }),
      ]);
      expect(run.findings[0]?.description).toMatch(/issued by an AssumeRole that ec2\.amazonaws\.com made/);
    } finally {
      await conn.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('panther-fixtures: the impossible-travel rule tests Panther wrote (Damascus → Frankfurt, Beijing → Denver)', async () => {
    const { dir, conn } = await sharedStore('panther-fixtures');
    try {
      const run = await runDetections(conn, everything, undefined, { enricher: getEnricher(), rules: ['impossible-travel'] });
      expect(run.findings.map((f) => f.actor.arn).sort()).toEqual(['arn:aws:sts::123123123123:assumed-role/DevAdmin/dr.evil', 'arn:aws:sts::123456789012:assumed-role/Admin/Jack']);
    } finally {
      await conn.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stratus-detonations: quiet, as it must be (no instance session, no role chain, anonymised addresses, and every principal new: none has a baseline)', async () => {
    const { dir, conn } = await sharedStore('stratus-detonations');
    try {
      const run = await runDetections(conn, everything, undefined, {
        enricher: getEnricher(),
        rules: ['ec2-instance-credentials-outside-aws', 'role-juggling', 'impossible-travel', 'sensitive-api-first-use'],
      });
      expect(run.perRule.filter((r) => r.error)).toEqual([]);
      expect(run.findings).toEqual([]);
      expect(run.perRule.find((r) => r.rule === 'sensitive-api-first-use')?.note).toBe('0 of 12 principals with sensitive calls had a baseline to compare with');
    } finally {
      await conn.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
