import { useCallback, useEffect, useState } from 'react';
import { parseGraphView, writeGraphView } from '@/app/(dashboard)/graph/search-params';

export interface GraphViewState {
  expand: string[];
  selected: string | null;
  path: boolean;
}

const EMPTY_VIEW: GraphViewState = { expand: [], selected: null, path: false };

/** The view the page URL holds now, validated by the graph route's schema; a URL edited into nonsense starts from an empty view. */
function readView(): GraphViewState {
  const parsed = parseGraphView(new URLSearchParams(window.location.search));
  return parsed.ok ? { expand: parsed.view.expand, selected: parsed.view.selected ?? null, path: parsed.view.path } : EMPTY_VIEW;
}

/** Expansion is a new history entry (Back undoes it); selection and the path highlight replace the current one. */
function writeView(view: GraphViewState, push: boolean): void {
  const url = new URL(window.location.href);
  writeGraphView(url, view);
  if (url.toString() === window.location.href) return;
  window.history[push ? 'pushState' : 'replaceState'](null, '', url.toString());
}

/** The graph's view state, kept in the page URL (the graph page's or a profile's Graph tab) and followed on Back/Forward. */
export function useGraphView(initial: GraphViewState): { view: GraphViewState; update(next: GraphViewState, push: boolean): void } {
  const [view, setView] = useState<GraphViewState>(initial);
  useEffect(() => {
    const onPop = () => setView(readView());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const update = useCallback((next: GraphViewState, push: boolean) => {
    setView(next);
    writeView(next, push);
  }, []);
  return { view, update };
}
