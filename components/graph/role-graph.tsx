'use client';

import '@xyflow/react/dist/style.css';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, getNodesBounds, getViewportForBounds, useReactFlow, useStore, type Edge, type Node } from '@xyflow/react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { layoutGraph, type GraphLayout } from '@/lib/graph/layout';
import type { GraphEdge, RoleGraph } from '@/lib/graph/types';
import type { Scope } from '@/lib/params/scope';
import type { GraphQueries } from '@/lib/graph/load';
import { SqlPanel } from '@/components/sql-panel';
import { BatchedEdges } from './batched-edges';
import { GraphActions, isFar, NODE_TYPES, type EntityFlowNode } from './graph-nodes';
import { GraphLegend, GraphSidePanel } from './graph-panel';
import { ASSUMER_LABELS } from '@/lib/links';
import { layoutEngine } from './layout-engine';
import { PLAIN_EDGES, toFlow } from './to-flow';
import { apiErrorMessage, type ApiErrorBody } from '@/lib/http/error-message';

export interface GraphViewState {
  expand: string[];
  selected: string | null;
  path: boolean;
}

type GraphResponse = RoleGraph & { queries: GraphQueries[]; scope: Scope };

function apiUrl(focus: string, scope: Scope, expand: readonly string[]): string {
  const qs = new URLSearchParams({ focus, from: scope.from, to: scope.to });
  for (const e of expand) qs.append('expand', e);
  return `/api/graph?${qs.toString()}`;
}

/** The view's state lives in the page URL: expansion (a new history entry), selection and path (replaced). */
function writeUrl(state: GraphViewState, push: boolean) {
  const url = new URL(window.location.href);
  url.searchParams.delete('expand');
  for (const e of state.expand) url.searchParams.append('expand', e);
  if (state.selected) url.searchParams.set('selected', state.selected);
  else url.searchParams.delete('selected');
  if (state.path) url.searchParams.set('path', '1');
  else url.searchParams.delete('path');
  if (url.toString() === window.location.href) return;
  window.history[push ? 'pushState' : 'replaceState'](null, '', url.toString());
}

function readUrl(): GraphViewState {
  const sp = new URLSearchParams(window.location.search);
  return { expand: sp.getAll('expand').filter(Boolean), selected: sp.get('selected'), path: sp.get('path') === '1' };
}

async function fetchGraph(url: string, signal: AbortSignal): Promise<GraphResponse> {
  const res = await fetch(url, { signal });
  const body = (await res.json().catch(() => null)) as (GraphResponse & ApiErrorBody) | null;
  if (!res.ok || !body) throw new Error(`The graph could not be loaded: ${apiErrorMessage(body, res.status)}`);
  return body;
}

function download(name: string, href: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
}

