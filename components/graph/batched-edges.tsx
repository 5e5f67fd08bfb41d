'use client';

import { ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { NODE_HEIGHT, NODE_WIDTH, type GraphLayout } from '@/lib/graph/layout';
import type { RoleGraph } from '@/lib/graph/types';
import { EDGE_STYLE } from './graph-style';

type Stroke = keyof typeof EDGE_STYLE | 'path';

/**
 * Zoomed out on a large graph, thousands of edge elements make every pan and zoom repaint slowly:
 * here they are drawn as one SVG path per line style instead (straight, node edge to node edge,
 * from the layout's positions). Zoomed in, React Flow's own edges return, clickable.
 */
export const BatchedEdges = memo(function BatchedEdges({ graph, layout, highlightPath }: { graph: RoleGraph; layout: GraphLayout; highlightPath: boolean }) {
  const onPath = new Set(highlightPath ? (graph.originPath?.edgeIds ?? []) : []);
  const d: Record<Stroke, string[]> = { proven: [], inferred: [], broken: [], 'session-of': [], path: [] };
  for (const e of graph.edges) {
    const s = layout.positions.get(e.source);
    const t = layout.positions.get(e.target);
    if (!s || !t) continue;
    const key: Stroke = onPath.has(e.id) ? 'path' : e.kind === 'session-of' ? 'session-of' : e.label;
    d[key].push(`M${s.x + NODE_WIDTH} ${s.y + NODE_HEIGHT / 2}L${t.x} ${t.y + NODE_HEIGHT / 2}`);
  }
  const dim = highlightPath && onPath.size > 0;
  return (
    <ViewportPortal>
      <svg style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible', pointerEvents: 'none' }} width={1} height={1} data-testid="batched-edges">
        {(['session-of', 'proven', 'inferred', 'broken'] as const).map((k) => (
          // No dashes or translucency: both multiply the cost of painting thousands of segments; the colour tells the kinds apart.
          <path key={k} d={d[k].join('')} fill="none" stroke={dim ? '#e2e8f0' : EDGE_STYLE[k].stroke} strokeWidth={EDGE_STYLE[k].width * 2} />
        ))}
        <path d={d.path.join('')} fill="none" stroke="#f59e0b" strokeWidth={8} />
      </svg>
    </ViewportPortal>
  );
});
