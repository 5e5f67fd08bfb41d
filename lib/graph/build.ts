import { roleNameOf } from '@/lib/attribution/assumer';
import type { ChainPath, HopLabel, RoleChain } from '@/lib/attribution/chain';
import type { RoleSessionAttribution } from '@/lib/attribution/role-session';
import type { Assumer, Assumption } from '@/lib/attribution/types';
import { kindOfAssumer, nodeIdOfAssumer, parseNodeId, roleNodeId, sessionNodeId } from './node-id';
import { MAX_EVIDENCE, type GraphEdge, type GraphNode, type NodeKind, type OriginPath, type RoleGraph } from './types';

/** One assumer → session link, from any of the queries (attribution, AssumeRole calls, the chain). */
export interface GraphLink {
  /** Null when the link is broken: credentials used with no AssumeRole* behind them. */
  from: Assumer | null;
  to: { sessionId: string; roleArn: string | null };
  at: string | null;
  /** The assumption's identity (its first evidence event id), to count it once across queries; null: don't count. */
  assumptionKey: string | null;
  evidenceEventIds: string[];
  label: HopLabel;
  reason: string | null;
  crossAccount: boolean;
}

export interface GraphInput {
  focus: string;
  expanded: readonly string[];
  links: readonly GraphLink[];
  /** Sessions active in the scope, drawn even when nothing links them. */
  sessions: readonly { sessionId: string; roleArn: string | null }[];
  /** Roles drawn even when none of their sessions are (an expanded role with no activity). */
  roles: readonly string[];
  /** The focus session's provenance, for "Path to origin". */
  chain: RoleChain | null;
  cut?: readonly string[];
}

/** A graph this size still draws smoothly; beyond it, the nodes furthest from the focus go. */
export const MAX_GRAPH_NODES = 1500;

const ACCOUNT_OF_ARN = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/;
const RANK: Record<HopLabel, number> = { proven: 0, inferred: 1, broken: 2 };

function accountOfArn(arn: string | null): string | null {
  return arn ? (ACCOUNT_OF_ARN.exec(arn)?.[1] ?? null) : null;
}

