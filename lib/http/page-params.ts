import type { z } from 'zod';
import { getConnection } from '@/lib/engine';
import { ParamError, paramProblem, type ParamProblem } from '@/lib/params/param-error';
import { scopeParams } from '@/lib/params/scope';
import { reviewScopeForRequest } from '@/lib/reviews/scope';
import { invalidLink, linkIsValid } from './invalid-link';
import { firstValues, loadPageScope, type PageScope, type SearchParamsRecord } from './page-scope';

/** A page's path segment: its schema, the value Next handed over, and how a message names it ("role ARN"). */
interface PathParam<P extends z.ZodType> {
  schema: P;
  value: unknown;
  name: string;
}

type PathOutput<P> = P extends z.ZodType ? z.output<P> : undefined;

interface PageSpec<Q extends z.ZodType, P extends z.ZodType | undefined> {
  /** The page's query parameters (the scope included where the page has one). */
  query: Q;
  path?: P extends z.ZodType ? PathParam<P> : never;
  /** Query parameters that may repeat (`expand=a&expand=b`), handed to the schema as lists; the others count once. */
  repeated?: readonly string[];
  /** Where "start again" goes: `path` when the segment is bad, `query` (given the segment) when a query parameter is. */
  reset: { path?: string; query: string | ((path: PathOutput<P>) => string) };
}

interface PageUrl<Q, P> {
  params: Q;
  path: P;
}

interface LoadedPage<Q, P> extends PageUrl<Q, P> {
  page: PageScope;
}

/**
 * The one page loader. Validates the page's link (the path segment, then the query parameters,
 * then the scope they give) and answers a bad one with invalidLink(): 404 naming the parameter.
 * A review (`reviewDays`) defaults its scope to that many days instead of an investigation's 24 hours.
 */
export async function loadPage<Q extends z.ZodType, P extends z.ZodType | undefined = undefined>(
  sp: SearchParamsRecord,
  spec: PageSpec<Q, P> & { reviewDays?: number },
): Promise<LoadedPage<z.output<Q>, PathOutput<P>>> {
  const url = await parseUrl(sp, spec);
  if (!url.ok) return refuse(spec, url);
  try {
    const page = spec.reviewDays === undefined ? await loadPageScope(sp) : await reviewPageScope(sp, spec.reviewDays);
    await linkIsValid();
    return { page, params: url.params, path: url.path };
  } catch (error) {
    if (error instanceof ParamError) return refuse(spec, { problem: error, path: url.path });
    throw error;
  }
}

/** loadPage for a page without a scope (the audit log): the link validated, nothing loaded. */
export async function loadPageUrl<Q extends z.ZodType, P extends z.ZodType | undefined = undefined>(
  sp: SearchParamsRecord,
  spec: PageSpec<Q, P>,
): Promise<PageUrl<z.output<Q>, PathOutput<P>>> {
  const url = await parseUrl(sp, spec);
  if (!url.ok) return refuse(spec, url);
  await linkIsValid();
  return { params: url.params, path: url.path };
}

type ParsedUrl<Q, P> = ({ ok: true } & PageUrl<Q, P>) | { ok: false; problem: ParamProblem; path?: P };

async function parseUrl<Q extends z.ZodType, P extends z.ZodType | undefined>(sp: SearchParamsRecord, spec: PageSpec<Q, P>): Promise<ParsedUrl<z.output<Q>, PathOutput<P>>> {
  let path: PathOutput<P> | undefined;
  if (spec.path) {
    const parsed = spec.path.schema.safeParse(spec.path.value);
    if (!parsed.success) return { ok: false, problem: { parameter: spec.path.name, message: paramProblem(parsed.error, spec.path.name).message } };
    path = parsed.data as PathOutput<P>;
  }
  const values: Record<string, string | string[] | undefined> = firstValues(sp);
  for (const key of spec.repeated ?? []) values[key] = sp[key];
  const parsed = spec.query.safeParse(values);
  if (!parsed.success) return { ok: false, problem: paramProblem(parsed.error, 'query'), path };
  return { ok: true, params: parsed.data, path: path as PathOutput<P> };
}

function refuse<P>(spec: { reset: { path?: string; query: string | ((path: P) => string) } }, failed: { problem: ParamProblem; path?: P }): Promise<never> {
  const { reset } = spec;
  const resetHref = failed.path === undefined ? (reset.path ?? (typeof reset.query === 'string' ? reset.query : '/')) : typeof reset.query === 'string' ? reset.query : reset.query(failed.path);
  return invalidLink({ parameter: failed.problem.parameter, message: failed.problem.message, resetHref });
}

/** A review's scope: an explicit `from`/`to` as given, else `defaultDays` ending at the newest event. */
async function reviewPageScope(sp: SearchParamsRecord, defaultDays: number): Promise<PageScope> {
  const parsed = scopeParams.safeParse(firstValues(sp));
  if (!parsed.success) throw ParamError.fromZod(parsed.error, 'scope');
  const conn = await getConnection();
  const { scope, range } = await reviewScopeForRequest(conn, parsed.data, defaultDays);
  return { conn, range, scope };
}
