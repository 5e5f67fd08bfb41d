'use client';

import Link from 'next/link';
import type { GraphEdge, GraphNode, RoleGraph } from '@/lib/graph/types';
import type { Scope } from '@/lib/params/scope';
import { toHref as graphHref } from '@/app/(dashboard)/graph/search-params';
import { graphNodeHref } from '@/lib/links';
import { toHref as eventsHref } from '@/app/(dashboard)/events/search-params';
import { formatCount, formatTime } from '@/lib/format';
import { EDGE_STYLE, KIND_STYLE } from './graph-style';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-[11px] font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="break-all text-sm text-slate-800">{children}</dd>
    </div>
  );
}

/** The selected node's details and where to go from it; or the selected edge's evidence. */
export function GraphSidePanel({
  graph,
  node,
  edge,
  scope,
  onToggle,
}: {
  graph: RoleGraph;
  node: GraphNode | null;
  edge: GraphEdge | null;
  scope: Scope;
  onToggle(id: string): void;
}) {
  if (edge) {
    const from = graph.nodes.find((n) => n.id === edge.source);
    const to = graph.nodes.find((n) => n.id === edge.target);
    return (
      <aside className="space-y-3 p-4" data-testid="graph-side-panel">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{edge.kind === 'assumed' ? 'Assumption' : 'Session of role'}</p>
        <p className="text-sm font-semibold text-slate-900">
          {from?.label ?? edge.source} → {to?.label ?? edge.target}
        </p>
        <dl className="space-y-2">
          {edge.kind === 'assumed' && (
            <>
              <Row label="Link">
                <span style={{ color: EDGE_STYLE[edge.label].stroke }} className="font-semibold">
                  {edge.label}
                </span>
                {edge.reason && <span className="block text-xs text-slate-600">{edge.reason}</span>}
              </Row>
              <Row label="Assumptions in the scope">{formatCount(edge.count)}</Row>
              <Row label="First">{formatTime(edge.first)}</Row>
              <Row label="Last">{formatTime(edge.last)}</Row>
              {edge.crossAccount && <Row label="Accounts">cross-account</Row>}
              <Row label="Evidence (AssumeRole events)">
                {edge.evidenceEventIds.length === 0 ? (
                  '—'
                ) : (
                  <ul className="space-y-0.5">
                    {edge.evidenceEventIds.map((id) => (
                      <li key={id}>
                        <Link className="font-mono text-xs text-indigo-700 hover:underline" href={eventsHref(scope, { eventId: id })}>
                          {id}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </Row>
            </>
          )}
        </dl>
      </aside>
    );
  }
  if (!node) {
    return (
      <aside className="p-4 text-sm text-slate-500" data-testid="graph-side-panel">
        Select a node or an edge to see its details. The <b>+</b> on a node’s left or right edge expands who assumed it and what it assumed.
      </aside>
    );
  }
  const profile = graphNodeHref(node, scope);
  const incoming = graph.edges.filter((e) => e.target === node.id && e.kind === 'assumed');
  const outgoing = graph.edges.filter((e) => e.source === node.id && e.kind === 'assumed');
  return (
    <aside className="space-y-3 p-4" data-testid="graph-side-panel">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{KIND_STYLE[node.kind].label}</p>
      <p className="break-all text-base font-semibold text-slate-900" data-testid="graph-selected-label">
        {node.label}
      </p>
      <dl className="space-y-2">
        {node.detail && <Row label="Detail">{node.detail}</Row>}
        <Row label="Account">{node.accountId ?? 'outside any account'}</Row>
        {node.arn && (
          <Row label="ARN">
            <span className="font-mono text-xs">{node.arn}</span>
          </Row>
        )}
        <Row label="First assumption in the scope">{formatTime(node.firstSeen)}</Row>
        <Row label="Assumed by (drawn)">{formatCount(incoming.reduce((s, e) => s + e.count, 0))}</Row>
        <Row label="Assumed (drawn)">{formatCount(outgoing.reduce((s, e) => s + e.count, 0))}</Row>
      </dl>
      <div className="flex flex-wrap gap-2 pt-1">
        {profile && (
          <Link href={profile} className="rounded bg-indigo-600 px-3 py-1.5 text-xs font-semibold text-white hover:bg-indigo-700" data-testid="graph-open-profile">
            Open profile
          </Link>
        )}
        {!node.focus && node.expandable && (
          <>
            <button type="button" onClick={() => onToggle(node.id)} className="rounded border border-slate-300 px-3 py-1.5 text-xs font-semibold text-slate-700 hover:bg-slate-100">
              {node.expanded ? 'Collapse' : 'Expand'}
            </button>
            <Link href={graphHref(node.id, scope)} className="rounded border border-slate-300 px-3 py-1.5 text-xs font-semibold text-slate-700 hover:bg-slate-100">
              Focus here
            </Link>
          </>
        )}
      </div>
    </aside>
  );
}

/** What the shapes, colours and lines mean. */
export function GraphLegend() {
  const kinds = ['iam-user', 'sso-user', 'web-identity-user', 'aws-service', 'role', 'session', 'unknown'] as const;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-[11px] text-slate-600" data-testid="graph-legend">
      {kinds.map((k) => (
        <span key={k} className="flex items-center gap-1">
          <span className={`inline-block h-2.5 w-2.5 rounded-sm ${KIND_STYLE[k].tag}`} />
          {KIND_STYLE[k].label}
        </span>
      ))}
      {(['proven', 'inferred', 'broken', 'session-of'] as const).map((l) => (
        <span key={l} className="flex items-center gap-1" title={EDGE_STYLE[l].label}>
          <svg width="26" height="8" aria-hidden>
            <line x1="0" y1="4" x2="26" y2="4" stroke={EDGE_STYLE[l].stroke} strokeWidth={EDGE_STYLE[l].width + 0.5} strokeDasharray={EDGE_STYLE[l].dash} />
          </svg>
          {l === 'session-of' ? 'session of role' : l}
        </span>
      ))}
      <span className="flex items-center gap-1">
        <span className="inline-block h-2.5 w-4 rounded-sm border border-slate-300 bg-slate-50" /> one band per AWS account
      </span>
    </div>
  );
}
