import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './layout';
import { syntheticGraph } from './synthetic';
import { buildGraph, linksFromAssumptions } from './build';
import { A, B, alice, session, roleArn } from '@/test/fixtures/attribution';
import type { Assumption } from '@/lib/attribution/types';

const elk = new ELK();

function assumption(over: Partial<Assumption>): Assumption {
  return {
    roleArn: roleArn(B, 'Ops'), sessionName: 'alice', assumedRoleId: 'AROAOPSEXAMPLE0001:alice', accessKeyId: null, issuedAt: '2026-11-19T10:00:00Z', expiresAt: null,
    assumer: alice, sourceIdentity: null, externalIdUsed: false, sourceIp: null, userAgent: null, callerMfa: null, eventName: 'AssumeRole',
    evidenceEventIds: ['e1'], accounts: [A, B], crossAccount: true, ...over,
  };
}

describe('layoutGraph', () => {
  it('reads left to right along a chain and puts each account in its own lane', async () => {
    const g = buildGraph({
      focus: 'session:AROADEPLOYEXAMPLE01:deploy',
      expanded: [],
      links: linksFromAssumptions([
        assumption({}),
        assumption({ roleArn: roleArn(A, 'Deploy'), sessionName: 'deploy', assumedRoleId: 'AROADEPLOYEXAMPLE01:deploy', assumer: session('AROAOPSEXAMPLE0001:alice', roleArn(B, 'Ops')), issuedAt: '2026-11-19T11:00:00Z', evidenceEventIds: ['e2'] }),
      ]),
      sessions: [],
      roles: [],
      chain: null,
    });
    const { positions, lanes } = await layoutGraph(g.nodes, g.edges, elk);
    const x = (id: string) => positions.get(id)?.x ?? NaN;
    expect(x('user:arn:aws:iam::111111111111:user/alice')).toBeLessThan(x('session:AROAOPSEXAMPLE0001:alice'));
    expect(x('session:AROAOPSEXAMPLE0001:alice')).toBeLessThan(x('session:AROADEPLOYEXAMPLE01:deploy'));
    expect(lanes.map((l) => l.accountId).sort()).toEqual([A, B]);
    for (const n of g.nodes) {
      const lane = lanes.find((l) => l.accountId === n.accountId);
      const p = positions.get(n.id);
      expect(lane && p && p.y >= lane.y && p.y + NODE_HEIGHT <= lane.y + lane.height && p.x + NODE_WIDTH <= lane.x + lane.width).toBe(true);
    }
  });

  it('never overlaps two nodes, on a large generated neighbourhood', async () => {
    const g = syntheticGraph(300, 900);
    const { positions, lanes } = await layoutGraph(g.nodes, g.edges, elk);
    const seen = new Set<string>();
    for (const p of positions.values()) {
      const key = `${p.x},${p.y}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    expect(positions.size).toBe(300);
    // Long layers wrap: no lane is taller than 16 rows of nodes.
    for (const lane of lanes) expect(lane.height).toBeLessThanOrEqual(30 + 16 * (NODE_HEIGHT + 16) + 16);
    // Lanes stack without overlapping.
    const sorted = [...lanes].sort((a, b) => a.y - b.y);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.y).toBeGreaterThanOrEqual(sorted[i - 1]!.y + sorted[i - 1]!.height);
  });
});
