import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOUD_PLATFORMS, SOURCE_KEYS, type AttackData } from './data-shape';
import { DETECTION_RULE_TECHNIQUES } from './detection-rules';
import {
  TACTICS,
  TECHNIQUES,
  currentTechnique,
  eventAttack,
  guardDutyAttack,
  isTechniqueId,
  technique,
  techniqueIdOrThrow,
  techniquesForEvent,
  techniquesForGuardDutyType,
} from './techniques';
import { TRAILSCOPE_EVENT_MAPPINGS } from './trailscope-event-mappings';

const ids = (ts: readonly { id: string }[]) => ts.map((t) => t.id);
const DATA_FILE = path.resolve(__dirname, 'data/attack-data.json');

describe('the bundled data file', () => {
  // Read as text so a truncated file fails here, not as an import error elsewhere.
  const text = fs.readFileSync(DATA_FILE, 'utf8');
  const data = JSON.parse(text) as AttackData;

  it('is whole and small enough to bundle', () => {
    expect(text.trimEnd().endsWith('}')).toBe(true);
    expect(text.length).toBeGreaterThan(50_000);
    expect(text.length).toBeLessThan(300_000);
  });

  it('holds the whole cloud matrix: every platform, every tactic, well over a hundred techniques', () => {
    expect(data.attackVersion).toMatch(/^\d+\.\d+$/);
    expect(data.tactics).toHaveLength(14);
    expect(data.techniques.length).toBeGreaterThan(140);
    for (const p of CLOUD_PLATFORMS) expect(data.techniques.some((t) => t.platforms.includes(p))).toBe(true);
    expect(Object.keys(data.guardDutyTypes).length).toBeGreaterThan(50);
    expect(Object.keys(data.events).length).toBeGreaterThan(300);
  });

  it('records every source with its commit and licence', () => {
    for (const key of SOURCE_KEYS) {
      expect(data.sources[key].commit, key).toMatch(/^[0-9a-f]{40}$/);
      expect(data.sources[key].licence, key).not.toBe('');
    }
    expect(data.sources.attack.version).toBe(data.attackVersion);
  });

  it('every id is well formed and every id a mapping uses is in the catalogue', () => {
    const catalogue = new Set(data.techniques.map((t) => t.id));
    expect(data.techniques.every((t) => /^T\d{4}(\.\d{3})?$/.test(t.id))).toBe(true);
    expect(data.techniques.every((t) => t.url === `https://attack.mitre.org/techniques/${t.id.replace('.', '/')}/`)).toBe(true);
    // A parent need not be a cloud technique itself (Traffic Duplication is IaaS, Automated Exfiltration is not).
    expect(data.techniques.filter((t) => t.id.includes('.') && !t.parentName)).toEqual([]);
    const used = [
      ...Object.values(data.guardDutyTypes).flat(),
      ...Object.values(data.events).flatMap((rs) => rs.map((r) => r.technique)),
      ...Object.values(data.revokedBy),
      ...data.guardDutyCapabilityOnly,
    ];
    expect(used.filter((id) => !catalogue.has(id))).toEqual([]);
    expect(data.guardDutyOutsideCloudMatrix.filter((id) => catalogue.has(id))).toEqual([]);
  });
});

describe('the catalogue', () => {
  it('finds techniques and sub-techniques with their tactics, in matrix order', () => {
    expect(technique('T1078.004')).toMatchObject({
      name: 'Cloud Accounts',
      parentName: 'Valid Accounts',
      displayName: 'Valid Accounts: Cloud Accounts',
      url: 'https://attack.mitre.org/techniques/T1078/004/',
    });
    expect(technique('T1078.004')!.tactics.map((t) => t.shortname)).toEqual(['initial-access', 'persistence', 'privilege-escalation', 'defense-evasion']);
    expect(technique('t1562.008')?.tactics.map((t) => t.name)).toEqual(['Defense Evasion']);
    expect(TACTICS.map((t) => t.id).slice(0, 3)).toEqual(['TA0043', 'TA0042', 'TA0001']);
    expect(TECHNIQUES.every((t) => t.tactics.length > 0)).toBe(true);
  });

  it('validates ids: the form and membership of the cloud matrix', () => {
    expect(isTechniqueId('T1562.008')).toBe(true);
    expect(isTechniqueId('T1078.4')).toBe(false);
    expect(isTechniqueId('t1562.008')).toBe(false);
    // Application Layer Protocol is an Enterprise technique, but not of any cloud platform.
    expect(isTechniqueId('T1071')).toBe(false);
    expect(() => techniqueIdOrThrow('T9999')).toThrow(/not a technique/);
  });

  it('carries revoked ids to their replacement', () => {
    expect(currentTechnique('T1522')?.id).toBe('T1552.005');
    expect(currentTechnique('T1552.005')?.id).toBe('T1552.005');
    expect(currentTechnique('T0000')).toBeUndefined();
  });

  it('answers nothing for what it does not know', () => {
    expect(technique('')).toBeUndefined();
    expect(technique('T9999')).toBeUndefined();
  });
});

