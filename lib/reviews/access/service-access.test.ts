import { describe, expect, it } from 'vitest';
import type { PrincipalUsageRow } from '@/lib/reviews/queries/principal-usage';
import { classifyServices, denyUnusedServices, suggestLeastPrivilegePolicy, usedServices } from './service-access';
import type { Grants } from './granted-services';

const usage = (eventSource: string, eventName: string, success: number, lastUsed: string | null, failed = 0): PrincipalUsageRow => ({
  eventSource,
  eventName,
  success,
  failed,
  firstUsed: lastUsed,
  lastUsed,
  lastAttempt: lastUsed ?? '2026-11-19T00:00:00Z',
});

const rows = [
  usage('ec2.amazonaws.com', 'DescribeInstances', 40, '2026-11-19T10:00:00Z'),
  usage('ec2.amazonaws.com', 'RunInstances', 3, '2026-11-18T10:00:00Z'),
  usage('ecr.amazonaws.com', 'GetAuthorizationToken', 10, '2026-07-01T10:00:00Z'),
  usage('sts.amazonaws.com', 'GetCallerIdentity', 1, '2026-11-19T11:00:00Z'),
  usage('iam.amazonaws.com', 'ListAttachedRolePolicies', 0, null, 1),
  usage('lambda.amazonaws.com', 'ListFunctions20150331', 2, '2026-11-01T00:00:00Z'),
];

const grants: Grants = {
  services: [
    { service: 'ec2', actions: ['ec2:DescribeInstances', 'ec2:RunInstances'], policies: ['Scaling'] },
    { service: 'ecr', actions: ['ecr:GetAuthorizationToken'], policies: ['Scaling'] },
    { service: 's3', actions: ['s3:GetBucketLocation', 's3:GetObject'], policies: ['cache'] },
    { service: 'dynamodb', actions: ['dynamodb:GetItem'], policies: ['cache'] },
    { service: 'execute-api', actions: ['execute-api:Invoke'], policies: ['api'] },
    { service: 'iam', actions: ['iam:PassRole'], policies: ['Scaling'] },
  ],
  unresolvedPolicies: [],
};

describe('used services', () => {
  it('groups calls by IAM service, most recently used first; a denied call is not a use', () => {
    const used = usedServices(rows);
    expect(used.map((u) => [u.service, u.lastUsed])).toEqual([
      ['sts', '2026-11-19T11:00:00Z'],
      ['ec2', '2026-11-19T10:00:00Z'],
      ['lambda', '2026-11-01T00:00:00Z'],
      ['ecr', '2026-07-01T10:00:00Z'],
      ['iam', null],
    ]);
    expect(used.find((u) => u.service === 'lambda')?.actions[0]?.action).toBe('lambda:ListFunctions');
  });
});

describe('granted versus used', () => {
  const classify = (dataEventSources: string[]) =>
    Object.fromEntries(classifyServices(grants, usedServices(rows), { days: 90, scopeTo: '2026-11-20T00:00:00Z', dataEventSources }).map((s) => [s.service, s.status]));

  it('marks used, not used in N days, never used and unknown', () => {
    expect(classify(['s3.amazonaws.com'])).toEqual({ ec2: 'used', ecr: 'not-used-recently', s3: 'never-used', dynamodb: 'unknown', 'execute-api': 'unknown', iam: 'unknown' });
  });

  it('a granted service named like an Object.prototype member is classified, not a TypeError', () => {
    const odd: Grants = {
      services: ['constructor', '__proto__', 'toString'].map((service) => ({ service, actions: [`${service}:Get*`], policies: ['odd'] })),
      unresolvedPolicies: [],
    };
    const classified = classifyServices(odd, usedServices(rows), { days: 90, scopeTo: '2026-11-20T00:00:00Z', dataEventSources: [] });
    expect(classified.map((s) => [s.service, s.status])).toEqual([
      ['constructor', 'never-used'],
      ['__proto__', 'never-used'],
      ['toString', 'never-used'],
    ]);
  });

  it('keeps a service with management actions "never used" but says data-plane use cannot be seen', () => {
    const s3 = classifyServices(grants, usedServices(rows), { days: 90, scopeTo: '2026-11-20T00:00:00Z', dataEventSources: [] }).find((s) => s.service === 's3');
    expect(s3?.status).toBe('never-used');
    expect(s3?.note).toMatch(/data events are not in the trail/);
  });
});

describe('least-privilege policy', () => {
  it('allows exactly the actions that succeeded, one statement per service, without calls that need no permission', () => {
    const policy = suggestLeastPrivilegePolicy(usedServices(rows));
    expect(policy?.Statement).toEqual([
      { Sid: 'UsedEc2', Effect: 'Allow', Action: ['ec2:DescribeInstances', 'ec2:RunInstances'], Resource: '*' },
      { Sid: 'UsedEcr', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' },
      { Sid: 'UsedLambda', Effect: 'Allow', Action: ['lambda:ListFunctions'], Resource: '*' },
    ]);
    expect(suggestLeastPrivilegePolicy([])).toBeNull();
  });

  it('denies the granted services not used, never the unknown ones', () => {
    const access = classifyServices(grants, usedServices(rows), { days: 90, scopeTo: '2026-11-20T00:00:00Z', dataEventSources: ['s3.amazonaws.com'] });
    expect(denyUnusedServices(access)?.Statement).toEqual([{ Sid: 'DenyUnusedServices', Effect: 'Deny', Action: ['ecr:*', 's3:*'], Resource: '*' }]);
  });
});
