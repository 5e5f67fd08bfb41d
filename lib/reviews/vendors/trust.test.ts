import { describe, expect, it } from 'vitest';
import type { AuthorizationDetails } from '@/lib/reviews/policy/authorization-details';
import type { TrustPolicyEventRow } from '@/lib/reviews/queries/trust-policy-events';
import { knownTrustPolicies, summariseTrust } from './trust';

const P = '123456789012';
const doc = (principal: unknown, condition?: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', Condition: condition }] });
const row = (over: Partial<TrustPolicyEventRow>): TrustPolicyEventRow => ({
  eventId: 'e1',
  eventTime: '2026-11-01T00:00:00Z',
  eventName: 'UpdateAssumeRolePolicy',
  accountId: P,
  roleName: 'Vendor',
  rolePath: null,
  createdArn: null,
  document: doc({ AWS: 'arn:aws:iam::444455556666:root' }),
  ...over,
});

describe('known trust policies', () => {
  it('keeps the newest CloudTrail change per role (rows come newest first), with the role path from CreateRole', () => {
    const known = knownTrustPolicies(
      [
        row({ eventId: 'new', document: doc({ AWS: '444455556666' }, { StringEquals: { 'sts:ExternalId': 'x' } }) }),
        row({ eventId: 'old', eventName: 'CreateRole', eventTime: '2026-10-01T00:00:00Z', rolePath: '/vendors/', createdArn: `arn:aws:iam::${P}:role/vendors/Vendor` }),
        row({ eventId: 'other', roleName: 'Ops', document: 'not json' }),
      ],
      [],
    );
    // UpdateAssumeRolePolicy names the role only; without its CreateRole in the window the path is unknown.
    const t = known.get(`arn:aws:iam::${P}:role/Vendor`);
    expect(t).toMatchObject({ source: 'cloudtrail', evidenceEventId: 'new', setAt: '2026-11-01T00:00:00Z' });
    expect(t?.principals[0]).toMatchObject({ accountId: '444455556666', externalIdRequired: true });
    expect(known.size).toBe(1);
  });

  it('prefers an uploaded file, the current state', () => {
    const upload = {
      accountId: P,
      principals: [{ kind: 'role', arn: `arn:aws:iam::${P}:role/Vendor`, name: 'Vendor', policies: [], trustPolicy: doc({ AWS: 'arn:aws:iam::777788889999:root' }), lastUsed: null }],
      managedPolicies: {},
      counts: { roles: 1, users: 0, groups: 0, policies: 0 },
    } satisfies AuthorizationDetails;
    const t = knownTrustPolicies([row({})], [upload]).get(`arn:aws:iam::${P}:role/Vendor`);
    expect(t?.source).toBe('authorization-details');
    expect(t?.principals.map((p) => p.accountId)).toEqual(['777788889999']);
  });

  it('summarises the outsiders only, with the trusts nobody used', () => {
    const [t] = [...knownTrustPolicies([row({ document: doc({ AWS: ['444455556666', `arn:aws:iam::${P}:root`, 'arn:aws:iam::777788889999:root'] }) })], []).values()];
    const s = summariseTrust(t!, [P], [{ accountId: '444455556666', arn: null }]);
    expect(s.external.map((e) => [e.principal, e.use])).toEqual([
      ['444455556666', 'used'],
      ['arn:aws:iam::777788889999:root', 'never'],
    ]);
    expect(s.unusedTrusts).toEqual(['arn:aws:iam::777788889999:root']);
    expect(s.externalIdRequired).toBe(false);
  });
});
