import { describe, expect, it } from 'vitest';
import { CHAIN, GITLAB_RUNNER, VENDOR } from '@/lib/generator/scenarios';
import { assumedRoleArn } from '@/lib/generator/world';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { getIpPrincipals } from './ip-profile';
import { getServiceAssumptions } from './service-profile';
import { getUserProfile } from './user-profile';

/** The three profiles through the real embedded engine, on the generator's truths. Scope: all of the data. */
const connection = scenarioConnection();
const scope = { from: '2026-09-01T00:00:00Z', to: '2026-11-21T00:00:00Z' };

describe('user profile', () => {
  it('the vendor’s acme-collector assumed VendorReadOnly across accounts, with its long-term key, from the vendor’s addresses', async () => {
    const p = await getUserProfile(connection(), VENDOR.callerUser.arn, scope);
    expect(p.rolesAssumed.map((r) => r.roleArn)).toEqual([VENDOR.role.arn]);
    const vendor = p.rolesAssumed[0];
    expect(vendor?.crossAccount).toBe(true);
    expect(vendor?.roleAccountId).toBe(VENDOR.role.accountId);
    expect(vendor?.count).toBeGreaterThan(10);
    expect(vendor?.sessions).toEqual([{ sessionId: `${VENDOR.role.roleId}:${VENDOR.sessionName}`, sessionName: VENDOR.sessionName, count: vendor?.count }]);
    // Both copies of every call were found: the caller's and the role account's (which names it only by principal id).
    expect(p.assumptionsPanel?.rows.length).toBe(2 * (vendor?.count ?? 0));
    expect(p.accessKeys).toHaveLength(1);
    expect(p.accessKeys[0]).toMatchObject({ accessKeyId: VENDOR.callerUser.accessKeyId, kind: 'long-term' });
    expect([...(p.accessKeys[0]?.sourceIps ?? [])].sort()).toEqual(VENDOR.ips.map((i) => i.ip).sort());
    expect(p.keysCapped).toBe(false);
  });

  it('alice’s hop into the management account is cross-account', async () => {
    const p = await getUserProfile(connection(), CHAIN.user.arn, scope);
    const hop = p.rolesAssumed.find((r) => r.roleArn === CHAIN.roleB.arn);
    expect(hop?.crossAccount).toBe(true);
    expect(hop?.sessions.map((s) => s.sessionName)).toContain(CHAIN.sessionNameB);
    expect(hop?.sessions.every((s) => s.sessionId?.startsWith(`${CHAIN.roleB.roleId}:`))).toBe(true);
  });

  it('a console user’s sign-in sessions show as console sessions, and its sign-in as a call without a key', async () => {
    const p = await getUserProfile(connection(), 'arn:aws:iam::123456789012:user/hmueller', scope);
    const kinds = new Set(p.accessKeys.map((k) => k.kind));
    expect(kinds).toEqual(new Set(['console-session', 'no-key']));
    expect(p.accessKeys.filter((k) => k.kind === 'console-session').every((k) => k.accessKeyId?.startsWith('ASIA') && k.mfa === true)).toBe(true);
    expect(p.rolesAssumed).toEqual([]);
  });

  it('an account’s root user: its console sessions, and no AssumeRole query matching other principals by account id', async () => {
    const p = await getUserProfile(connection(), 'arn:aws:iam::111122223333:root', scope);
    expect(p.accessKeys.some((k) => k.kind === 'console-session')).toBe(true);
    expect(p.assumptionsPanel?.params).toContain('111122223333');
    expect(p.rolesAssumed).toEqual([]);
  });

  it('a user with no call in the scope runs no AssumeRole query', async () => {
    const p = await getUserProfile(connection(), VENDOR.callerUser.arn, { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' });
    expect(p.accessKeys).toEqual([]);
    expect(p.assumptionsPanel).toBeNull();
  });
});

describe('service profile', () => {
  it('ec2.amazonaws.com assumed GitlabRunnerRole for the runner instances, named by instance id', async () => {
    const s = await getServiceAssumptions(connection(), 'ec2.amazonaws.com', scope);
    const runner = s.rolesAssumed.find((r) => r.roleArn === GITLAB_RUNNER.role.arn);
    expect(runner?.sessions.map((x) => x.sessionName).sort()).toEqual([...GITLAB_RUNNER.instanceIds].sort());
    expect(runner?.sessions.every((x) => x.sessionId === `${GITLAB_RUNNER.role.roleId}:${x.sessionName}`)).toBe(true);
    expect(runner?.crossAccount).toBe(false);
    expect(runner?.count).toBe(runner?.sessions.reduce((n, x) => n + x.count, 0));
    // Only the service's own calls: no role session that merely acted through EC2.
    expect(s.panel.rows.every((r) => r.callerType === 'AWSService' && r.callerInvokedBy === 'ec2.amazonaws.com')).toBe(true);
  });

  it('a service that assumed nothing has an empty list', async () => {
    const s = await getServiceAssumptions(connection(), 'cloudtrail.amazonaws.com', scope);
    expect(s.rolesAssumed).toEqual([]);
  });
});

describe('IP profile', () => {
  it('the vendor’s address was used by acme-collector and by the VendorReadOnly sessions it opened', async () => {
    const ip = await getIpPrincipals(connection(), VENDOR.ips[0]?.ip ?? '', scope);
    const user = ip.principals.find((p) => p.typeLabel === 'IAM user');
    expect(user).toMatchObject({ label: VENDOR.callerUser.name, accountId: VENDOR.accountId, eventsPrincipal: VENDOR.callerUser.arn });
    expect(user?.profileHref).toBe(`/users/${encodeURIComponent(VENDOR.callerUser.arn)}?from=${encodeURIComponent(scope.from)}&to=${encodeURIComponent(scope.to)}`);
    const session = ip.principals.find((p) => p.label === `${VENDOR.role.name}/${VENDOR.sessionName}`);
    expect(session?.typeLabel).toBe('role session');
    expect(session?.eventsPrincipal).toBe(`${VENDOR.role.roleId}:${VENDOR.sessionName}`);
    expect(session?.profileHref).toContain(`/role-sessions/${encodeURIComponent(`${VENDOR.role.roleId}:${VENDOR.sessionName}`)}`);
    // The role account's copy of each AssumeRole (naming the vendor by principal id only) is folded into the user.
    expect(ip.principals.find((p) => p.typeLabel === 'another account')).toBeUndefined();
    expect(user?.roleAccountCopies).toBeGreaterThan(0);
    expect(ip.principals.reduce((n, p) => n + p.events + p.roleAccountCopies, 0)).toBe(ip.panel.rows.reduce((n, r) => n + r.events, 0));
  });

  it('ec2.amazonaws.com as a source address is the EC2 service itself', async () => {
    const ip = await getIpPrincipals(connection(), 'ec2.amazonaws.com', scope);
    expect(ip.principals[0]).toMatchObject({ label: 'ec2.amazonaws.com', typeLabel: 'AWS service', eventsPrincipal: 'ec2.amazonaws.com' });
    expect(ip.principals[0]?.profileHref).toContain('/services/ec2.amazonaws.com');
  });

  it('an address nobody used lists nobody', async () => {
    const ip = await getIpPrincipals(connection(), '192.0.2.1', scope);
    expect(ip.principals).toEqual([]);
    expect(assumedRoleArn(VENDOR.role, VENDOR.sessionName)).toContain('assumed-role/VendorReadOnly');
  });
});
