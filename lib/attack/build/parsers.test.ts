import { describe, expect, it } from 'vitest';
import { assembleAttackData } from './assemble';
import { buildCtidGuardDuty, findingTypesIn } from './ctid-guardduty';
import { eventsNamedInDescription, pascalFromKebab } from './event-names';
import { formatJson } from './format-json';
import { parseSigmaRule } from './sigma-rules';
import { buildStixCatalogue } from './stix-catalogue';
import { parseStratusTechnique } from './stratus-techniques';
import { parseTrailDiscoverEvent } from './traildiscover-events';

const ref = (id: string) => [{ source_name: 'mitre-attack', external_id: id }];
const pattern = (stixId: string, id: string, name: string, platforms: string[], extra: Record<string, unknown> = {}) => ({
  type: 'attack-pattern',
  id: `attack-pattern--${stixId}`,
  name,
  description: '',
  external_references: ref(id),
  kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'defense-evasion' }],
  x_mitre_platforms: platforms,
  ...extra,
});
const STIX = [
  { type: 'x-mitre-collection', id: 'x-mitre-collection--1', x_mitre_version: '18.1' },
  { type: 'x-mitre-matrix', id: 'x-mitre-matrix--1', name: 'Enterprise ATT&CK', tactic_refs: ['x-mitre-tactic--p', 'x-mitre-tactic--d'] },
  { type: 'x-mitre-tactic', id: 'x-mitre-tactic--d', name: 'Defense Evasion', x_mitre_shortname: 'defense-evasion', external_references: ref('TA0005') },
  { type: 'x-mitre-tactic', id: 'x-mitre-tactic--p', name: 'Persistence', x_mitre_shortname: 'persistence', external_references: ref('TA0003') },
  pattern('a', 'T1562', 'Impair Defenses', ['IaaS', 'Windows']),
  pattern('b', 'T1562.008', 'Disable or Modify Cloud Logs', ['IaaS', 'SaaS', 'Identity Provider', 'Office Suite'], {
    description: 'For example, in AWS an adversary may call the <code>StopLogging</code> API.(Citation: AWS StopLogging) In GCP, `gcloud logging sinks delete`.',
    kill_chain_phases: [
      { kill_chain_name: 'mitre-attack', phase_name: 'defense-evasion' },
      { kill_chain_name: 'mitre-attack', phase_name: 'persistence' },
    ],
  }),
  pattern('c', 'T1070.001', 'Clear Windows Event Logs', ['Windows']),
  pattern('d', 'T1089', 'Disabling Security Tools', ['IaaS'], { revoked: true }),
  pattern('e', 'T1562.099', 'Retired', ['IaaS'], { x_mitre_deprecated: true }),
  { type: 'relationship', id: 'relationship--1', relationship_type: 'revoked-by', source_ref: 'attack-pattern--d', target_ref: 'attack-pattern--b' },
];

describe('buildStixCatalogue', () => {
  const c = buildStixCatalogue(STIX);

  it('keeps current techniques of a cloud platform, with parent, tactics in matrix order and url', () => {
    expect(c.version).toBe('18.1');
    expect(c.tactics.map((t) => t.id)).toEqual(['TA0003', 'TA0005']);
    expect(c.techniques).toEqual([
      { id: 'T1562', name: 'Impair Defenses', tactics: ['defense-evasion'], platforms: ['IaaS'], url: 'https://attack.mitre.org/techniques/T1562/' },
      {
        id: 'T1562.008',
        name: 'Disable or Modify Cloud Logs',
        parentName: 'Impair Defenses',
        tactics: ['persistence', 'defense-evasion'],
        platforms: ['IaaS', 'SaaS', 'Identity Provider', 'Office Suite'],
        url: 'https://attack.mitre.org/techniques/T1562/008/',
      },
    ]);
  });

  it('carries a revoked id to its replacement', () => {
    expect(c.revokedBy).toEqual({ T1089: 'T1562.008' });
  });

  it('refuses a release that names a cloud platform differently', () => {
    const renamed = STIX.map((o) => (o.type === 'attack-pattern' && o.id === 'attack-pattern--b' ? { ...o, x_mitre_platforms: ['IaaS', 'SaaS', 'Azure AD', 'Office Suite'] } : o));
    expect(() => buildStixCatalogue(renamed)).toThrow(/Identity Provider/);
  });
});

