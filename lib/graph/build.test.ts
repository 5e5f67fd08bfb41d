import { describe, expect, it } from 'vitest';
import type { RoleChain } from '@/lib/attribution/chain';
import type { Assumption } from '@/lib/attribution/types';
import { A, B, alice, assumer, attribution, roleArn, session } from '@/test/fixtures/attribution';
import { buildGraph, linksFromAssumptions, linksFromAttribution, linksFromChain, MAX_GRAPH_NODES, type GraphInput } from './build';

const OPS = roleArn(B, 'Ops');
const DEPLOY = roleArn(A, 'Deploy');
const S_OPS = 'AROAOPSEXAMPLE0001:alice';
const S_DEPLOY = 'AROADEPLOYEXAMPLE01:deploy';
const USER = 'user:arn:aws:iam::111111111111:user/alice';

function input(over: Partial<GraphInput>): GraphInput {
  return { focus: `session:${S_OPS}`, expanded: [], links: [], sessions: [], roles: [], chain: null, ...over };
}

function assumption(over: Partial<Assumption>): Assumption {
  return {
    roleArn: DEPLOY,
    sessionName: 'deploy',
    assumedRoleId: S_DEPLOY,
    accessKeyId: 'ASIADEPLOY0000000001',
    issuedAt: '2026-11-19T11:00:00Z',
    expiresAt: null,
    assumer: session(S_OPS, OPS),
    sourceIdentity: null,
    externalIdUsed: false,
    sourceIp: null,
    userAgent: null,
    callerMfa: null,
    eventName: 'AssumeRole',
    evidenceEventIds: ['ev-deploy-1'],
    accounts: [A, B],
    crossAccount: true,
    ...over,
  };
}