describe('GuardDuty finding types', () => {
  it('Stealth:IAMUser/CloudTrailLoggingDisabled: Disable or Modify Cloud Logs, per the CTID mapping', () => {
    const a = guardDutyAttack('Stealth:IAMUser/CloudTrailLoggingDisabled');
    expect(a.basis).toBe('ctid');
    expect(ids(a.techniques)).toContain('T1562.008');
    expect(a.tactics.map((t) => t.shortname)).toEqual(['defense-evasion']);
  });

  it('InstanceCredentialExfiltration.OutsideAWS: the mapping of the type it was split from', () => {
    const a = guardDutyAttack('UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS');
    expect(a.basis).toBe('ctid-base-type');
    expect(ids(a.techniques)).toEqual(expect.arrayContaining(['T1552.005', 'T1078.004']));
    expect(ids(techniquesForGuardDutyType('UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS'))).toContain('T1552.005');
  });

  it('sample findings and odd casing read the same', () => {
    expect(techniquesForGuardDutyType('[SAMPLE] Discovery:S3/MaliciousIPCaller')).toEqual(techniquesForGuardDutyType('Discovery:S3/MaliciousIPCaller'));
    expect(ids(techniquesForGuardDutyType('discovery:s3/maliciousipcaller'))).toContain('T1580');
  });

  it('a type the mapping does not name: its threat purpose gives a tactic, never a technique', () => {
    expect(guardDutyAttack('Stealth:IAMUser/SomethingNew')).toMatchObject({ techniques: [], basis: 'threat-purpose' });
    expect(guardDutyAttack('Stealth:IAMUser/SomethingNew').tactics.map((t) => t.shortname)).toEqual(['defense-evasion']);
    // Backdoor:EC2/C&CActivity.B is mapped by CTID to Application Layer Protocol, which is not a cloud technique.
    expect(guardDutyAttack('Backdoor:EC2/C&CActivity.B')).toMatchObject({ techniques: [], basis: 'threat-purpose' });
  });

  it('unknown input gives nothing and does not throw', () => {
    for (const type of ['', 'nonsense', 'Policy:IAMUser/Unheard', ':/', '[SAMPLE]']) {
      expect(techniquesForGuardDutyType(type)).toEqual([]);
    }
    expect(guardDutyAttack('Trojan:EC2/Unheard')).toEqual({ techniques: [], tactics: [], basis: 'none' });
  });
});

