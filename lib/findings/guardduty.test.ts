import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GuardDutyParseError, parseGuardDuty } from './guardduty';
import { findingSchema } from './schema';

const fixture = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../test/fixtures/guardduty', name), 'utf8');
const byType = (r: ReturnType<typeof parseGuardDuty>, type: string) => r.findings.find((f) => f.type === type);

describe('parseGuardDuty: aws guardduty get-findings output', () => {
  const r = parseGuardDuty(fixture('get-findings.json'));

  it('imports every finding, nothing skipped', () => {
    expect(r.skipped).toEqual([]);
    expect(r.findings.map((f) => f.id)).toEqual(['gd-96c7a1e3f5b2d4a6c8e0f1a3b5c7d9e1', 'gd-b4c7a2d9e1f3a5b7c9d1e3f5a7b9c1d3']);
  });

  it('Stealth:IAMUser/CloudTrailLoggingDisabled: the SSO session as actor, the trail as resource', () => {
    expect(byType(r, 'Stealth:IAMUser/CloudTrailLoggingDisabled')).toEqual({
      id: 'gd-96c7a1e3f5b2d4a6c8e0f1a3b5c7d9e1',
      source: 'guardduty',
      type: 'Stealth:IAMUser/CloudTrailLoggingDisabled',
      severity: 2,
      severityLabel: 'Low',
      title: 'AWS CloudTrail trail org-audit-trail was disabled.',
      description: expect.stringContaining('calling DeleteTrail under unusual circumstances') as string,
      firstSeen: '2026-11-18T09:41:23Z',
      lastSeen: '2026-11-18T09:41:23Z',
      accountId: '111122223333',
      region: 'us-east-1',
      actor: {
        accessKeyId: 'ASIARPGOCGXS7QK2MZ4D',
        principalId: 'AROARPGOCGXSWX5T2ZK7Q:jdoe',
        arn: 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_AdministratorAccess_598c5f73f8b2b4e5/jdoe',
        userName: 'AWSReservedSSO_AdministratorAccess_598c5f73f8b2b4e5',
        userType: 'AssumedRole',
        sessionId: 'AROARPGOCGXSWX5T2ZK7Q:jdoe',
      },
      resources: [
        { type: 'AccessKey', id: 'ASIARPGOCGXS7QK2MZ4D' },
        { type: 'Trail', id: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail' },
      ],
      evidenceEventIds: [],
      rule: null,
      count: 1,
    });
  });

  it('InstanceCredentialExfiltration.OutsideAWS: the instance session, its key and the instance', () => {
    const f = byType(r, 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS');
    expect(f).toMatchObject({
      severity: 8,
      severityLabel: 'High',
      firstSeen: '2026-11-19T11:02:44Z',
      lastSeen: '2026-11-19T11:06:17Z',
      count: 14,
      actor: {
        accessKeyId: 'ASIARPGOCGXSN3B6VY2H',
        sessionId: 'AROARPGOCGXSK4D7HN2LP:i-0f3c2b1a9e8d7c6b5',
        arn: 'arn:aws:sts::111122223333:assumed-role/GitlabRunnerRole/i-0f3c2b1a9e8d7c6b5',
        userType: 'AssumedRole',
      },
    });
    expect(f?.resources).toEqual([
      { type: 'AccessKey', id: 'ASIARPGOCGXSN3B6VY2H' },
      { type: 'Instance', id: 'i-0f3c2b1a9e8d7c6b5' },
    ]);
  });
});

describe('parseGuardDuty: EventBridge "GuardDuty Finding" events', () => {
  it('a single event (camelCase detail): an IAM user actor has no guessed ARN, the bucket is a resource', () => {
    const r = parseGuardDuty(fixture('eventbridge-event.json'));
    expect(r.skipped).toEqual([]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      id: 'gd-e2c7b5a3f1d9e7c5b3a1f9e7d5c3b1a9',
      type: 'Discovery:S3/MaliciousIPCaller',
      severity: 5,
      severityLabel: 'Medium',
      title: 'S3 API ListObjects was invoked from a known malicious IP address.',
      firstSeen: '2026-11-17T22:05:13Z',
      lastSeen: '2026-11-17T22:11:48Z',
      count: 3,
      actor: { accessKeyId: 'AKIARPGOCGXSFJ2K4L6M', principalId: 'AIDARPGOCGXSQEYQAT545', userName: 'support_user', userType: 'IAMUser', arn: null, sessionId: null },
    });
    // The bucket appears twice (S3BucketDetails by ARN, AffectedResources by name): both are kept, each once.
    expect(r.findings[0]?.resources).toEqual([
      { type: 'AccessKey', id: 'AKIARPGOCGXSFJ2K4L6M' },
      { type: 'S3Bucket', id: 'arn:aws:s3:::MySensitiveBucket' },
      { type: 'S3Bucket', id: 'MySensitiveBucket' },
    ]);
  });

  it('an array of events: root as actor (ARN derived), an instance-only finding', () => {
    const r = parseGuardDuty(fixture('eventbridge-events.json'));
    expect(r.skipped).toEqual([]);
    expect(byType(r, 'Policy:IAMUser/RootCredentialUsage')?.actor).toEqual({
      accessKeyId: 'ASIAV6H2J4K6M8N0P2Q4',
      principalId: '444455556666',
      arn: 'arn:aws:iam::444455556666:root',
      userName: 'Root',
      userType: 'Root',
      sessionId: null,
    });
    const probe = byType(r, 'Recon:EC2/PortProbeUnprotectedPort');
    expect(probe).toMatchObject({ region: 'eu-west-1', count: 27, resources: [{ type: 'Instance', id: 'i-04a2c6e8b0d2f4a6c' }] });
    expect(probe?.actor).toEqual({ accessKeyId: null, principalId: null, arn: null, userName: null, userType: null, sessionId: null });
  });

  it('newline-delimited events: other event types are skipped by index, the findings still import', () => {
    const r = parseGuardDuty(fixture('eventbridge-events.ndjson'));
    expect(r.findings.map((f) => f.type)).toEqual([
      'Stealth:IAMUser/CloudTrailLoggingDisabled',
      'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
    ]);
    expect(r.skipped).toEqual([{ index: 1, reason: 'an EventBridge event of type "AWS API Call via CloudTrail", not "GuardDuty Finding"' }]);
    // Same GuardDuty id as the get-findings copy: the store merges them into one finding.
    expect(r.findings[0]).toMatchObject({ id: 'gd-96c7a1e3f5b2d4a6c8e0f1a3b5c7d9e1', lastSeen: '2026-11-18T09:52:10Z', count: 2 });
  });

  it('a broken line in newline-delimited events is skipped with its line number', () => {
    const lines = fixture('eventbridge-events.ndjson').trim().split('\n');
    const r = parseGuardDuty([lines[0], '', '{"detail-type": "GuardDuty Finding", "detail": {', lines[2]].join('\r\n'));
    expect(r.findings).toHaveLength(2);
    expect(r.skipped).toEqual([{ index: 1, reason: 'line 3 is not valid JSON' }]);
  });
});

describe('parseGuardDuty: sample findings', () => {
  it('a bare array, marked [SAMPLE] so nobody investigates them as real', () => {
    const r = parseGuardDuty(fixture('sample-findings.json'));
    expect(r.skipped).toEqual([]);
    expect(r.findings.map((f) => f.title)).toEqual([
      '[SAMPLE] Credentials for instance role GeneratedFindingUserName used from external IP address.',
      '[SAMPLE] Amazon S3 Block Public Access was disabled for S3 bucket GeneratedFindingS3Bucket.',
      '[SAMPLE] Bitcoin-related domain name queried by EC2 instance i-99999999.',
    ]);
    // The placeholder principal id is not a role session, so no session id is made up.
    expect(r.findings[0]?.actor).toMatchObject({ principalId: 'GeneratedFindingPrincipalId', sessionId: null, arn: null });
    expect(r.findings[1]?.resources).toEqual([
      { type: 'AccessKey', id: 'GeneratedFindingAccessKeyId' },
      { type: 'S3Bucket', id: 'arn:aws:s3:::bucketName' },
    ]);
    expect(r.findings[2]).toMatchObject({ type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS', severityLabel: 'High', count: 4 });
  });

  it('a single finding object', () => {
    const r = parseGuardDuty(fixture('sample-finding.json'));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      id: 'gd-f6d4b2a0e8c6f4d2b0a8e6c4f2d0b8a6',
      type: 'Policy:IAMUser/RootCredentialUsage',
      region: 'eu-west-1',
      title: '[SAMPLE] API GeneratedFindingAPIName was invoked using root credentials.',
      actor: { userType: 'Root', arn: 'arn:aws:iam::111122223333:root' },
    });
  });
});

describe('parseGuardDuty: bad input', () => {
  it('reports each malformed finding by index and reason, and imports the rest', () => {
    const r = parseGuardDuty(fixture('broken-findings.json'));
    expect(r.findings.map((f) => f.id)).toEqual(['gd-0a2c4e6f8b0d2f4a6c8e0b2d4f6a8c0e']);
    expect(r.skipped).toEqual([
      { index: 1, reason: 'missing Id' },
      { index: 2, reason: 'Severity "HIGH" is not a number from 0 to 10' },
      { index: 3, reason: 'not a JSON object' },
      { index: 4, reason: 'no valid EventFirstSeen/EventLastSeen or CreatedAt time' },
    ]);
  });

  it('text that is not JSON is one clear error', () => {
    expect(() => parseGuardDuty(fixture('truncated.json'))).toThrow(GuardDutyParseError);
    expect(() => parseGuardDuty(fixture('truncated.json'))).toThrow(/^Not valid JSON \(.+\): expected GuardDuty findings JSON\.$/);
    expect(() => parseGuardDuty('<html><body>502 Bad Gateway</body></html>')).toThrow(/Not valid JSON/);
    expect(() => parseGuardDuty('   ')).toThrow(/empty/);
    expect(() => parseGuardDuty('42')).toThrow(/object or array/);
  });

  it('an empty list is no findings, not an error', () => {
    expect(parseGuardDuty('{"Findings": []}')).toEqual({ findings: [], skipped: [] });
    expect(parseGuardDuty('[]')).toEqual({ findings: [], skipped: [] });
  });

  it('ids with characters that do not belong in a URL are refused', () => {
    const r = parseGuardDuty(JSON.stringify([{ Id: '../../etc', Type: 'X', Severity: 2, CreatedAt: '2026-11-18T00:00:00Z' }]));
    expect(r.skipped[0]?.reason).toMatch(/unexpected characters/);
  });
});

describe('parseGuardDuty: CloudTrail event ids', () => {
  it('collects event ids wherever an enriched finding names them', () => {
    const finding = {
      Id: 'abc123',
      Type: 'AttackSequence:IAM/CompromisedCredentials',
      Severity: 9.1,
      Service: {
        EventFirstSeen: '2026-11-18T09:00:00Z',
        EventLastSeen: '2026-11-18T10:00:00Z',
        Evidence: { CloudTrailEvents: [{ EventId: '0d2f4b6a-8c0e-4a2c-9e4b-6d8f0a2c4e6b' }, { eventID: 'b1d3f5a7-9c1e-4b3d-8f5a-7c9e1b3d5f7a' }] },
      },
    };
    const r = parseGuardDuty(JSON.stringify(finding));
    expect(r.findings[0]).toMatchObject({
      severityLabel: 'Critical',
      evidenceEventIds: ['0d2f4b6a-8c0e-4a2c-9e4b-6d8f0a2c4e6b', 'b1d3f5a7-9c1e-4b3d-8f5a-7c9e1b3d5f7a'],
      // No Title: the type stands in, so the list never shows an empty row.
      title: 'AttackSequence:IAM/CompromisedCredentials',
    });
  });
});

describe('parseGuardDuty: keys that name Object.prototype members', () => {
  it('AffectedResources keyed constructor, __proto__ or toString are resources like any other type', () => {
    const text = `[{"Id":"proto1","Type":"Stealth:IAMUser/CloudTrailLoggingDisabled","Severity":5,"CreatedAt":"2026-11-18T00:00:00Z",
      "Service":{"Action":{"AwsApiCallAction":{"AffectedResources":{"constructor":"c-1","__proto__":"p-1","toString":"t-1","hasOwnProperty":"h-1","AWS::S3::Bucket":"b-1"}}}}}]`;
    const r = parseGuardDuty(text);
    expect(r.skipped).toEqual([]);
    expect(r.findings[0]?.resources).toEqual([
      { type: 'constructor', id: 'c-1' },
      { type: '__proto__', id: 'p-1' },
      { type: 'toString', id: 't-1' },
      { type: 'hasOwnProperty', id: 'h-1' },
      { type: 'S3Bucket', id: 'b-1' },
    ]);
    expect(findingSchema.safeParse(r.findings[0]).success).toBe(true);
  });

  it('a finding whose own keys are prototype names reads its real fields', () => {
    const r = parseGuardDuty('{"__proto__":{"Id":"fake"},"constructor":1,"Id":"real","Type":"X","Severity":2,"CreatedAt":"2026-11-18T00:00:00Z"}');
    expect(r.findings.map((f) => f.id)).toEqual(['gd-real']);
  });
});

describe('parseGuardDuty: times that are not real instants', () => {
  it('skips a finding whose times are impossible or beyond year 9999, with the reason, instead of failing the import', () => {
    const finding = (first: unknown) => ({ Id: `t${String(first).replace(/[^0-9a-z]/gi, '')}`, Type: 'X', Severity: 2, Service: { EventFirstSeen: first } });
    const r = parseGuardDuty(JSON.stringify([finding('2026-02-30T00:00:00Z'), finding(1e20), finding('+275760-09-13T00:00:00.000Z'), finding('2026-11-18T09:00:00Z')]));
    expect(r.skipped.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(r.skipped[0]?.reason).toMatch(/no valid EventFirstSeen/);
    expect(r.findings.map((f) => f.firstSeen)).toEqual(['2026-11-18T09:00:00Z']);
    for (const f of r.findings) expect(findingSchema.safeParse(f).success).toBe(true);
  });
});
