import { z } from 'zod';
import { MAX_EXPANDED } from '@/lib/graph/load';
import { nodeIdParam } from '@/lib/graph/node-id';
import { paramProblem } from './param-error';
import { scopeParams } from './scope';
import { optionalParam, ROLE_SESSION_ID_BODY } from './validators';

/** A repeated parameter (`expand=a&expand=b`): node ids may contain commas, so no joined lists. */
const nodeList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''))
  .pipe(z.array(nodeIdParam).max(MAX_EXPANDED, `at most ${MAX_EXPANDED} expanded nodes`));

/**
 * The graph's URL: the focus, the nodes expanded around it, the selected node and whether the path
 * to origin is highlighted. A shared link draws the same graph.
 */
export const graphViewParams = z.object({
  expand: nodeList,
  selected: optionalParam(nodeIdParam.or(z.string().regex(new RegExp(`^unknown:assumer-of:${ROLE_SESSION_ID_BODY}$`)))),
  path: optionalParam(z.enum(['1', '0'])).transform((v) => v === '1'),
});
export type GraphView = z.output<typeof graphViewParams>;

export const graphParams = scopeParams.extend({ focus: nodeIdParam }).extend(graphViewParams.shape);
export type GraphParams = z.output<typeof graphParams>;

/** The API takes the same parameters, without the view-only ones. */
export const graphApiParams = graphParams.pick({ from: true, to: true, focus: true, expand: true });

/** The graph's view state from a page's raw search parameters (expand may repeat), or the bad parameter. */
export function parseGraphView(sp: Readonly<Record<string, string | string[] | undefined>>): { ok: true; view: GraphView } | { ok: false; parameter: string; message: string } {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = graphViewParams.safeParse({ expand: sp.expand, selected: first(sp.selected), path: first(sp.path) });
  if (parsed.success) return { ok: true, view: parsed.data };
  return { ok: false, ...paramProblem(parsed.error, 'query') };
}
