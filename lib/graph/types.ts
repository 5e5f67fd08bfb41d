import type { ChainEnd, ChainOrigin, HopLabel } from '@/lib/attribution/chain';

/**
 * The role-chaining graph: identities and role sessions joined by the assumptions between them.
 * Node ids are what the URL carries (`focus=`, `expand=`), so a shared link draws the same graph.
 */
export const NODE_KINDS = [
  'iam-user',
  'root',
  'sso-user',
  'saml-user',
  'web-identity-user',
  'aws-service',
  'aws-account',
  'role',
  'session',
  'unknown',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** What people read: a user name, a session name, a role name, a service. */
  label: string;
  /** Second line: the role of a session, the provider of a federated user, the account. */
  detail: string | null;
  /** The account the node lives in; null for identities outside any account (services, IdPs). */
  accountId: string | null;
  arn: string | null;
  /** Earliest assumption it took part in: the layout orders by it. */
  firstSeen: string | null;
  focus: boolean;
  /** Its neighbours are in the graph (the focus, or a node in the expansion set). */
  expanded: boolean;
  /** Whether expanding it can add anything (an unknown assumer cannot). */
  expandable: boolean;
}

export type EdgeKind = 'assumed' | 'session-of';

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** Assumptions (sets of credentials) behind the edge; 0 for `session-of`. */
  count: number;
  first: string | null;
  last: string | null;
  label: HopLabel;
  /** Why the edge is inferred or broken. */
  reason: string | null;
  /** The AssumeRole* events behind it (at most MAX_EVIDENCE; `count` says how many assumptions). */
  evidenceEventIds: string[];
  crossAccount: boolean;
}

export interface OriginPath {
  nodeIds: string[];
  edgeIds: string[];
  origin: ChainOrigin | null;
  end: ChainEnd;
  sourceIdentity: string | null;
}

export interface RoleGraph {
  focus: string;
  expanded: string[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** From the focus back to its origin; null when the focus is a role (many origins). */
  originPath: OriginPath | null;
  /** What was left out to stay bounded, in words. */
  cut: string[];
}

export const MAX_EVIDENCE = 20;
