'use client';

import { getNodesBounds, getViewportForBounds, useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { ASSUMER_LABELS } from '@/lib/links';
import type { GraphResponse } from './use-graph-query';
import type { GraphViewState } from './use-graph-view';

function download(name: string, href: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
}

/** Above the graph: the path-to-origin highlight, where the chain ends, the counts and layout time, fit and the exports. */
export function GraphToolbar({ graph, state, setPath, layoutMs }: { graph: GraphResponse; state: GraphViewState; setPath(on: boolean): void; layoutMs: number | null }) {
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
