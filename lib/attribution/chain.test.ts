import { describe, expect, it } from 'vitest';
import { buildChain, MAX_CHAIN_DEPTH, MAX_CHAIN_PATHS, type AttributionLookup } from './chain';
import type { RoleSessionAttribution } from './role-session';
import { A, B, C, alice, assumer, attribution, bob, roleArn, session } from '@/test/fixtures/attribution';

/** A lookup over fixed attributions, recording each batch it was asked for. */
function store(...atts: RoleSessionAttribution[]): AttributionLookup & { calls: string[][] } {
  const byId = new Map(atts.map((a) => [a.principalId, a]));
  const calls: string[][] = [];
  const lookup = async (ids: string[]) => {
    calls.push(ids);
    return new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id) as RoleSessionAttribution] as const] : [])));
  };
  return Object.assign(lookup, { calls });
}

const OPS = roleArn(B, 'Ops');
const DEPLOY = roleArn(C, 'Deploy');
const SSO = roleArn(B, 'aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef');

describe('buildChain: one hop to each kind of origin', () => {
  it('an IAM user', async () => {
    const c = await buildChain('AROAOPS:alice', store(attribution('AROAOPS:alice', OPS, [{ by: alice, events: ['e1'] }])));
    expect(c).toMatchObject({ start: 'AROAOPS:alice', end: 'origin', origin: { type: 'iam-user', name: 'alice', arn: alice.arn, accountId: A }, sourceIdentity: null });
    expect(c.hops).toEqual([
      { from: alice, to: { sessionId: 'AROAOPS:alice', roleArn: OPS }, assumedAt: '2026-11-19T10:00:00Z', evidenceEventIds: ['e1'], label: 'proven', sourceIdentity: null },
    ]);
    expect(c.branches).toBeUndefined();
  });

  it('an SSO user, through the AWSReservedSSO session', async () => {
    const sara = assumer({ type: 'sso-user', key: 'sso:p:sara', name: 'sara', provider: 'p' });
    const c = await buildChain(
      'AROADEMO:sara',
      store(attribution('AROADEMO:sara', OPS, [{ by: session('AROASSO:sara', SSO) }]), attribution('AROASSO:sara', SSO, [{ by: sara }])),
    );
    expect(c.origin).toEqual({ type: 'sso-user', name: 'sara' });
    expect(c.hops.map((h) => [h.from?.type, h.to.sessionId, h.to.roleArn, h.label])).toEqual([
      ['sso-user', 'AROASSO:sara', SSO, 'proven'],
      ['role-session', 'AROADEMO:sara', OPS, 'proven'],
    ]);
  });

  it('a web-identity user', async () => {
    const gh = assumer({ type: 'web-identity-user', key: 'web:gh:repo:x', name: 'repo:x', provider: 'token.actions.githubusercontent.com' });
    const c = await buildChain('AROAGH:GitHubActions', store(attribution('AROAGH:GitHubActions', OPS, [{ by: gh }])));
    expect(c.origin).toEqual({ type: 'web-identity-user', name: 'repo:x' });
  });

  it('an AWS service (an EC2 instance profile)', async () => {
    const ec2 = assumer({ type: 'aws-service', key: 'service:ec2.amazonaws.com', name: 'ec2.amazonaws.com' });
    const c = await buildChain('AROARUN:i-0abc', store(attribution('AROARUN:i-0abc', OPS, [{ by: ec2 }])));
    expect(c).toMatchObject({ end: 'origin', origin: { type: 'aws-service', name: 'ec2.amazonaws.com' } });
  });
});

describe('buildChain: chains', () => {
  it('two hops, one batched lookup per level', async () => {
    const lookup = store(attribution('AROADEPLOY:d', DEPLOY, [{ by: session('AROAOPS:alice', OPS) }]), attribution('AROAOPS:alice', OPS, [{ by: alice }]));
    const c = await buildChain('AROADEPLOY:d', lookup);
    expect(c.origin?.name).toBe('alice');
    expect(c.hops.map((h) => h.to.sessionId)).toEqual(['AROAOPS:alice', 'AROADEPLOY:d']);
    expect(lookup.calls).toEqual([['AROADEPLOY:d'], ['AROAOPS:alice']]);
  });

  it('three hops across accounts, proven, with the SourceIdentity set on the first hop', async () => {
    const lookup = store(
      attribution('AROAC:alice-deploy', DEPLOY, [{ by: session('AROAB:alice', OPS), sourceIdentity: 'alice', events: ['c-caller', 'c-role'] }]),
      attribution('AROAB:alice', OPS, [{ by: session('AROAA:alice', roleArn(A, 'Start')), sourceIdentity: 'alice' }]),
      attribution('AROAA:alice', roleArn(A, 'Start'), [{ by: alice, sourceIdentity: 'alice' }]),
    );
    const c = await buildChain('AROAC:alice-deploy', lookup);
    expect(c).toMatchObject({ end: 'origin', origin: { type: 'iam-user', arn: alice.arn }, sourceIdentity: 'alice' });
    expect(c.hops).toHaveLength(3);
    expect(c.hops.every((h) => h.label === 'proven')).toBe(true);
    // The cross-account call's two copies (merged by sharedEventID) are both evidence.
    expect(c.hops[2]?.evidenceEventIds).toEqual(['c-caller', 'c-role']);
  });

  it('an inferred link is labelled, and still reaches the origin', async () => {
    const c = await buildChain('AROAOPS:alice', store(attribution('AROAOPS:alice', OPS, [{ by: alice, confidence: 'inferred' }])));
    expect(c.hops[0]).toMatchObject({ label: 'inferred', reason: expect.stringContaining('within minutes') });
    expect(c.origin?.name).toBe('alice');
  });

  it('follows the role account’s view of a cross-account caller to its session', async () => {
    const view = assumer({ type: 'aws-account', key: `account:${B}:AROAOPS:alice`, name: `AROAOPS:alice in ${B}`, principalId: 'AROAOPS:alice', accountId: B });
    const c = await buildChain('AROADEPLOY:d', store(attribution('AROADEPLOY:d', DEPLOY, [{ by: view }])));
    expect(c.origin).toBeNull();
    expect(c.hops[0]).toMatchObject({ label: 'broken', to: { sessionId: 'AROAOPS:alice' }, reason: expect.stringContaining(`${B} is not ingested`) });
  });
});

