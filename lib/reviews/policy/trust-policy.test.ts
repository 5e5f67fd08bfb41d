import { describe, expect, it } from 'vitest';
import { trustedPrincipals, trustUse } from './trust-policy';

const doc = (statement: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: statement });

describe('trust policies', () => {
  it('lists who may call sts:AssumeRole, with ExternalId and other conditions', () => {
    const t = trustedPrincipals(
      doc([
        { Effect: 'Allow', Principal: { AWS: ['444455556666', 'arn:aws:iam::777788889999:user/bot'] }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:externalid': 'x' }, IpAddress: { 'aws:SourceIp': '1.2.3.4/32' } } },
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: ['sts:AssumeRole'] },
        { Effect: 'Allow', Principal: '*', Action: 'sts:*' },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:TagSession' },
        { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' },
      ]),
    );
    expect(t?.map((p) => [p.principal, p.kind, p.accountId, p.externalIdRequired, p.otherConditions])).toEqual([
      ['444455556666', 'account', '444455556666', true, ['aws:SourceIp']],
      ['arn:aws:iam::777788889999:user/bot', 'user', '777788889999', true, ['aws:SourceIp']],
      ['ec2.amazonaws.com', 'service', null, false, []],
      ['*', 'anyone', null, false, []],
    ]);
    expect(trustedPrincipals('not a policy')).toBeNull();
  });

  it('tells used, never used and unknown trusts apart', () => {
    const [account, user, role] = trustedPrincipals(
      doc({ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::444455556666:root', 'arn:aws:iam::444455556666:user/acme-collector', 'arn:aws:iam::444455556666:role/ops/Collector'] }, Action: 'sts:AssumeRole' }),
    )!;
    const byUser = [{ accountId: '444455556666', arn: 'arn:aws:iam::444455556666:user/acme-collector' }];
    expect([trustUse(account!, byUser), trustUse(user!, byUser), trustUse(role!, byUser)]).toEqual(['used', 'used', 'never']);
    const bySession = [{ accountId: '444455556666', arn: 'arn:aws:sts::444455556666:assumed-role/Collector/run-1' }];
    expect(trustUse(role!, bySession)).toBe('used');
    // Only the role account's copy: the caller's account is known, its ARN is not.
    expect(trustUse(user!, [{ accountId: '444455556666', arn: null }])).toBe('unknown');
    expect(trustUse(account!, [])).toBe('never');
  });
});
