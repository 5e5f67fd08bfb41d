'use client';

import '@xyflow/react/dist/style.css';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, type Edge, type Node } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GraphEdge } from '@/lib/graph/types';
import type { Scope } from '@/lib/params/scope';
import { SqlPanel } from '@/components/sql-panel';
import { BatchedEdges } from './batched-edges';
import { GraphActions, NODE_TYPES, type EntityFlowNode } from './graph-nodes';
import { GraphLegend, GraphSidePanel } from './graph-panel';
import { GraphToolbar } from './graph-toolbar';
import { useGraphLayout, useLayoutInFlow } from './use-graph-layout';
import { useGraphQuery } from './use-graph-query';
import { useGraphView, type GraphViewState } from './use-graph-view';

/**
 * The canvas, composed of its parts: the view state in the URL (use-graph-view), the neighbourhood
 * fetched by React Query (use-graph-query), the layout pushed into React Flow (use-graph-layout)
 * and the toolbar.
 */
function GraphCanvas({ focus, scope, initial, height }: { focus: string; scope: Scope; initial: GraphViewState; height: number }) {
  const { view: state, update } = useGraphView(initial);
  const [selectedEdge, setSelectedEdge] = useState<GraphEdge | null>(null);
  const query = useGraphQuery({ focus, scope, expand: state.expand });
  const graph = query.data;
  const laid = useGraphLayout(graph);

  // Stable across renders: every node reads it from context, and a new value would re-render them all.
  const stateRef = useRef(state);
  const selectedRef = useRef(state.selected);
  useEffect(() => {
    stateRef.current = state;
    selectedRef.current = state.selected;
  }, [state]);
  const batched = useLayoutInFlow(laid, state.path, selectedRef);

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
      {graph && <GraphToolbar graph={graph} state={state} setPath={(path) => update({ ...state, path }, false)} layoutMs={laid?.ms ?? null} />}
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
