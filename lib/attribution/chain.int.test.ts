import { describe, expect, it } from 'vitest';
import { CHAIN, SARA } from '@/lib/generator/scenarios';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { getChain } from './chain';

const connection = scenarioConnection();

/** Chains through the real embedded engine, on the generator's scenarios. Scope: all of the data. */
const scope = { from: '2026-09-01T00:00:00Z', to: '2026-11-21T00:00:00Z' };
const chainOf = (principalId: string) => getChain(connection(), principalId, scope, '2026-09-11T00:00:00Z');

describe('the provenance of a role session, hop by hop', () => {
  it('DemoRole1/sara ← the AWSReservedSSO session ← the SSO user sara, every hop proven', async () => {
    const c = await chainOf(`${SARA.demoRole.roleId}:sara`);
    expect(c.end).toBe('origin');
    expect(c.origin).toMatchObject({ type: 'sso-user', name: 'sara' });
    expect(c.hops.map((h) => h.to.sessionId)).toEqual([`${SARA.ssoRole.roleId}:sara`, `${SARA.demoRole.roleId}:sara`]);
    expect(c.hops[1]?.from).toMatchObject({ type: 'role-session', roleArn: SARA.ssoRole.arn });
    expect(c.hops.every((h) => h.label === 'proven' && h.evidenceEventIds.length > 0)).toBe(true);
    expect(c.branches).toBeUndefined();
  });

  it('the three-account chain ProdDeployRole ← CrossAccountOps ← IAM user alice, proven, SourceIdentity alice', async () => {
    const c = await chainOf(`${CHAIN.roleC.roleId}:${CHAIN.sessionNameC}`);
    expect(c.origin).toMatchObject({ type: 'iam-user', arn: CHAIN.user.arn, accountId: CHAIN.accounts[0] });
    expect(c.hops.map((h) => [h.to.sessionId, h.label])).toEqual([
      [`${CHAIN.roleB.roleId}:${CHAIN.sessionNameB}`, 'proven'],
      [`${CHAIN.roleC.roleId}:${CHAIN.sessionNameC}`, 'proven'],
    ]);
    expect(c.sourceIdentity).toBe(CHAIN.sourceIdentity);
    expect(c.branches).toBeUndefined();
  });

  it('a session whose AssumeRole is missing ends in a broken hop, with no origin', async () => {
    const c = await chainOf(`${CHAIN.brokenHop.role.roleId}:${CHAIN.brokenHop.sessionName}`);
    expect(c.origin).toBeNull();
    expect(c.end).toBe('broken');
    expect(c.hops.at(-1)).toMatchObject({ label: 'broken', from: null, reason: expect.stringContaining('no AssumeRole') });
    expect(c.sourceIdentity).toBe(CHAIN.brokenHop.sourceIdentity);
    expect(c.branches).toBeUndefined();
  });
});
