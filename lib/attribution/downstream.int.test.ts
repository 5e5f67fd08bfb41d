import { describe, expect, it } from 'vitest';
import { CHAIN, SARA } from '@/lib/generator/scenarios';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { getDownstream } from './downstream';

const connection = scenarioConnection();
const scope = { from: '2026-09-01T00:00:00Z', to: '2026-11-21T00:00:00Z' };

describe('downstream sessions on the scenario store', () => {
  it('sara’s Identity Center session started DemoRole1/sara', async () => {
    const { hops } = await getDownstream(connection(), `${SARA.ssoRole.roleId}:sara`, scope);
    expect(hops.map((h) => h.sessionId)).toContain(`${SARA.demoRole.roleId}:sara`);
  });

  it('alice’s CrossAccountOps session started the production deploy session, across accounts', async () => {
    const { hops } = await getDownstream(connection(), `${CHAIN.roleB.roleId}:${CHAIN.sessionNameB}`, scope);
    const deploy = hops.find((h) => h.sessionId === `${CHAIN.roleC.roleId}:${CHAIN.sessionNameC}`);
    expect(deploy).toMatchObject({ depth: 1, crossAccount: true, roleArn: CHAIN.roleC.arn });
  });
});