describe('buildChain: breaks, cycles and bounds', () => {
  it('a break: no origin, the attribution’s reason, the SourceIdentity still reported', async () => {
    const reason = 'no AssumeRole* event in the data issued these credentials';
    const c = await buildChain('AROADEPLOY:hotfix', store(attribution('AROADEPLOY:hotfix', DEPLOY, [], reason)));
    expect(c).toMatchObject({ origin: null, end: 'broken', sourceIdentity: 'alice' });
    expect(c.hops).toEqual([
      { from: null, to: { sessionId: 'AROADEPLOY:hotfix', roleArn: DEPLOY }, assumedAt: null, evidenceEventIds: [], label: 'broken', reason, sourceIdentity: 'alice' },
    ]);
  });

  it('a break upstream: the chain keeps the proven hops and has no origin', async () => {
    const c = await buildChain(
      'AROADEPLOY:d',
      store(attribution('AROADEPLOY:d', DEPLOY, [{ by: session('AROAOPS:x', OPS) }]), attribution('AROAOPS:x', OPS, [], 'issued before the data starts')),
    );
    expect(c.origin).toBeNull();
    expect(c.hops.map((h) => h.label)).toEqual(['broken', 'proven']);
    expect(c.hops[0]?.reason).toBe('issued before the data starts');
  });

  it('a session not in the data at all is a break', async () => {
    const c = await buildChain('AROAGONE:x', store());
    expect(c).toMatchObject({ origin: null, end: 'broken', hops: [{ label: 'broken', from: null }] });
  });

  it('a cycle terminates', async () => {
    const c = await buildChain(
      'AROAX:s',
      store(attribution('AROAX:s', OPS, [{ by: session('AROAY:s', DEPLOY) }]), attribution('AROAY:s', DEPLOY, [{ by: session('AROAX:s', OPS) }])),
    );
    expect(c).toMatchObject({ origin: null, end: 'cycle' });
    expect(c.hops).toHaveLength(2);
  });

  it('stops at the maximum depth', async () => {
    const atts = Array.from({ length: MAX_CHAIN_DEPTH + 5 }, (_, i) => attribution(`AROA${i}:s`, OPS, [{ by: session(`AROA${i + 1}:s`, OPS) }]));
    const c = await buildChain('AROA0:s', store(...atts));
    expect(c).toMatchObject({ origin: null, end: 'max-depth' });
    expect(c.hops).toHaveLength(MAX_CHAIN_DEPTH);
  });
});

describe('buildChain: several assumers', () => {
  it('one path per distinct upstream route, complete ones first', async () => {
    const lookup = store(
      attribution('AROAOPS:session1', OPS, [{ by: alice }, { by: alice }, { by: session('AROAB:bob', DEPLOY) }], 'no AssumeRole* event in the data'),
      attribution('AROAB:bob', DEPLOY, [{ by: bob }]),
    );
    const c = await buildChain('AROAOPS:session1', lookup);
    expect(c.origin?.name).toBe('alice');
    expect(c.branches?.map((b) => [b.end, b.origin?.name ?? null, b.hops.length])).toEqual([
      ['origin', 'bob', 2],
      ['broken', null, 1],
    ]);
    expect(c.cut).toBeUndefined();
  });

  it('is bounded, and says when paths were cut', async () => {
    const users = Array.from({ length: MAX_CHAIN_PATHS + 3 }, (_, i) => assumer({ type: 'iam-user', key: `u${i}`, name: `u${i}` }));
    const c = await buildChain('AROAOPS:shared', store(attribution('AROAOPS:shared', OPS, users.map((by) => ({ by })))));
    expect(1 + (c.branches?.length ?? 0)).toBe(MAX_CHAIN_PATHS);
    expect(c.cut).toContain('3 further upstream paths');
  });
});
