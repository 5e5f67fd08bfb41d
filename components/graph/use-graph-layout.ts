import { useReactFlow, useStore, type Node } from '@xyflow/react';
import { useEffect, useMemo, useState, type RefObject } from 'react';
import { layoutGraph, type GraphLayout } from '@/lib/graph/layout';
import { isFar } from './graph-nodes';
import { layoutEngine } from './layout-engine';
import { PLAIN_EDGES, toFlow } from './to-flow';
import type { GraphResponse } from './use-graph-query';

interface LaidGraph {
  graph: GraphResponse;
  layout: GraphLayout;
  /** Time to lay the graph out in the browser. */
  ms: number;
}

/** The graph laid out by ELK in the browser; the previous layout stays until the new one is ready. */
export function useGraphLayout(graph: GraphResponse | undefined): LaidGraph | null {
  const [laid, setLaid] = useState<LaidGraph | null>(null);
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
  return laid;
}

/**
 * Pushes each new layout or highlight into React Flow, which holds the nodes (it measures and drags
 * them), and fits the view to it. Returns whether the edges are drawn batched (BatchedEdges):
 * zoomed out on a big graph, React Flow's own are hidden.
 */
export function useLayoutInFlow(laid: LaidGraph | null, highlightPath: boolean, selectedRef: RefObject<string | null>): boolean {
  const flow = useReactFlow();
  const flowData = useMemo(() => (laid ? toFlow(laid.graph, laid.layout, highlightPath) : null), [laid, highlightPath]);
  // Selection is React Flow's own after the first paint (a click selects); only a new layout or a
  // highlight pushes nodes again, carrying the selection from the URL.
  useEffect(() => {
    if (!flowData) return;
    const selected = selectedRef.current;
    flow.setNodes(flowData.nodes.map((n): Node => (n.id === selected ? { ...n, selected: true } : n)));
  }, [flowData, flow, selectedRef]);
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
  return batched;
}
