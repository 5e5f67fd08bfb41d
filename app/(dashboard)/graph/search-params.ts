import { href } from '@/lib/params/href';
import type { Scope } from '@/lib/params/scope';

/**
 * The graph route's URL, shared by the page, the client (RoleGraphView), GET /api/graph and the
 * React Query key. The schemas and the page link live in lib/graph/params.ts because lib/ builds
 * graph links too (audit entries, node profiles) and lib never imports app/: this file is the
 * route's one door to them, and adds what only the app uses.
 */
export { GRAPH_PATH as path, graphApiParams, graphViewParams, parseGraphView, writeGraphView, graphHref as toHref } from '@/lib/graph/params';

export interface GraphRequest {
  focus: string;
  scope: Scope;
  expand: readonly string[];
}

/** GET /api/graph for the focus and its expansion in the scope. */
export function apiHref({ focus, scope, expand }: GraphRequest): string {
  return href('/api/graph', { focus, from: scope.from, to: scope.to, expand });
}

/** The cache key of one neighbourhood: the expansion as a set, so toggling back finds the cached graph. */
export function queryKey({ focus, scope, expand }: GraphRequest) {
  return ['graph', focus, scope.from, scope.to, [...expand].sort()] as const;
}