function minTime(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function maxTime(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

const brokenNodeId = (sessionId: string) => `unknown:assumer-of:${sessionId}`;

export function linksFromAssumptions(assumptions: readonly Assumption[]): GraphLink[] {
  return assumptions
    .filter((a) => a.assumedRoleId !== null)
    .map((a) => ({
      from: a.assumer,
      to: { sessionId: a.assumedRoleId as string, roleArn: a.roleArn },
      at: a.issuedAt,
      assumptionKey: a.evidenceEventIds[0] ?? null,
      evidenceEventIds: a.evidenceEventIds,
      // The AssumeRole* response names the session it created: the event itself is the proof.
      label: 'proven',
      reason: null,
      crossAccount: a.crossAccount,
    }));
}

/** Links into a session from its attribution: each credential used, and the calls into it in the scope. */
export function linksFromAttribution(att: RoleSessionAttribution): GraphLink[] {
  const to = { sessionId: att.principalId, roleArn: att.roleArn };
  const links: GraphLink[] = [];
  for (const c of att.credentials) {
    const a = c.assumption;
    if (a && c.confidence !== 'unknown') {
      links.push({
        from: a.assumer,
        to,
        at: a.issuedAt,
        assumptionKey: a.evidenceEventIds[0] ?? null,
        evidenceEventIds: a.evidenceEventIds,
        label: c.confidence,
        reason: c.reason,
        crossAccount: a.crossAccount,
      });
    } else {
      links.push({
        from: null,
        to,
        at: c.credential.firstSeen,
        assumptionKey: c.credential.accessKeyId ? `key:${c.credential.accessKeyId}` : null,
        evidenceEventIds: [],
        label: 'broken',
        reason: c.reason ?? 'no AssumeRole* event in the data issued these credentials',
        crossAccount: false,
      });
    }
  }
  links.push(...linksFromAssumptions(att.assumptions.filter((a) => a.assumedRoleId === att.principalId)));
  return links;
}

/** The chain's hops as links (not counted again: the attribution already counts them). */
export function linksFromChain(chain: RoleChain): GraphLink[] {
  return [chain, ...(chain.branches ?? [])].flatMap((path) =>
    path.hops.map((h) => ({
      from: h.from,
      to: h.to,
      at: h.assumedAt,
      assumptionKey: null,
      evidenceEventIds: h.evidenceEventIds,
      label: h.label,
      reason: h.reason ?? null,
      crossAccount: false,
    })),
  );
}

function assumerDetail(a: Assumer): string | null {
  switch (a.type) {
    case 'role-session':
      return a.roleArn ? roleNameOf(a.roleArn) : 'role session';
    case 'sso-user':
      return 'IAM Identity Center';
    case 'saml-user':
      return a.provider ? `SAML · ${a.provider.split('/').pop()}` : 'SAML user';
    case 'web-identity-user':
      return a.provider ? `web identity · ${a.provider}` : 'web identity';
    case 'aws-service':
      return 'AWS service';
    case 'aws-account':
      return `caller in ${a.accountId ?? 'an unknown account'} (account not ingested)`;
    case 'iam-user':
      return 'IAM user';
    case 'root':
      return 'root user';
    case 'unknown':
      return null;
  }
}

/** A node for an id no link mentions (an expanded identity with nothing in the scope). */
function nodeFromId(id: string): Omit<GraphNode, 'focus' | 'expanded' | 'expandable' | 'firstSeen'> | null {
  const p = parseNodeId(id);
  if (!p) return null;
  switch (p.kind) {
    case 'session': {
      return { id, kind: 'session', label: p.sessionId.slice(p.sessionId.indexOf(':') + 1), detail: null, accountId: null, arn: null };
    }
    case 'role':
      return { id, kind: 'role', label: roleNameOf(p.roleArn), detail: 'role', accountId: p.accountId, arn: p.roleArn };
    case 'iam-user':
      return { id, kind: 'iam-user', label: p.arn?.split('/').pop() ?? p.principalId ?? id, detail: 'IAM user', accountId: p.accountId, arn: p.arn };
    case 'root':
      return { id, kind: 'root', label: `root (${p.accountId})`, detail: 'root user', accountId: p.accountId, arn: `arn:aws:iam::${p.accountId}:root` };
    case 'sso-user':
    case 'saml-user':
    case 'web-identity-user':
      return { id, kind: p.kind, label: p.key.split(':').pop() || p.key, detail: null, accountId: null, arn: null };
    case 'aws-service':
      return { id, kind: 'aws-service', label: p.service, detail: 'AWS service', accountId: null, arn: null };
    case 'aws-account':
      return { id, kind: 'aws-account', label: p.principalId ?? `account ${p.accountId}`, detail: `account ${p.accountId}`, accountId: p.accountId, arn: null };
  }
}

function expandableKind(kind: NodeKind, id: string): boolean {
  if (kind === 'unknown') return false;
  if (kind === 'aws-account') return parseNodeId(id)?.kind === 'aws-account' && (parseNodeId(id) as { principalId: string | null }).principalId !== null;
  return parseNodeId(id) !== null;
}

class GraphBuilder {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge & { keys: Set<string> }>();

  constructor(
    private readonly focus: string,
    private readonly expanded: ReadonlySet<string>,
  ) {}

  node(partial: Omit<GraphNode, 'focus' | 'expanded' | 'expandable' | 'firstSeen'>, at: string | null): string {
    const existing = this.nodes.get(partial.id);
    if (existing) {
      existing.firstSeen = minTime(existing.firstSeen, at);
      existing.detail ??= partial.detail;
      existing.accountId ??= partial.accountId;
      existing.arn ??= partial.arn;
      return partial.id;
    }
    this.nodes.set(partial.id, {
      ...partial,
      firstSeen: at,
      focus: partial.id === this.focus,
      expanded: this.expanded.has(partial.id),
      expandable: expandableKind(partial.kind, partial.id),
    });
    return partial.id;
  }

  session(sessionId: string, roleArn: string | null, at: string | null): string {
    const id = this.node(
      {
        id: sessionNodeId(sessionId),
        kind: 'session',
        label: sessionId.slice(sessionId.indexOf(':') + 1),
        detail: roleArn ? roleNameOf(roleArn) : null,
        accountId: accountOfArn(roleArn),
        arn: roleArn ? roleArn.replace(/:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/, ':sts::$1:assumed-role/$2/') + sessionId.slice(sessionId.indexOf(':') + 1) : null,
      },
      at,
    );
    if (roleArn) {
      const role = this.node({ id: roleNodeId(roleArn), kind: 'role', label: roleNameOf(roleArn), detail: 'role', accountId: accountOfArn(roleArn), arn: roleArn }, null);
      this.edge(role, id, 'session-of', { at: null, assumptionKey: null, evidenceEventIds: [], label: 'proven', reason: null, crossAccount: false });
    }
    return id;
  }

  assumer(a: Assumer, at: string | null): string {
    const kind = kindOfAssumer(a);
    if (kind === 'session') {
      const sessionId = nodeIdOfAssumer(a).slice('session:'.length);
      return this.session(sessionId, a.roleArn, at);
    }
    return this.node({ id: nodeIdOfAssumer(a), kind, label: a.name, detail: assumerDetail(a), accountId: kind === 'iam-user' || kind === 'root' || kind === 'aws-account' ? a.accountId : null, arn: a.arn }, at);
  }

  edge(
    source: string,
    target: string,
    kind: GraphEdge['kind'],
    l: Pick<GraphLink, 'at' | 'assumptionKey' | 'evidenceEventIds' | 'label' | 'reason' | 'crossAccount'>,
  ): string {
    const id = `${kind === 'assumed' ? 'as' : 'of'}:${source}->${target}`;
    const e = this.edges.get(id);
    if (!e) {
      this.edges.set(id, {
        id,
        source,
        target,
        kind,
        count: 0,
        first: l.at,
        last: l.at,
        label: l.label,
        reason: l.reason,
        evidenceEventIds: [...l.evidenceEventIds].slice(0, MAX_EVIDENCE),
        crossAccount: l.crossAccount,
        keys: new Set(l.assumptionKey ? [l.assumptionKey] : []),
      });
      return id;
    }
    e.first = minTime(e.first, l.at);
    e.last = maxTime(e.last, l.at);
    if (RANK[l.label] < RANK[e.label]) {
      e.label = l.label;
      e.reason = l.reason;
    }
    if (l.assumptionKey) e.keys.add(l.assumptionKey);
    e.evidenceEventIds = [...new Set([...e.evidenceEventIds, ...l.evidenceEventIds])].sort().slice(0, MAX_EVIDENCE);
    e.crossAccount ||= l.crossAccount;
    return id;
  }

  link(l: GraphLink): { source: string; target: string; edge: string } {
    const target = this.session(l.to.sessionId, l.to.roleArn, l.at);
    const source = l.from
      ? this.assumer(l.from, l.at)
      : this.node({ id: brokenNodeId(l.to.sessionId), kind: 'unknown', label: 'Unknown assumer', detail: 'no AssumeRole in the data', accountId: null, arn: null }, l.at);
    const crossAccount = l.crossAccount || this.crossAccount(source, target);
    return { source, target, edge: this.edge(source, target, 'assumed', { ...l, crossAccount }) };
  }

  private crossAccount(source: string, target: string): boolean {
    const a = this.nodes.get(source)?.accountId;
    const b = this.nodes.get(target)?.accountId;
    return a !== null && a !== undefined && b !== null && b !== undefined && a !== b;
  }
}

function originPathOf(b: GraphBuilder, path: ChainPath): OriginPath {
  const nodeIds: string[] = [];
  const edgeIds: string[] = [];
  for (const hop of path.hops) {
    const { source, target, edge } = b.link({ from: hop.from, to: hop.to, at: hop.assumedAt, assumptionKey: null, evidenceEventIds: hop.evidenceEventIds, label: hop.label, reason: hop.reason ?? null, crossAccount: false });
    if (nodeIds.length === 0) nodeIds.push(source);
    nodeIds.push(target);
    edgeIds.push(edge);
  }
  return { nodeIds, edgeIds, origin: path.origin, end: path.end, sourceIdentity: path.sourceIdentity };
}

/** Keeps the nodes nearest the focus (breadth-first over edges either way) when there are too many. */
function bound(nodes: Map<string, GraphNode>, edges: GraphEdge[], focus: string, max: number): { keep: Set<string>; dropped: number } {
  if (nodes.size <= max) return { keep: new Set(nodes.keys()), dropped: 0 };
  const adjacent = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const list = adjacent.get(from);
    if (list) list.push(to);
    else adjacent.set(from, [to]);
  };
  for (const e of edges) {
    add(e.source, e.target);
    add(e.target, e.source);
  }
  const keep = new Set<string>([focus]);
  let frontier = [focus];
  while (frontier.length > 0 && keep.size < max) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of adjacent.get(id) ?? []) {
        if (keep.size >= max) break;
        if (!keep.has(n)) {
          keep.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return { keep, dropped: nodes.size - keep.size };
}

/**
 * The graph from what the queries found: every link merged into one edge per assumer → session
 * (counted once per assumption, the strongest label kept), each session tied to its role, the
 * focus and every expanded node present even with nothing around them. Pure and deterministic.
 */
export function buildGraph(input: GraphInput): RoleGraph {
  const expanded = new Set([input.focus, ...input.expanded]);
  const b = new GraphBuilder(input.focus, expanded);
  for (const l of input.links) b.link(l);
  for (const s of input.sessions) b.session(s.sessionId, s.roleArn, null);
  for (const r of input.roles) b.node({ id: roleNodeId(r), kind: 'role', label: roleNameOf(r), detail: 'role', accountId: accountOfArn(r), arn: r }, null);
  for (const id of expanded) {
    const n = nodeFromId(id);
    if (n) b.node(n, null);
  }
  const originPath = input.chain ? originPathOf(b, input.chain) : principalOrigin(input.focus, b);

  const edges: GraphEdge[] = [...b.edges.values()].map(({ keys, ...e }) => ({ ...e, count: e.kind === 'assumed' ? Math.max(1, keys.size) : 0 }));
  const { keep, dropped } = bound(b.nodes, edges, input.focus, MAX_GRAPH_NODES);
  const cut = [...(input.cut ?? [])];
  if (dropped > 0) cut.push(`${dropped} nodes furthest from the focus not drawn (at most ${MAX_GRAPH_NODES})`);
  const byTime = (x: { firstSeen: string | null; id: string }, y: { firstSeen: string | null; id: string }) =>
    (x.firstSeen ?? '9999') < (y.firstSeen ?? '9999') ? -1 : (x.firstSeen ?? '9999') > (y.firstSeen ?? '9999') ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  return {
    focus: input.focus,
    expanded: [...expanded].filter((id) => id !== input.focus),
    nodes: [...b.nodes.values()].filter((n) => keep.has(n.id)).sort(byTime),
    edges: edges.filter((e) => keep.has(e.source) && keep.has(e.target)).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
    originPath,
    cut,
  };
}

/** A focus that is itself an identity (not a role or session) is its own origin. */
function principalOrigin(focus: string, b: GraphBuilder): OriginPath | null {
  const n = b.nodes.get(focus);
  if (!n || n.kind === 'role' || n.kind === 'session' || n.kind === 'unknown') return null;
  return { nodeIds: [focus], edgeIds: [], origin: { type: n.kind === 'aws-account' ? 'aws-account' : n.kind, name: n.label, ...(n.arn ? { arn: n.arn } : {}) }, end: 'origin', sourceIdentity: null };
}
