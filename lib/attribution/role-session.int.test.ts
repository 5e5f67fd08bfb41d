import { describe, expect, it } from 'vitest';
import { CHAIN, GENERIC_SESSION, GITLAB_RUNNER, SARA, VENDOR } from '@/lib/generator/scenarios';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { getRoleSessionAttribution } from './role-session';

const connection = scenarioConnection();

/**
 * Attribution through the real embedded engine, on the generator's scenarios, asserting the truths
 * the generator planted. Scope: all of the data.
 */
const scope = { from: '2026-09-01T00:00:00Z', to: '2026-11-21T00:00:00Z' };
const attribute = (principalId: string) => getRoleSessionAttribution(connection(), principalId, scope, '2026-09-11T00:00:00Z');


describe('who assumed the role session', () => {
  it('DemoRole1/sara was assumed by sara’s Identity Center session (role chaining), proven', async () => {
    const a = await attribute(`${SARA.demoRole.roleId}:sara`);
    expect(a.roleArn).toBe(SARA.demoRole.arn);
    expect(a.assumedBy).toHaveLength(1);
    expect(a.assumedBy[0]).toMatchObject({
      confidence: 'proven',
      assumer: { type: 'role-session', key: `${SARA.ssoRole.roleId}:sara`, roleArn: SARA.ssoRole.arn },
    });
    expect(a.unattributed).toEqual([]);
  });

  it('the Identity Center role session was assumed by the SSO user sara', async () => {
    const a = await attribute(`${SARA.ssoRole.roleId}:sara`);
    expect(a.assumedBy.map((x) => [x.assumer.type, x.assumer.name])).toEqual([['sso-user', 'sara']]);
    expect(a.credentials.every((c) => c.confidence === 'proven')).toBe(true);
  });

  it('VendorReadOnly was assumed by the vendor account’s principal, across accounts', async () => {
    const a = await attribute(`${VENDOR.role.roleId}:${VENDOR.sessionName}`);
    expect(a.assumedBy.length).toBeGreaterThanOrEqual(1);
    for (const x of a.assumedBy) expect(x.assumer.accountId).toBe(VENDOR.accountId);
    expect(a.assumedBy[0]?.assumer).toMatchObject({ type: 'iam-user', arn: VENDOR.callerUser.arn });
    const crossAccount = a.credentials.map((c) => c.assumption).filter((x) => x !== null);
    expect(crossAccount.length).toBeGreaterThan(0);
    for (const x of crossAccount) {
      expect(x.crossAccount).toBe(true);
      expect(x.externalIdUsed).toBe(true);
      expect(x.evidenceEventIds).toHaveLength(2);
    }
  });

  it('MyBucketRole/session1 was assumed by two different people re-using one session name', async () => {
    const a = await attribute(`${GENERIC_SESSION.role.roleId}:${GENERIC_SESSION.sessionName}`);
    const names = a.assumedBy.map((x) => x.assumer.arn).sort();
    expect(names).toEqual([GENERIC_SESSION.otherUser.arn, GENERIC_SESSION.supportUser.arn].sort());
  });

  it('GitlabRunnerRole sessions are issued by EC2 for the instance, proven by access key', async () => {
    const a = await attribute(`${GITLAB_RUNNER.role.roleId}:${GITLAB_RUNNER.instanceIds[1]}`);
    expect(a.assumedBy.map((x) => x.assumer)).toEqual([expect.objectContaining({ type: 'aws-service', name: 'ec2.amazonaws.com' })]);
    expect(a.credentials.every((c) => c.link === 'access-key')).toBe(true);
  });

  it('the three-account chain: ProdDeployRole ← CrossAccountOps session ← IAM user alice', async () => {
    const c = await attribute(`${CHAIN.roleC.roleId}:${CHAIN.sessionNameC}`);
    expect(c.assumedBy[0]?.assumer).toMatchObject({ type: 'role-session', key: `${CHAIN.roleB.roleId}:${CHAIN.sessionNameB}`, roleArn: CHAIN.roleB.arn });
    const b = await attribute(`${CHAIN.roleB.roleId}:${CHAIN.sessionNameB}`);
    expect(b.assumedBy[0]?.assumer).toMatchObject({ type: 'iam-user', arn: CHAIN.user.arn, accountId: CHAIN.accounts[0] });
    expect(b.credentials.every((x) => x.assumption?.sourceIdentity === CHAIN.sourceIdentity)).toBe(true);
  });

  it('the GitHub Actions role was assumed by the workflow’s web identity', async () => {
    const a = await attribute(`${CHAIN.github.role.roleId}:${CHAIN.github.sessionName}`);
    expect(a.assumedBy.map((x) => [x.assumer.type, x.assumer.name])).toEqual([['web-identity-user', CHAIN.github.subject]]);
  });

  it('a session whose AssumeRole is missing from the data has an unknown assumer, with the reason', async () => {
    const a = await attribute(`${CHAIN.brokenHop.role.roleId}:${CHAIN.brokenHop.sessionName}`);
    expect(a.credentials.length).toBeGreaterThan(0);
    expect(a.assumedBy).toEqual([]);
    expect(a.unattributed[0]).toMatchObject({ link: 'none', reason: expect.stringContaining('no AssumeRole') });
  });
});