function Toolbar({ graph, state, setPath, layoutMs }: { graph: GraphResponse; state: GraphViewState; setPath(on: boolean): void; layoutMs: number | null }) {
  const flow = useReactFlow();
  const exportPng = useCallback(async () => {
    const { toPng } = await import('html-to-image');
    const nodes = flow.getNodes();
    const bounds = getNodesBounds(nodes);
    const width = Math.min(4000, Math.max(800, bounds.width + 80));
    const height = Math.min(4000, Math.max(500, bounds.height + 80));
    const viewport = getViewportForBounds(bounds, width, height, 0.1, 2, 0.05);
    const el = document.querySelector<HTMLElement>('.react-flow__viewport');
    if (!el) return;
    const png = await toPng(el, {
      backgroundColor: '#ffffff',
      width,
      height,
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` },
    });
    download('trailscope-graph.png', png);
  }, [flow]);
  const exportJson = useCallback(() => {
    const { queries, ...rest } = graph;
    void queries;
    const blob = new Blob([JSON.stringify(rest, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    download('trailscope-graph.json', url);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, [graph]);
  const origin = graph.originPath;
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-3 py-2 text-xs">
      <button
        type="button"
        aria-pressed={state.path}
        disabled={!origin}
        onClick={() => setPath(!state.path)}
        title={origin ? 'Highlight the chain from the focus back to its origin' : 'A role has many origins: focus one of its sessions'}
        className={`rounded border px-2.5 py-1 font-semibold ${state.path ? 'border-amber-500 bg-amber-100 text-amber-900' : 'border-slate-300 text-slate-700 hover:bg-slate-100'} disabled:opacity-40`}
      >
        Path to origin
      </button>
      {origin && (
        <span className="text-slate-600" data-testid="graph-origin">
          {origin.end === 'origin' && origin.origin ? (
            <>
              origin: <b>{origin.origin.name}</b> ({ASSUMER_LABELS[origin.origin.type]})
            </>
          ) : (
            <>chain ends {origin.end === 'broken' ? 'at a broken hop' : `at a ${origin.end}`}</>
          )}
          {origin.sourceIdentity && <> · source identity <b>{origin.sourceIdentity}</b></>}
        </span>
      )}
      <span className="ml-auto text-slate-500">
        <span data-testid="graph-counts">
          {graph.nodes.length} nodes · {graph.edges.length} edges
        </span>
        {layoutMs !== null && <span title="time to lay the graph out in the browser"> · layout {layoutMs} ms</span>}
      </span>
      <button type="button" onClick={() => void flow.fitView({ padding: 0.05, duration: 300, minZoom: 0.02 })} className="rounded border border-slate-300 px-2.5 py-1 text-slate-700 hover:bg-slate-100">
        Fit
      </button>
      <button type="button" onClick={() => void exportPng()} className="rounded border border-slate-300 px-2.5 py-1 text-slate-700 hover:bg-slate-100" data-testid="export-png">
        PNG
      </button>
      <button type="button" onClick={exportJson} className="rounded border border-slate-300 px-2.5 py-1 text-slate-700 hover:bg-slate-100" data-testid="export-json">
        JSON
      </button>
    </div>
  );
}

function GraphCanvas({ focus, scope, initial, height }: { focus: string; scope: Scope; initial: GraphViewState; height: number }) {
  const [state, setState] = useState<GraphViewState>(initial);
  const [selectedEdge, setSelectedEdge] = useState<GraphEdge | null>(null);
  const flow = useReactFlow();

  useEffect(() => {
    const onPop = () => setState(readUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((next: GraphViewState, push: boolean) => {
    setState(next);
    writeUrl(next, push);
  }, []);

  const query = useQuery({
    queryKey: ['graph', focus, scope.from, scope.to, [...state.expand].sort()],
    queryFn: ({ signal }) => fetchGraph(apiUrl(focus, scope, state.expand), signal),
    placeholderData: keepPreviousData,
  });
  const graph = query.data;

  const [laid, setLaid] = useState<{ graph: GraphResponse; layout: GraphLayout; ms: number } | null>(null);
  useEffect(() => {
    if (!graph) return;
    let cancelled = false;
    const started = performance.now();
    void layoutEngine()
      .then((elk) => layoutGraph(graph.nodes, graph.edges, elk))
      .then((layout) => {
        if (!cancelled) setLaid({ graph, layout, ms: Math.round(performance.now() - started) });
      });
    return () => {
      cancelled = true;
    };
  }, [graph]);

  // Stable across renders: every node reads it from context, and a new value would re-render them all.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  const flowData = useMemo(() => (laid ? toFlow(laid.graph, laid.layout, state.path) : null), [laid, state.path]);
  // React Flow holds the nodes (it measures and drags them); this pushes each new layout or highlight into it.
  // Selection is React Flow's own after the first paint (a click selects); only a new layout or a
  // highlight pushes nodes again, carrying the selection from the URL.
  useEffect(() => {
    if (!flowData) return;
    const selected = stateRef.current.selected;
    flow.setNodes(flowData.nodes.map((n): Node => (n.id === selected ? { ...n, selected: true } : n)));
  }, [flowData, flow]);
  // Zoomed out on a big graph, the edges are drawn batched (BatchedEdges) and React Flow's are hidden.
  const far = useStore(isFar);
  const batched = far && (laid?.graph.edges.length ?? 0) > PLAIN_EDGES;
  useEffect(() => {
    if (!flowData) return;
    flow.setEdges(batched ? flowData.edges.map((e) => ({ ...e, hidden: true })) : flowData.edges);
  }, [flowData, flow, batched]);
  // Fit to the layout's own bounds: React Flow may not have taken the new nodes in yet.
  useEffect(() => {
    if (!laid) return;
    const lanes = laid.layout.lanes;
    if (lanes.length === 0) return;
    const x = Math.min(...lanes.map((l) => l.x)) - 16;
    const y = Math.min(...lanes.map((l) => l.y));
    const width = Math.max(...lanes.map((l) => l.x + l.width)) - x;
    const height = Math.max(...lanes.map((l) => l.y + l.height)) - y;
    const frame = requestAnimationFrame(() => void flow.fitBounds({ x, y, width, height }, { padding: 0.05, duration: 0 }));
    return () => cancelAnimationFrame(frame);
  }, [laid, flow]);

  const toggle = useCallback(
    (id: string) => {
      const current = stateRef.current;
      const expand = current.expand.includes(id) ? current.expand.filter((e) => e !== id) : [...current.expand, id];
      update({ ...current, expand }, true);
    },
    [update],
  );
  const actions = useMemo(() => ({ toggle }), [toggle]);

  const selectedNode = laid?.graph.nodes.find((n) => n.id === state.selected) ?? null;

  if (query.error && !graph) {
    return (
      <p className="p-4 text-sm text-red-700" role="alert">
        {query.error.message}
      </p>
    );
  }
  return (
    <GraphActions.Provider value={actions}>
      {graph && <Toolbar graph={graph} state={state} setPath={(path) => update({ ...state, path }, false)} layoutMs={laid?.ms ?? null} />}
      <div className="grid grid-cols-[1fr_18rem]" style={{ height }}>
        <div className="relative border-r border-slate-100" data-testid="graph-canvas" data-ready={laid && laid.graph === graph && !query.isFetching ? 'true' : 'false'} data-layout-ms={laid?.ms ?? ''}>
          <ReactFlow
            defaultNodes={NO_NODES}
            defaultEdges={NO_EDGES}
            nodeTypes={NODE_TYPES}
            onNodeClick={(_, n) => {
              if (n.type !== 'entity') return;
              setSelectedEdge(null);
              update({ ...state, selected: n.id }, false);
            }}
            onEdgeClick={(_, e) => {
              setSelectedEdge((e.data as { edge: GraphEdge } | undefined)?.edge ?? null);
              update({ ...state, selected: null }, false);
            }}
            onPaneClick={() => {
              setSelectedEdge(null);
              if (state.selected) update({ ...state, selected: null }, false);
            }}
            minZoom={0.02}
            maxZoom={2}
            nodesConnectable={false}
            proOptions={{ hideAttribution: false }}
          >
            <Background gap={24} color="#e2e8f0" />
            {batched && laid && <BatchedEdges graph={laid.graph} layout={laid.layout} highlightPath={state.path} />}
            <Controls showInteractive={false} />
            <MiniMap pannable zoomable nodeColor={(n) => minimapColour(n as EntityFlowNode)} nodeStrokeWidth={2} />
          </ReactFlow>
          {(!laid || query.isFetching || laid.graph !== graph) && (
            <div className="absolute inset-x-0 top-2 mx-auto w-fit rounded bg-slate-900/80 px-3 py-1 text-xs text-white" role="status">
              {query.isFetching ? 'Loading the neighbourhood…' : `Laying out ${graph?.nodes.length ?? ''} nodes…`}
            </div>
          )}
          {query.error && graph && (
            <p className="absolute inset-x-4 bottom-4 rounded bg-red-50 p-2 text-xs text-red-700" role="alert">
              {query.error.message}
            </p>
          )}
        </div>
        <div className="overflow-y-auto">
          {laid && <GraphSidePanel graph={laid.graph} node={selectedEdge ? null : selectedNode} edge={selectedEdge} scope={scope} onToggle={toggle} />}
        </div>
      </div>
      <div className="space-y-2 border-t border-slate-100 px-3 py-2">
        <GraphLegend />
        {graph?.cut.map((c) => (
          <p key={c} className="text-xs text-amber-700">
            {c}
          </p>
        ))}
        {graph?.queries.map((q, i) => <SqlPanel key={i} query={q.query} label={`SQL (${q.label})`} />)}
      </div>
    </GraphActions.Provider>
  );
}

const NO_NODES: Node[] = [];
const NO_EDGES: Edge[] = [];

const MINIMAP: Record<string, string> = { session: '#6366f1', role: '#059669', 'iam-user': '#0284c7', 'sso-user': '#7c3aed', 'aws-service': '#d97706', unknown: '#94a3b8' };

function minimapColour(n: EntityFlowNode): string {
  if (n.type !== 'entity') return 'transparent';
  return MINIMAP[n.data.node.kind] ?? '#64748b';
}

/** The interactive role-chaining graph: a focus, one hop each way, expandable, with its state in the URL. */
export function RoleGraphView(props: { focus: string; scope: Scope; initial: GraphViewState; height?: number }) {
  return (
    <section className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="role-graph">
      <ReactFlowProvider>
        <GraphCanvas {...props} height={props.height ?? 620} />
      </ReactFlowProvider>
    </section>
  );
}
