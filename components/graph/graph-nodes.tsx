'use client';

import { Handle, Position, useStore, type Node, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import type { GraphNode } from '@/lib/graph/types';
import { NODE_HEIGHT, NODE_WIDTH, type Lane } from '@/lib/graph/layout';
import { KIND_STYLE, SHAPE_CLASS } from './graph-style';

export type EntityNodeData = { node: GraphNode; dimmed: boolean; onPath: boolean };
export type EntityFlowNode = Node<EntityNodeData, 'entity'>;
export type LaneFlowNode = Node<{ lane: Lane; label: string }, 'lane'>;

/** Expanding and collapsing come through context, so node data stays stable and nodes stay memoised. */
export const GraphActions = createContext<{ toggle(id: string): void }>({ toggle: () => {} });

function ExpandHandle({ node, type, position }: { node: GraphNode; type: 'source' | 'target'; position: Position }) {
  const { toggle } = useContext(GraphActions);
  const what = type === 'target' ? 'who assumed it' : 'what it assumed';
  return (
    <Handle
      type={type}
      position={position}
      isConnectable={false}
      onClick={(e) => {
        e.stopPropagation();
        if (node.expandable && !node.focus) toggle(node.id);
      }}
      title={node.focus ? 'The focus: always expanded' : node.expandable ? `${node.expanded ? 'Collapse' : 'Expand'}: ${what}` : 'Nothing to expand'}
      aria-label={`${node.expanded ? 'Collapse' : 'Expand'} ${node.label}`}
      data-testid={`expand-${type}`}
      className={`pointer-events-auto! flex! h-5! w-5! items-center justify-center rounded-full! border! border-slate-400! bg-white! text-[11px] font-bold leading-none text-slate-600 ${node.expandable && !node.focus ? 'cursor-pointer! hover:bg-indigo-100!' : 'cursor-default! opacity-60'}`}
    >
      {node.expandable ? (node.expanded ? '−' : '+') : ''}
    </Handle>
  );
}

/** Zoomed out this far, text is unreadable: nodes draw as plain coloured boxes, which repaint far faster. */
const FAR_ZOOM = 0.4;
export const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

/** One identity or session. Declared once at module level and memoised: re-rendered only when its own data changes. */
export const EntityNode = memo(function EntityNode({ data, selected }: NodeProps<EntityFlowNode>) {
  const { node, dimmed, onPath } = data;
  const style = KIND_STYLE[node.kind];
  // A boolean selector: nodes re-render only when the zoom crosses the threshold, not on every zoom step.
  const far = useStore(isFar);
  if (far) {
    return (
      <div
        style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
        className={`${style.tag} ${dimmed ? 'opacity-25' : ''} ${onPath || node.focus ? 'outline outline-8 outline-amber-400' : ''} rounded-md`}
        data-testid="graph-node"
        data-node-id={node.id}
        data-kind={node.kind}
        data-expanded={node.expanded ? 'true' : 'false'}
        data-on-path={onPath ? 'true' : 'false'}
        title={node.label}
      >
        <Handle type="target" position={Position.Left} isConnectable={false} className="opacity-0" />
        <Handle type="source" position={Position.Right} isConnectable={false} className="opacity-0" />
      </div>
    );
  }
  return (
    <div
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      className={`relative flex flex-col justify-center px-4 ${SHAPE_CLASS[style.shape]} ${style.box} ${dimmed ? 'opacity-25' : ''} ${
        selected ? 'ring-2 ring-indigo-400 ring-offset-1' : ''
      } ${onPath ? 'outline outline-[3px] outline-offset-2 outline-amber-400' : ''} ${node.focus ? 'shadow-lg' : ''}`}
      data-testid="graph-node"
      data-node-id={node.id}
      data-kind={node.kind}
      data-expanded={node.expanded ? 'true' : 'false'}
      data-on-path={onPath ? 'true' : 'false'}
    >
      <ExpandHandle node={node} type="target" position={Position.Left} />
      <div className="flex items-center gap-1.5">
        <span className={`shrink-0 rounded px-1 text-[9px] font-semibold uppercase tracking-wide text-white ${style.tag}`}>{style.label}</span>
        {node.focus && <span className="rounded bg-slate-900 px-1 text-[9px] font-semibold uppercase text-white">focus</span>}
      </div>
      <p className="truncate text-sm font-semibold text-slate-900" title={node.label}>
        {node.label}
      </p>
      {node.detail && (
        <p className="truncate text-[11px] text-slate-500" title={node.detail}>
          {node.detail}
        </p>
      )}
      <ExpandHandle node={node} type="source" position={Position.Right} />
    </div>
  );
});

/** The band behind one account's nodes. */
export const LaneNode = memo(function LaneNode({ data }: NodeProps<LaneFlowNode>) {
  const { lane, label } = data;
  return (
    <div
      style={{ width: lane.width, height: lane.height }}
      className={`rounded-xl border ${lane.accountId ? 'border-slate-300 bg-slate-50/70' : 'border-dashed border-violet-300 bg-violet-50/40'}`}
      data-testid="graph-lane"
      data-account={lane.accountId ?? 'outside'}
    >
      <p className="px-3 py-1.5 text-xs font-semibold text-slate-600">{label}</p>
    </div>
  );
});

export const NODE_TYPES = { entity: EntityNode, lane: LaneNode };
