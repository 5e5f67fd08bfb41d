import { describe, expect, it } from 'vitest';
import { CHAIN, SARA, VENDOR } from '@/lib/generator/scenarios';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { getRoleInteractions } from './role-interactions';

const connection = scenarioConnection();

const scope = { from: '2026-09-01T00:00:00Z', to: '2026-11-21T00:00:00Z' };


describe('role resource interaction', () => {
  it('the Identity Center role: assumed by sara through SSO, and it assumed DemoRole1', async () => {
    const r = await getRoleInteractions(connection(), SARA.ssoRole.arn, scope);
    expect(r.assumedBy.map((a) => [a.assumer.type, a.assumer.name])).toContainEqual(['sso-user', 'sara']);
    expect(r.assumedRoles.map((a) => a.roleArn)).toContain(SARA.demoRole.arn);
    expect(r.assumedRoles.find((a) => a.roleArn === SARA.demoRole.arn)?.fromSessions).toEqual([`${SARA.ssoRole.roleId}:sara`]);
    expect(r.sessions.some((s) => s.direction === 'out' && s.sessionId === `${SARA.demoRole.roleId}:sara`)).toBe(true);
  });

  it('the middle of the three-account chain: in from alice’s account, out to production', async () => {
    const r = await getRoleInteractions(connection(), CHAIN.roleB.arn, scope);
    expect(r.assumedBy[0]?.assumer).toMatchObject({ type: 'iam-user', arn: CHAIN.user.arn });
    expect(r.assumedRoles.map((a) => a.roleArn)).toEqual([CHAIN.roleC.arn]);
    expect(r.sessions.filter((s) => s.direction === 'into').every((s) => s.crossAccount)).toBe(true);
  });

  it('the vendor role: only the vendor’s principal assumes it', async () => {
    const r = await getRoleInteractions(connection(), VENDOR.role.arn, scope);
    expect(r.assumedBy.map((a) => a.assumer.arn)).toEqual([VENDOR.callerUser.arn]);
    expect(r.assumedBy[0]?.count).toBeGreaterThan(10);
    expect(r.assumedRoles).toEqual([]);
  });
});