describe('buildCtidGuardDuty', () => {
  const row = (id: string, comments: string) => ({ capability_id: 'amazon_guardduty', attack_object_id: id, mapping_type: 'technique_scores', comments, status: 'complete' });
  const file = {
    metadata: { attack_version: '16.1', mapping_framework_version: '12/12/2024' },
    mapping_objects: [
      row('T1078', 'GuardDuty flags: UnauthorizedAccess:IAMUser/TorIPCaller, UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.'),
      row('T1078.004', 'Listed findings above flag instances where there are indications of account compromise.'),
      row('T1562.008', 'The following findings: Stealth:IAMUser/CloudTrailLoggingDisabled Backdoor:EC2/C&CActivity.B!DNS'),
      row('T1526', 'GuardDuty flags events where there is an attempt to discover information about resources.'),
      { ...row('T1000', 'Stealth:IAMUser/Other'), capability_id: 'aws_config' },
    ],
  };

  it('gives each type the techniques whose comment names it, and sub-techniques their parent’s types', () => {
    const g = buildCtidGuardDuty(file);
    expect(Object.fromEntries([...g.types].map(([t, ids]) => [t, [...ids].sort()]))).toEqual({
      'UnauthorizedAccess:IAMUser/TorIPCaller': ['T1078', 'T1078.004'],
      'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration': ['T1078', 'T1078.004'],
      'Stealth:IAMUser/CloudTrailLoggingDisabled': ['T1562.008'],
      'Backdoor:EC2/C&CActivity.B!DNS': ['T1562.008'],
    });
    expect(g.capabilityOnly).toEqual(['T1526']);
    expect(g.mappingDate).toBe('12/12/2024');
  });

  it('reads finding types out of prose without the sentence’s punctuation', () => {
    expect(findingTypesIn('as Recon:EC2/Portscan, and Trojan:EC2/DGADomainRequest.C!DNS.')).toEqual(['Recon:EC2/Portscan', 'Trojan:EC2/DGADomainRequest.C!DNS']);
    expect(findingTypesIn('see https://docs.aws.amazon.com/guardduty/')).toEqual([]);
  });
});

describe('eventsNamedInDescription', () => {
  it('reads API names, CLI commands and service:Operation in sentences about AWS', () => {
    const text =
      'The AWS command <code>aws iam list-users</code> lists users. In AWS, use the `sts:GetFederationToken` API call. ' +
      'This can be done with `get-secret-value` in AWS. Examples include ListObjectsV2 in AWS and List Blobs in Azure. ' +
      'In AWS, with the `PutLifecycleConfiguration` permission, they call the `PutBucketLifecycle` API. ' +
      'Services such as AWS SES, SendGrid and Twilio. Azure has the `CreateAccessKey`-like <code>NewKeyPair</code>.';
    expect(eventsNamedInDescription(text).map((e) => `${e.eventSource}:${e.eventName}`).sort()).toEqual([
      '*:GetSecretValue',
      '*:ListObjectsV2',
      '*:PutBucketLifecycle',
      'iam.amazonaws.com:ListUsers',
      'sts.amazonaws.com:GetFederationToken',
    ]);
  });

  it('converts CLI operation names', () => {
    expect(pascalFromKebab('get-secret-value')).toBe('GetSecretValue');
  });
});

describe('parseStratusTechnique', () => {
  const md = [
    '# Create an admin user',
    '## Mappings',
    '- MITRE ATT&CK',
    '    - Persistence',
    '  - Privilege Escalation',
    '- Threat Technique Catalog for AWS:',
    '    - [Create Account: Create Cloud Account](https://example/T1136.003.html) (T1136.003)',
    '    - [Leave AWS Organization](https://example/T1666.A002.html) (T1666.A002)',
    '## Description',
    'Call iam:CreateUser.',
    '## Detection',
    'Through CloudTrail\'s <code>CreateUser</code> and <code>SharedSnapshotCopyInitiated</code> events, with <code>requestParameters.userName</code>.',
    '## Detonation logs',
    '- `iam:CreateUser`',
    '- `sts:GetCallerIdentity`',
  ].join('\n');

  it('keeps ATT&CK ids, tactics, and the logged events its Detection names', () => {
    expect(parseStratusTechnique('aws.persistence.iam-create-admin-user', md)).toEqual({
      id: 'aws.persistence.iam-create-admin-user',
      techniqueIds: ['T1136.003'],
      tactics: ['Persistence', 'Privilege Escalation'],
      events: [{ eventSource: 'iam.amazonaws.com', eventName: 'CreateUser' }],
    });
  });

  it('without detonation logs, the events its Detection names, on any service', () => {
    const noLogs = md.slice(0, md.indexOf('## Detonation logs'));
    expect(parseStratusTechnique('x', noLogs).events.map((e) => `${e.eventSource}:${e.eventName}`)).toEqual(['*:CreateUser', '*:SharedSnapshotCopyInitiated']);
  });
});

