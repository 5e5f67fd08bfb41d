import { describe, expect, it } from 'vitest';
import { CHAIN, GENERIC_SESSION, GITLAB_RUNNER, SARA } from '@/lib/generator/scenarios';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { loadGraph } from './load';

const connection = scenarioConnection();
const scope = { from: '2026-09-01T00:00:00Z', to: '2026-11-21T00:00:00Z' };
const graph = (focus: string, expand: string[] = []) => loadGraph(connection(), focus, expand, scope, '2026-09-11T00:00:00Z');
const edge = (g: Awaited<ReturnType<typeof graph>>, source: string, target: string) => g.edges.find((e) => e.source === source && e.target === target && e.kind === 'assumed');

describe('the role-chaining graph on the scenario store', () => {
  it('DemoRole1/sara: one hop each way, and the path to origin runs through the SSO session to sara', async () => {
    const demo = `session:${SARA.demoRole.roleId}:sara`;
    const sso = `session:${SARA.ssoRole.roleId}:sara`;
    const g = await graph(demo);
    expect(g.nodes.find((n) => n.id === demo)).toMatchObject({ focus: true, expanded: true, accountId: SARA.demoRole.arn.split(':')[4] });
    expect(edge(g, sso, demo)).toMatchObject({ label: 'proven', count: 1 });
    expect(g.edges.find((e) => e.id === `of:role:${SARA.demoRole.arn}->${demo}`)).toBeDefined();
    const origin = g.originPath;
    expect(origin?.end).toBe('origin');
    expect(origin?.origin).toMatchObject({ type: 'sso-user', name: 'sara' });
    expect(origin?.nodeIds.slice(1)).toEqual([sso, demo]);
    expect(g.nodes.find((n) => n.id === origin?.nodeIds[0])).toMatchObject({ kind: 'sso-user', accountId: null });
    expect(g.queries.length).toBeGreaterThan(0);
  });

  it('expanding the SSO session and its role brings in every sign-in by sara in the scope', async () => {
    const demo = `session:${SARA.demoRole.roleId}:sara`;
    const sso = `session:${SARA.ssoRole.roleId}:sara`;
    const signIns = (g: Awaited<ReturnType<typeof graph>>) => {
      const sara = g.nodes.find((n) => n.kind === 'sso-user' && n.label === 'sara');
      return edge(g, sara?.id ?? '', sso)?.count ?? 0;
    };
    const before = await graph(demo);
    const after = await graph(demo, [sso, `role:${SARA.ssoRole.arn}`]);
    expect(after.nodes.find((n) => n.id === sso)?.expanded).toBe(true);
    expect(after.expanded).toEqual([sso, `role:${SARA.ssoRole.arn}`]);
    // Before, only the chain's hop (the sign-in that issued the session used); after, every sign-in.
    expect(signIns(before)).toBe(1);
    expect(signIns(after)).toBeGreaterThan(30);
  });

  it('the three-account chain: alice → CrossAccountOps → ProdDeployRole, account by account, every hop proven', async () => {
    const b = `session:${CHAIN.roleB.roleId}:${CHAIN.sessionNameB}`;
    const c = `session:${CHAIN.roleC.roleId}:${CHAIN.sessionNameC}`;
    const user = `user:${CHAIN.user.arn}`;
    const g = await graph(c);
    expect(g.originPath?.nodeIds).toEqual([user, b, c]);
    expect(g.originPath?.sourceIdentity).toBe(CHAIN.sourceIdentity);
    for (const id of g.originPath?.edgeIds ?? []) expect(g.edges.find((e) => e.id === id)?.label).toBe('proven');
    expect(edge(g, b, c)?.crossAccount).toBe(true);
    expect(g.nodes.filter((n) => [user, b, c].includes(n.id)).map((n) => n.accountId)).toEqual(expect.arrayContaining([...CHAIN.accounts]));
  });

  it('a session whose AssumeRole is missing: an unknown assumer on a broken edge, no origin', async () => {
    const s = `session:${CHAIN.brokenHop.role.roleId}:${CHAIN.brokenHop.sessionName}`;
    const g = await graph(s);
    const broken = g.edges.find((e) => e.target === s && e.kind === 'assumed');
    expect(broken).toMatchObject({ label: 'broken', reason: expect.stringContaining('no AssumeRole') });
    expect(g.originPath).toMatchObject({ end: 'broken', origin: null });
  });

  it('a role focus: its sessions and who assumed them; MyBucketRole session1 by two different users', async () => {
    const g = await graph(`role:${GENERIC_SESSION.role.arn}`);
    const s1 = g.nodes.find((n) => n.kind === 'session' && n.label === GENERIC_SESSION.sessionName);
    expect(s1).toBeDefined();
    const assumers = g.edges.filter((e) => e.target === s1?.id && e.kind === 'assumed').map((e) => e.source);
    expect(assumers).toEqual(expect.arrayContaining([`user:${GENERIC_SESSION.supportUser.arn}`, `user:${GENERIC_SESSION.otherUser.arn}`]));
    expect(g.originPath).toBeNull();
  });

  it('an AWS service focus: ec2.amazonaws.com → the GitLab runner’s instance sessions', async () => {
    const g = await graph('service:ec2.amazonaws.com');
    const targets = g.edges.filter((e) => e.source === 'service:ec2.amazonaws.com').map((e) => g.nodes.find((n) => n.id === e.target));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.every((n) => n?.kind === 'session')).toBe(true);
    expect(targets.filter((n) => n?.detail === 'GitlabRunnerRole').map((n) => n?.label).sort()).toEqual([...GITLAB_RUNNER.instanceIds].sort());
  });

  it('an IAM user focus: alice’s assumptions', async () => {
    const user = `user:${CHAIN.user.arn}`;
    const g = await graph(user);
    expect(g.edges.some((e) => e.source === user && e.target === `session:${CHAIN.roleB.roleId}:${CHAIN.sessionNameB}`)).toBe(true);
  });
});
