/**
 * Where a URL is defined. Each page route has a `search-params.ts` beside its page.tsx: its query
 * and path schemas, `toHref`, and where the data is fetched client-side the API href and the React
 * Query key; the page, its client components and its app/api routes import from there, and nothing
 * writes a URL by hand. lib/ never imports app/, so a schema that lib code is typed by, or a link
 * that lib code builds (search results, audit entries, attribution), is defined in its lib domain
 * (`lib/<domain>/params.ts`) and re-exported by the route's search-params.ts. This folder holds
 * only the building blocks: scope, validators, param errors and these helpers.
 */
import type { Scope } from './scope';

type HrefValue = string | number | null | undefined | readonly string[];

/**
 * Builds an in-app link with query parameters, dropping empty ones. A list repeats its key
 * (`expand=a&expand=b`): values may contain commas, so never a joined list.
 */
export function href(path: string, params: { readonly [key: string]: HrefValue }): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'object' && v !== null) for (const item of v) qs.append(k, item);
    else if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** The current query string with a new scope: other parameters (tab, filters) kept, a stale page cursor dropped. */
export function withScope(search: string, scope: Scope): string {
  const next = new URLSearchParams(search);
  next.set('from', scope.from);
  next.set('to', scope.to);
  next.delete('cursor');
  return next.toString();
}

/** The query string with one parameter set (the details tab), everything else kept. */
export function withParam(search: string, name: string, value: string): string {
  const next = new URLSearchParams(search);
  next.set(name, value);
  return next.toString();
}
