import type { GraphEdge, GraphNode, NodeKind, RoleGraph } from './types';

/**
 * A large, plausible neighbourhood for measuring the graph view: a few accounts, principals
 * assuming role sessions, sessions chaining into other sessions. Deterministic for a seed.
 */
export function syntheticGraph(nodeCount: number, edgeCount: number, seed = 1): RoleGraph {
  let state = seed >>> 0 || 1;
  const rand = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const accounts = ['111111111111', '222222222222', '333333333333', '444444444444', '555555555555'];
  const nodes: GraphNode[] = [];
  const principals = Math.max(1, Math.round(nodeCount * 0.1));
  const roles = Math.max(1, Math.round(nodeCount * 0.1));
  const t0 = Date.parse('2026-11-19T00:00:00Z');
  for (let i = 0; i < nodeCount; i++) {
    const account = accounts[i % accounts.length] as string;
    const kind: NodeKind = i < principals ? (i % 3 === 0 ? 'sso-user' : 'iam-user') : i < principals + roles ? 'role' : 'session';
    const id = kind === 'session' ? `session:AROASYNTHETIC${String(i).padStart(6, '0')}:s${i}` : kind === 'role' ? `role:arn:aws:iam::${account}:role/Role${i}` : kind === 'sso-user' ? `sso:synthetic:user${i}` : `user:arn:aws:iam::${account}:user/user${i}`;
    nodes.push({
      id,
      kind,
      label: kind === 'session' ? `s${i}` : kind === 'role' ? `Role${i}` : `user${i}`,
      detail: kind === 'session' ? `Role${principals + (i % roles)}` : kind,
      accountId: kind === 'sso-user' ? null : account,
      arn: null,
      firstSeen: new Date(t0 + i * 60_000).toISOString(),
      focus: i === principals + roles,
      expanded: i === principals + roles,
      expandable: true,
    });
  }
  const edges = new Map<string, GraphEdge>();
  const sessions = nodes.slice(principals + roles);
  const TIERS = 4;
  const tierOf = (i: number) => Math.floor((i * TIERS) / Math.max(1, sessions.length));
  const tiers: GraphNode[][] = Array.from({ length: TIERS }, (_, t) => sessions.filter((_, i) => tierOf(i) === t));
  let guard = 0;
  while (edges.size < edgeCount && guard++ < edgeCount * 20) {
    const target = sessions[Math.floor(rand() * sessions.length)] as GraphNode;
    // Chains are shallow in practice: a session is started by a principal, or by a session one tier up.
    const tier = tierOf(sessions.indexOf(target));
    const fromSession = tier > 0 && rand() < 0.6;
    const pool = fromSession ? tiers[tier - 1] ?? [] : nodes.slice(0, principals + roles);
    const source = pool[Math.floor(rand() * pool.length)];
    if (!source || source.id === target.id) continue;
    const kind = source.kind === 'role' ? 'session-of' : 'assumed';
    const id = `${kind === 'assumed' ? 'as' : 'of'}:${source.id}->${target.id}`;
    if (edges.has(id)) continue;
    const r = rand();
    edges.set(id, {
      id,
      source: source.id,
      target: target.id,
      kind,
      count: kind === 'assumed' ? 1 + Math.floor(rand() * 20) : 0,
      first: target.firstSeen,
      last: target.firstSeen,
      label: r < 0.8 ? 'proven' : r < 0.95 ? 'inferred' : 'broken',
      reason: null,
      evidenceEventIds: [],
      crossAccount: source.accountId !== target.accountId,
    });
  }
  const focus = sessions[0]?.id ?? nodes[0]?.id ?? '';
  return { focus, expanded: [], nodes, edges: [...edges.values()], originPath: null, cut: [] };
}