describe('parseSigmaRule', () => {
  it('maps the matched events, not the filtered ones, and names the context fields', () => {
    const r = parseSigmaRule('aws_example', {
      title: 'Example',
      author: 'A. Author',
      tags: ['attack.defense-evasion', 'attack.t1562.008', 'attack.T1078'],
      detection: {
        selection_source: { eventSource: 'guardduty.amazonaws.com' },
        selection_action_delete: { eventName: 'DeleteDetector' },
        selection_action_update: { eventName: 'UpdateDetector', 'requestParameters.enable': 'false' },
        selection_status: { errorCode: 'Success' },
        filter_main: [{ eventName: 'CreateDetector' }, { 'userAgent|contains': 'Terraform' }],
        condition: 'selection_source and 1 of selection_action_* and selection_status and not 1 of filter_*',
      },
    });
    expect(r.techniqueIds).toEqual(['T1562.008', 'T1078']);
    expect(r.author).toBe('A. Author');
    expect(r.events).toEqual([
      { eventSource: 'guardduty.amazonaws.com', eventName: 'DeleteDetector', when: ['userAgent'] },
      { eventSource: 'guardduty.amazonaws.com', eventName: 'UpdateDetector', when: ['requestParameters.enable', 'userAgent'] },
    ]);
  });

  it('leaves the service open when a rule matches several', () => {
    const r = parseSigmaRule('aws_sso', {
      title: 'SSO',
      tags: ['attack.t1556'],
      detection: { selection: { eventSource: ['sso.amazonaws.com', 'sso-directory.amazonaws.com'], eventName: ['AssociateDirectory'] }, condition: 'selection' },
    });
    expect(r.events).toEqual([{ eventSource: '*', eventName: 'AssociateDirectory', when: [] }]);
  });
});

describe('parseTrailDiscoverEvent', () => {
  it('reads verified techniques and sub-techniques, not the unverified ones', () => {
    expect(
      parseTrailDiscoverEvent('CloudTrail/PutEventSelectors', {
        eventName: 'PutEventSelectors',
        eventSource: 'cloudtrail.amazonaws.com',
        mitreAttackTechniques: ['T1562 - Impair Defenses'],
        mitreAttackSubTechniques: ['T1562.001: Impair Defenses: Disable or Modify Tools'],
        unverifiedMitreAttackTechniques: [{ technique: 'T1070 - Indicator Removal', reason: '…' }],
      }),
    ).toEqual({ ref: 'CloudTrail/PutEventSelectors', eventSource: 'cloudtrail.amazonaws.com', eventName: 'PutEventSelectors', techniqueIds: ['T1562', 'T1562.001'] });
  });
});

describe('assembleAttackData', () => {
  it('carries revoked ids forward, drops ids outside the catalogue and says so', () => {
    const catalogue = buildStixCatalogue(STIX);
    const source = { name: 's', repository: 'o/n', commit: '0'.repeat(40), path: '.', licence: 'l' };
    const { data, dropped } = assembleAttackData({
      attackVersion: '18.1',
      sources: { attack: source, ctid: source, traildiscover: source, stratus: source, sigma: source },
      catalogue,
      ctid: { attackVersion: '16.1', mappingDate: 'd', types: new Map([['Stealth:IAMUser/X', new Set(['T1089', 'T1071'])]]), capabilityOnly: [] },
      traildiscover: [{ ref: 'CloudTrail/StopLogging', eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', techniqueIds: ['T1562.008'] }],
      stratus: [],
      sigma: [{ name: 'rule', title: 't', techniqueIds: ['T1562.008'], events: [{ eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', when: [] }] }],
    });
    expect(data.guardDutyTypes).toEqual({ 'Stealth:IAMUser/X': ['T1562.008'] });
    expect(data.guardDutyOutsideCloudMatrix).toEqual(['T1071']);
    expect(dropped).toEqual([{ source: 'ctid', ref: 'Stealth:IAMUser/X', id: 'T1071' }]);
    expect(data.events['cloudtrail.amazonaws.com:StopLogging']).toEqual([
      { technique: 'T1562.008', evidence: [{ source: 'traildiscover', ref: 'CloudTrail/StopLogging' }, { source: 'sigma', ref: 'rule' }] },
    ]);
    // The description of T1562.008 names StopLogging in an AWS sentence.
    expect(data.events['*:StopLogging']).toEqual([{ technique: 'T1562.008', evidence: [{ source: 'attack', ref: 'T1562.008' }] }]);
  });
});

describe('formatJson', () => {
  it('one record per line below the second level', () => {
    expect(formatJson({ a: [{ id: 1 }, { id: 2 }], b: { c: [1, 2] } })).toBe('{\n  "a": [\n    {"id":1},\n    {"id":2}\n  ],\n  "b": {\n    "c": [1,2]\n  }\n}');
  });
});
