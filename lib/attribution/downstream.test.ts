import { describe, expect, it } from 'vitest';
import { buildDownstream, type DownstreamLookup } from './downstream';
import type { Assumer, Assumption } from './types';

const session = (key: string): Assumer => ({ type: 'role-session', key, name: key, arn: null, principalId: key, accountId: '111111111111', roleArn: null, provider: null });

function made(from: string, to: string, at = '2026-11-19T10:00:00Z'): Assumption {
  return {
    roleArn: `arn:aws:iam::111111111111:role/${to.split(':')[0]}`,
    sessionName: to.split(':')[1] ?? 's',
    assumedRoleId: to,
    accessKeyId: null,
    issuedAt: at,
    expiresAt: null,
    assumer: session(from),
    sourceIdentity: null,
    externalIdUsed: false,
    sourceIp: null,
    userAgent: null,
    callerMfa: null,
    eventName: 'AssumeRole',
    evidenceEventIds: [`${from}->${to}`],
    accounts: ['111111111111'],
    crossAccount: false,
  };
}

function lookupFrom(edges: Assumption[]): DownstreamLookup & { calls: string[][] } {
  const calls: string[][] = [];
  const fn = (async (callers: string[]) => {
    calls.push(callers);
    return edges.filter((e) => callers.includes(e.assumer.key));
  }) as DownstreamLookup & { calls: string[][] };
  fn.calls = calls;
  return fn;
}

describe('buildDownstream', () => {
  it('follows sessions level by level, one lookup per level', async () => {
    const lookup = lookupFrom([made('A:x', 'B:x'), made('A:x', 'C:y'), made('B:x', 'D:z')]);
    const { hops, cut } = await buildDownstream('A:x', lookup);
    expect(hops.map((h) => [h.fromSessionId, h.sessionId, h.depth])).toEqual([
      ['A:x', 'B:x', 1],
      ['A:x', 'C:y', 1],
      ['B:x', 'D:z', 2],
    ]);
    expect(lookup.calls).toEqual([['A:x'], ['B:x', 'C:y'], ['D:z']]);
    expect(cut).toBe(false);
  });

  it('ends cycles and keeps each session once', async () => {
    const { hops } = await buildDownstream('A:x', lookupFrom([made('A:x', 'B:x'), made('B:x', 'A:x'), made('B:x', 'B:x')]));
    expect(hops.map((h) => h.sessionId)).toEqual(['B:x', 'A:x', 'B:x']);
  });

  it('is empty for a session that started nothing', async () => {
    expect((await buildDownstream('A:x', lookupFrom([]))).hops).toEqual([]);
  });
});
