import type { ElkNode } from 'elkjs/lib/elk-api';
import type { GraphEdge, GraphNode } from './types';

/** Every node is drawn this size; the layout and the custom nodes agree on it. */
export const NODE_WIDTH = 224;
export const NODE_HEIGHT = 60;
const COLUMN_GAP = 96;
const ROW_GAP = 16;
const LANE_HEADER = 30;
const LANE_PADDING = 16;
const LANE_GAP = 20;
/** Rows in one layer of one lane before it wraps into another sub-column. */
const MAX_ROWS = 16;
const SUB_COLUMN_GAP = 24;

export interface Position {
  x: number;
  y: number;
}

/** A horizontal band holding one AWS account's nodes; `accountId` null holds IdP users and services. */
export interface Lane {
  id: string;
  accountId: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphLayout {
  /** Top-left corners, absolute. */
  positions: Map<string, Position>;
  lanes: Lane[];
}

/** What runs the layered layout: elkjs on the main thread (tests, small graphs) or in a worker. */
export interface LayeredLayout {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export const laneId = (accountId: string | null) => `lane:${accountId ?? 'outside'}`;

/**
 * Cheap settings: at 1,000 nodes and 3,000 edges ELK's defaults take ~17 s, these ~2 s, and the
 * layers and orders they give are what the lanes are built from (edges are drawn by the view).
 */
const ELK_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.thoroughness': '1',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.cycleBreaking.strategy': 'GREEDY',
};

/**
 * Layered left to right (an assumer left of the session it started, so chains read in time order),
 * then regrouped into one lane per AWS account: a node keeps its layer (column) and its order
 * within the layer, so cross-account hops are the edges that cross a lane. Nodes arrive sorted by
 * first assumption, which ELK keeps within a layer where it can.
 */
export async function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[], elk: LayeredLayout): Promise<GraphLayout> {
  const ids = new Set(nodes.map((n) => n.id));
  const laid = await elk.layout({
    id: 'root',
    layoutOptions: ELK_OPTIONS,
    children: nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const raw = new Map((laid.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
  const columns = [...new Set([...raw.values()].map((p) => Math.round(p.x)))].sort((a, b) => a - b);
  const columnOf = new Map(columns.map((x, i) => [x, i]));

  // Lanes top to bottom: identities outside any account first (where chains start), then accounts
  // in the order ELK placed their highest node.
  const laneKeys = [...new Set(nodes.map((n) => n.accountId))];
  const top = (account: string | null) => Math.min(...nodes.filter((n) => n.accountId === account).map((n) => raw.get(n.id)?.y ?? 0));
  laneKeys.sort((a, b) => (a === null ? -1 : b === null ? 1 : top(a) - top(b) || (a < b ? -1 : 1)));

  // A layer with many nodes (a role with hundreds of sessions) wraps into side-by-side
  // sub-columns, so the graph stays closer to the screen's shape than one very tall column.
  const cellsOf = new Map<string | null, Map<number, GraphNode[]>>();
  for (const n of nodes) {
    const col = columnOf.get(Math.round(raw.get(n.id)?.x ?? 0)) ?? 0;
    const lane = cellsOf.get(n.accountId) ?? new Map<number, GraphNode[]>();
    lane.set(col, [...(lane.get(col) ?? []), n]);
    cellsOf.set(n.accountId, lane);
  }
  const wraps = columns.map((_, col) => Math.max(1, ...[...cellsOf.values()].map((cells) => Math.ceil((cells.get(col)?.length ?? 0) / MAX_ROWS))));
  const layerX: number[] = [];
  let x = LANE_PADDING;
  for (const w of wraps) {
    layerX.push(x);
    x += w * (NODE_WIDTH + SUB_COLUMN_GAP) - SUB_COLUMN_GAP + COLUMN_GAP;
  }
  const width = x - COLUMN_GAP + LANE_PADDING;

  const positions = new Map<string, Position>();
  const lanes: Lane[] = [];
  let y = 0;
  for (const account of laneKeys) {
    const cells = cellsOf.get(account) ?? new Map<number, GraphNode[]>();
    let rows = 1;
    for (const [col, cell] of cells) {
      cell.sort((a, b) => (raw.get(a.id)?.y ?? 0) - (raw.get(b.id)?.y ?? 0));
      const perSub = Math.ceil(cell.length / (wraps[col] ?? 1));
      rows = Math.max(rows, perSub);
      cell.forEach((n, i) =>
        positions.set(n.id, {
          x: (layerX[col] ?? 0) + Math.floor(i / perSub) * (NODE_WIDTH + SUB_COLUMN_GAP),
          y: y + LANE_HEADER + (i % perSub) * (NODE_HEIGHT + ROW_GAP),
        }),
      );
    }
    const height = LANE_HEADER + rows * (NODE_HEIGHT + ROW_GAP) - ROW_GAP + LANE_PADDING;
    lanes.push({ id: laneId(account), accountId: account, x: 0, y, width, height });
    y += height + LANE_GAP;
  }
  return { positions, lanes };
}
