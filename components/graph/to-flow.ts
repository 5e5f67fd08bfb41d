import { MarkerType, type Edge } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH, type GraphLayout } from '@/lib/graph/layout';
import type { RoleGraph } from '@/lib/graph/types';
import type { EntityFlowNode, LaneFlowNode } from './graph-nodes';
import { EDGE_STYLE } from './graph-style';

/** Edge labels beyond this many edges would be unreadable and slow; the side panel has them. */
const MAX_LABELLED_EDGES = 120;
/**
 * Beyond this many edges, edges are drawn plainly (straight, no arrowheads or dashes except for
 * inferred/broken links): every pan and zoom repaints them all, and dashes and markers cost the most.
 */
export const PLAIN_EDGES = 600;

function short(iso: string | null): string {
  return iso ? iso.slice(5, 16).replace('T', ' ') : '?';
}

/** The graph and its layout as React Flow nodes and edges, with the path to origin highlighted when asked. */
export function toFlow(graph: RoleGraph, layout: GraphLayout, highlightPath: boolean): { nodes: (EntityFlowNode | LaneFlowNode)[]; edges: Edge[] } {
  const pathNodes = new Set(highlightPath ? (graph.originPath?.nodeIds ?? []) : []);
  const pathEdges = new Set(highlightPath ? (graph.originPath?.edgeIds ?? []) : []);
  const dim = highlightPath && pathNodes.size > 0;
  const lanes: LaneFlowNode[] = layout.lanes.map((lane) => ({
    id: lane.id,
    type: 'lane',
    position: { x: lane.x - 16, y: lane.y },
    data: { lane, label: lane.accountId ? `AWS account ${lane.accountId}` : 'Outside any account: identity providers, AWS services' },
    draggable: false,
    selectable: false,
    focusable: false,
    zIndex: -1,
    width: lane.width,
    height: lane.height,
  }));
  const nodes: EntityFlowNode[] = graph.nodes.map((node) => ({
    id: node.id,
    type: 'entity',
    position: layout.positions.get(node.id) ?? { x: 0, y: 0 },
    data: { node, dimmed: dim && !pathNodes.has(node.id), onPath: pathNodes.has(node.id) },
    // Fixed sizes: fit and minimap need no measuring pass.
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    draggable: true,
  }));
  const labelled = graph.edges.length <= MAX_LABELLED_EDGES;
  const plain = graph.edges.length > PLAIN_EDGES;
  const edges: Edge[] = graph.edges.map((e) => {
    const style = EDGE_STYLE[e.kind === 'session-of' ? 'session-of' : e.label];
    const onPath = pathEdges.has(e.id);
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      type: plain ? 'straight' : 'default',
      data: { edge: e },
      style: {
        stroke: onPath ? '#f59e0b' : style.stroke,
        strokeWidth: onPath ? 3.5 : style.width,
        strokeDasharray: plain && e.kind === 'session-of' ? undefined : style.dash,
        opacity: dim && !onPath ? 0.15 : 1,
      },
      markerEnd: e.kind === 'assumed' && (!plain || onPath) ? { type: MarkerType.ArrowClosed, color: onPath ? '#f59e0b' : style.stroke, width: 16, height: 16 } : undefined,
      label:
        e.kind === 'assumed' && (labelled || onPath)
          ? `${e.label === 'broken' ? '✕ broken' : `${e.count}×`} ${e.first ? (e.first === e.last ? short(e.first) : `${short(e.first)} – ${short(e.last)}`) : ''}`.trim()
          : undefined,
      labelStyle: { fontSize: 10, fill: e.label === 'broken' ? '#b91c1c' : '#334155' },
      labelBgStyle: { fill: '#ffffff', fillOpacity: 0.85 },
      labelBgPadding: [3, 2] as [number, number],
      zIndex: onPath ? 1 : 0,
    };
  });
  return { nodes: [...lanes, ...nodes], edges };
}