describe('CloudTrail events', () => {
  it('StopLogging: Disable or Modify Cloud Logs, best supported first', () => {
    const a = eventAttack('cloudtrail.amazonaws.com', 'StopLogging');
    expect(a[0]!.technique.id).toBe('T1562.008');
    expect(a[0]!.evidence.map((e) => e.source)).toEqual(expect.arrayContaining(['traildiscover', 'stratus', 'sigma']));
  });

  it('CreateAccessKey: Additional Cloud Credentials, also from ATT&CK’s own description', () => {
    const a = eventAttack('iam.amazonaws.com', 'CreateAccessKey');
    const credentials = a.find((e) => e.technique.id === 'T1098.001');
    expect(credentials?.evidence).toEqual(expect.arrayContaining([{ source: 'attack', ref: 'T1098.001' }]));
  });

  it('covers the events an investigation report needs', () => {
    const expected: [string, string, string][] = [
      ['cloudtrail.amazonaws.com', 'DeleteTrail', 'T1562.008'],
      ['cloudtrail.amazonaws.com', 'UpdateTrail', 'T1562.008'],
      ['cloudtrail.amazonaws.com', 'PutEventSelectors', 'T1562.008'],
      ['iam.amazonaws.com', 'CreateLoginProfile', 'T1098.001'],
      ['iam.amazonaws.com', 'UpdateLoginProfile', 'T1098'],
      ['iam.amazonaws.com', 'AttachUserPolicy', 'T1098.003'],
      ['iam.amazonaws.com', 'AttachRolePolicy', 'T1098.003'],
      ['iam.amazonaws.com', 'PutUserPolicy', 'T1098.003'],
      ['iam.amazonaws.com', 'PutRolePolicy', 'T1098'],
      ['iam.amazonaws.com', 'UpdateAssumeRolePolicy', 'T1098.003'],
      ['iam.amazonaws.com', 'CreateUser', 'T1136.003'],
      ['secretsmanager.amazonaws.com', 'GetSecretValue', 'T1555.006'],
      ['ec2.amazonaws.com', 'GetPasswordData', 'T1555'],
      ['s3.amazonaws.com', 'ListBuckets', 'T1580'],
      ['s3.amazonaws.com', 'GetBucketPolicy', 'T1526'],
      ['s3.amazonaws.com', 'PutBucketPolicy', 'T1048'],
      ['s3.amazonaws.com', 'PutBucketAcl', 'T1048'],
      ['ec2.amazonaws.com', 'ModifySnapshotAttribute', 'T1537'],
      ['ec2.amazonaws.com', 'ModifyImageAttribute', 'T1537'],
      ['kms.amazonaws.com', 'PutKeyPolicy', 'T1486'],
      ['kms.amazonaws.com', 'ScheduleKeyDeletion', 'T1485'],
      ['kms.amazonaws.com', 'DisableKey', 'T1485'],
      ['organizations.amazonaws.com', 'LeaveOrganization', 'T1666'],
      ['sts.amazonaws.com', 'GetCallerIdentity', 'T1087.004'],
      ['signin.amazonaws.com', 'ConsoleLogin', 'T1078.004'],
      ['sts.amazonaws.com', 'AssumeRole', 'T1078.004'],
      ['sts.amazonaws.com', 'AssumeRoleWithSAML', 'T1199'],
      ['sts.amazonaws.com', 'AssumeRoleWithWebIdentity', 'T1550'],
      ['sts.amazonaws.com', 'GetFederationToken', 'T1098.001'],
      ['ec2.amazonaws.com', 'DeleteFlowLogs', 'T1562.008'],
      ['guardduty.amazonaws.com', 'DeleteDetector', 'T1562.001'],
      ['ec2.amazonaws.com', 'DescribeInstances', 'T1580'],
      ['iam.amazonaws.com', 'ListUsers', 'T1087.004'],
    ];
    const missing = expected.filter(([source, name, id]) => !ids(techniquesForEvent(source, name)).includes(id));
    expect(missing).toEqual([]);
  });

  it('says when a source maps an event only in a context', () => {
    const identity = eventAttack('sts.amazonaws.com', 'GetCallerIdentity').find((e) => e.technique.id === 'T1087.004');
    expect(identity?.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'sigma', when: ['userAgent'] })]));
  });

  it('unknown events give nothing', () => {
    expect(techniquesForEvent('', '')).toEqual([]);
    expect(techniquesForEvent('example.amazonaws.com', 'DoSomething')).toEqual([]);
    expect(eventAttack('ec2.amazonaws.com', 'DescribeSpotPriceHistory')).toEqual([]);
  });
});

describe("Trailscope's own mappings", () => {
  it.each(TRAILSCOPE_EVENT_MAPPINGS)('$eventName → $technique: a catalogue technique, a reason, no source maps it yet', (m) => {
    expect(isTechniqueId(m.technique)).toBe(true);
    expect(m.reason.length).toBeGreaterThan(20);
    const fromSources = eventAttack(m.eventSource, m.eventName).filter((e) => e.evidence.some((ev) => ev.source !== 'trailscope'));
    expect(fromSources.map((e) => e.technique.id)).not.toContain(m.technique);
    expect(eventAttack(m.eventSource, m.eventName).find((e) => e.technique.id === m.technique)?.evidence).toEqual([
      { source: 'trailscope', ref: `${m.eventSource}:${m.eventName}`, note: m.reason },
    ]);
  });
});

describe('detection rules', () => {
  it('every rule names catalogue techniques', () => {
    for (const [rule, techniqueIds] of Object.entries(DETECTION_RULE_TECHNIQUES)) {
      expect(techniqueIds.length, rule).toBeGreaterThan(0);
      expect(techniqueIds.filter((id) => !isTechniqueId(id)), rule).toEqual([]);
    }
  });

  it('covers the built-in rules', async () => {
    const { DETECTION_RULE_IDS } = await import('@/lib/detections/rules');
    expect(DETECTION_RULE_IDS.filter((id) => !(id in DETECTION_RULE_TECHNIQUES))).toEqual([]);
  });

  it('agrees with the event table on the events the rules match', () => {
    expect(ids(techniquesForEvent('cloudtrail.amazonaws.com', 'StopLogging'))).toEqual(expect.arrayContaining([...DETECTION_RULE_TECHNIQUES['cloudtrail-logging-stopped']!]));
    expect(ids(techniquesForEvent('iam.amazonaws.com', 'CreateAccessKey'))).toEqual(expect.arrayContaining([...DETECTION_RULE_TECHNIQUES['iam-access-key-for-other-user']!]));
  });
});
