import { z } from '@/lib/zod';
import { href } from '@/lib/params/href';
import { paramProblem, type ParamProblem } from '@/lib/params/param-error';
import { scopeParams, type Scope } from '@/lib/params/scope';
import { optionalParam, ROLE_SESSION_ID_BODY } from '@/lib/params/validators';
import { nodeIdParam } from './node-id';

/** Nodes that may be expanded at once (the URL's expansion set). */
/** The graph page; without a focus it asks for one. */
export const GRAPH_PATH = '/graph';

export const MAX_EXPANDED = 40;

/** A repeated parameter (`expand=a&expand=b`): node ids may contain commas, so no joined lists. */
const nodeList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''))
  .pipe(z.array(nodeIdParam).max(MAX_EXPANDED, `at most ${MAX_EXPANDED} expanded nodes`));

/**
 * The graph's view in a URL: the nodes expanded around the focus, the selected node and whether
 * the path to origin is highlighted. The graph page and every profile's Graph tab carry it, so a
 * shared link draws the same graph.
 */
export const graphViewParams = z.object({
  expand: nodeList,
  selected: optionalParam(nodeIdParam.or(z.string().regex(new RegExp(`^unknown:assumer-of:${ROLE_SESSION_ID_BODY}$`)))),
  path: optionalParam(z.enum(['1', '0'])).transform((v) => v === '1'),
});
export type GraphView = z.output<typeof graphViewParams>;

/** /graph: the focus in the scope, and the view. */
export const graphParams = scopeParams.extend({ focus: nodeIdParam }).extend(graphViewParams.shape);

/** GET /api/graph takes the page's parameters without the view-only ones. */
export const graphApiParams = graphParams.pick({ from: true, to: true, focus: true, expand: true });
export type GraphApiParams = z.output<typeof graphApiParams>;

type RawSearch = Readonly<Record<string, string | string[] | undefined>> | URLSearchParams;

/** The view from a URL's search parameters (expand may repeat, the others count once), or the bad parameter. */
export function parseGraphView(sp: RawSearch): { ok: true; view: GraphView } | ({ ok: false } & ParamProblem) {
  const all = (key: string) => (sp instanceof URLSearchParams ? sp.getAll(key) : sp[key]);
  const first = (key: string) => {
    const v = all(key);
    return (Array.isArray(v) ? v[0] : v) ?? undefined;
  };
  const parsed = graphViewParams.safeParse({ expand: all('expand'), selected: first('selected'), path: first('path') });
  if (parsed.success) return { ok: true, view: parsed.data };
  return { ok: false, ...paramProblem(parsed.error, 'query') };
}

/** Puts the view into a URL, keeping its other parameters (the page's own scope, tab …); `path` and `selected` only when set. */
export function writeGraphView(url: URL, view: { expand: readonly string[]; selected?: string | null; path: boolean }): void {
  url.searchParams.delete('expand');
  for (const e of view.expand) url.searchParams.append('expand', e);
  if (view.selected) url.searchParams.set('selected', view.selected);
  else url.searchParams.delete('selected');
  if (view.path) url.searchParams.set('path', '1');
  else url.searchParams.delete('path');
}

/** The graph page focused on a node, with nodes expanded around it. */
export function graphHref(focus: string, scope: Scope, expand: readonly string[] = []): string {
  return href(GRAPH_PATH, { ...scope, focus, expand });
}