describe('buildGraph', () => {
  it('a session assumed by an IAM user: user → session, role → session, one count', () => {
    const g = buildGraph(input({ links: linksFromAttribution(attribution(S_OPS, OPS, [{ by: alice, events: ['e1'] }])) }));
    expect(g.nodes.map((n) => [n.id, n.kind, n.label, n.accountId, n.focus, n.expanded])).toEqual(
      expect.arrayContaining([
        [USER, 'iam-user', 'alice', A, false, false],
        [`session:${S_OPS}`, 'session', 'alice', B, true, true],
        [`role:${OPS}`, 'role', 'Ops', B, false, false],
      ]),
    );
    expect(g.nodes).toHaveLength(3);
    const edge = g.edges.find((e) => e.kind === 'assumed');
    expect(edge).toMatchObject({ source: USER, target: `session:${S_OPS}`, count: 1, label: 'proven', first: '2026-11-19T10:00:00Z', evidenceEventIds: ['e1'], crossAccount: true });
    expect(g.edges.find((e) => e.kind === 'session-of')).toMatchObject({ source: `role:${OPS}`, target: `session:${S_OPS}`, count: 0 });
  });

  it('counts each assumption once, however many queries found it, and spans first to last', () => {
    const att = attribution(S_OPS, OPS, [
      { by: alice, at: '2026-11-19T10:00:00Z', events: ['e1'] },
      { by: alice, at: '2026-11-19T14:00:00Z', events: ['e2'] },
    ]);
    const again = linksFromAttribution(att);
    const g = buildGraph(input({ links: [...linksFromAttribution(att), ...again] }));
    expect(g.edges.filter((e) => e.kind === 'assumed')).toEqual([
      expect.objectContaining({ count: 2, first: '2026-11-19T10:00:00Z', last: '2026-11-19T14:00:00Z', evidenceEventIds: ['e1', 'e2'] }),
    ]);
  });

  it('keeps the strongest label: a proven link over an inferred one for the same edge', () => {
    const inferred = linksFromAttribution(attribution(S_OPS, OPS, [{ by: alice, confidence: 'inferred', events: ['e1'] }]));
    expect(buildGraph(input({ links: inferred })).edges.find((e) => e.kind === 'assumed')).toMatchObject({ label: 'inferred', reason: 'same role session name within minutes' });
    const proven = linksFromAttribution(attribution(S_OPS, OPS, [{ by: alice, events: ['e2'] }]));
    expect(buildGraph(input({ links: [...inferred, ...proven] })).edges.find((e) => e.kind === 'assumed')).toMatchObject({ label: 'proven', reason: null, count: 2 });
  });

  it('a credential with no AssumeRole behind it: an unknown assumer on a broken edge, not expandable', () => {
    const g = buildGraph(input({ links: linksFromAttribution(attribution(S_OPS, OPS, [], 'the AssumeRole call is older than the data')) }));
    const unknown = g.nodes.find((n) => n.kind === 'unknown');
    expect(unknown).toMatchObject({ label: 'Unknown assumer', expandable: false });
    expect(g.edges.find((e) => e.source === unknown?.id)).toMatchObject({ label: 'broken', reason: 'the AssumeRole call is older than the data', target: `session:${S_OPS}` });
  });

  it('role chaining across accounts: the calling session is a node in its own account, the hop is cross-account', () => {
    const g = buildGraph(input({ links: linksFromAssumptions([assumption({})]) }));
    expect(g.nodes.find((n) => n.id === `session:${S_OPS}`)).toMatchObject({ accountId: B, detail: 'Ops' });
    expect(g.nodes.find((n) => n.id === `session:${S_DEPLOY}`)).toMatchObject({ accountId: A, detail: 'Deploy', arn: `arn:aws:sts::${A}:assumed-role/Deploy/deploy` });
    expect(g.edges.find((e) => e.kind === 'assumed')).toMatchObject({ source: `session:${S_OPS}`, target: `session:${S_DEPLOY}`, crossAccount: true, label: 'proven' });
  });

  it('the role account’s copy alone (caller known by principal id) still joins the calling session', () => {
    const copy = assumer({ type: 'aws-account', key: `account:${B}:${S_OPS}`, name: `${S_OPS} in ${B}`, principalId: S_OPS, accountId: B });
    const g = buildGraph(input({ links: linksFromAssumptions([assumption({ assumer: copy })]) }));
    expect(g.edges.find((e) => e.kind === 'assumed')).toMatchObject({ source: `session:${S_OPS}` });
    expect(g.nodes.some((n) => n.kind === 'aws-account')).toBe(false);
  });

  it('skips AssumeRole responses that name no session (nothing to join)', () => {
    expect(linksFromAssumptions([assumption({ assumedRoleId: null })])).toEqual([]);
  });

  it('terminates on a cycle: two sessions assuming each other give two edges', () => {
    const back = assumption({ roleArn: OPS, sessionName: 'alice', assumedRoleId: S_OPS, assumer: session(S_DEPLOY, DEPLOY), evidenceEventIds: ['ev-back'] });
    const g = buildGraph(input({ links: linksFromAssumptions([assumption({}), back]) }));
    expect(g.edges.filter((e) => e.kind === 'assumed').map((e) => [e.source, e.target])).toEqual([
      [`session:${S_DEPLOY}`, `session:${S_OPS}`],
      [`session:${S_OPS}`, `session:${S_DEPLOY}`],
    ]);
  });

  it('federated users and services live outside accounts', () => {
    const sara = assumer({ type: 'sso-user', key: 'sso:arn:aws:iam::222222222222:saml-provider/AWSSSO_x:sara', name: 'sara', accountId: B, provider: 'p' });
    const ec2 = assumer({ type: 'aws-service', key: 'service:ec2.amazonaws.com', name: 'ec2.amazonaws.com' });
    const g = buildGraph(
      input({ links: linksFromAttribution(attribution(S_OPS, OPS, [{ by: sara, events: ['e1'] }, { by: ec2, events: ['e2'] }])) }),
    );
    expect(g.nodes.find((n) => n.kind === 'sso-user')).toMatchObject({ accountId: null, detail: 'IAM Identity Center', expandable: true });
    expect(g.nodes.find((n) => n.kind === 'aws-service')).toMatchObject({ accountId: null, id: 'service:ec2.amazonaws.com' });
  });

  it('path to origin: the chain’s hops from the origin to the focus, as node and edge ids', () => {
    const chain: RoleChain = {
      start: S_DEPLOY,
      origin: { type: 'iam-user', name: 'alice', arn: alice.arn as string, accountId: A },
      sourceIdentity: 'alice',
      end: 'origin',
      hops: [
        { from: alice, to: { sessionId: S_OPS, roleArn: OPS }, assumedAt: '2026-11-19T10:00:00Z', evidenceEventIds: ['e1'], label: 'proven', sourceIdentity: 'alice' },
        { from: session(S_OPS, OPS), to: { sessionId: S_DEPLOY, roleArn: DEPLOY }, assumedAt: '2026-11-19T11:00:00Z', evidenceEventIds: ['e2'], label: 'proven', sourceIdentity: 'alice' },
      ],
    };
    const g = buildGraph(input({ focus: `session:${S_DEPLOY}`, chain, links: linksFromChain(chain) }));
    expect(g.originPath).toEqual({
      nodeIds: [USER, `session:${S_OPS}`, `session:${S_DEPLOY}`],
      edgeIds: [`as:${USER}->session:${S_OPS}`, `as:session:${S_OPS}->session:${S_DEPLOY}`],
      origin: chain.origin,
      end: 'origin',
      sourceIdentity: 'alice',
    });
    for (const id of g.originPath?.edgeIds ?? []) expect(g.edges.some((e) => e.id === id)).toBe(true);
    // Chain hops only make sure the path is drawn; they do not count assumptions of their own.
    expect(g.edges.find((e) => e.id === `as:${USER}->session:${S_OPS}`)?.count).toBe(1);
  });

  it('an expanded identity with nothing in the scope is still drawn; a principal focus is its own origin', () => {
    const g = buildGraph(input({ focus: USER, expanded: [`role:${DEPLOY}`] }));
    expect(g.nodes.map((n) => [n.id, n.focus, n.expanded])).toEqual([
      [`role:${DEPLOY}`, false, true],
      [USER, true, true],
    ]);
    expect(g.expanded).toEqual([`role:${DEPLOY}`]);
    expect(g.originPath).toMatchObject({ nodeIds: [USER], end: 'origin', origin: { type: 'iam-user', name: 'alice' } });
  });

  it('orders nodes by first assumption time, then id, so the same input draws the same graph', () => {
    const links = linksFromAssumptions([assumption({}), assumption({ assumedRoleId: 'AROADEPLOYEXAMPLE01:early', sessionName: 'early', issuedAt: '2026-11-19T09:00:00Z', evidenceEventIds: ['ev-0'] })]);
    const g1 = buildGraph(input({ links }));
    const g2 = buildGraph(input({ links: [...links].reverse() }));
    expect(g1).toEqual(g2);
    expect(g1.nodes[0]?.firstSeen).toBe('2026-11-19T09:00:00Z');
  });

  it(`keeps the ${MAX_GRAPH_NODES} nodes nearest the focus and says how many it dropped`, () => {
    const many = Array.from({ length: MAX_GRAPH_NODES + 10 }, (_, i) =>
      assumption({ assumedRoleId: `AROADEPLOYEXAMPLE01:s${i}`, sessionName: `s${i}`, evidenceEventIds: [`ev-${i}`] }),
    );
    const g = buildGraph(input({ links: linksFromAssumptions(many) }));
    expect(g.nodes).toHaveLength(MAX_GRAPH_NODES);
    expect(g.nodes.some((n) => n.focus)).toBe(true);
    // 1,510 sessions, the calling session and two roles.
    expect(g.cut).toEqual([`13 nodes furthest from the focus not drawn (at most ${MAX_GRAPH_NODES})`]);
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });
});
