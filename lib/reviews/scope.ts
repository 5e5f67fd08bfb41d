import { getConnection } from '@/lib/engine';
import { linkIsValid } from '@/lib/http/invalid-link';
import type { Connection } from '@/lib/engine/types';
import { ParamError } from '@/lib/params/param-error';
import { resolveScope, type Scope, type ScopeParams } from '@/lib/params/scope';
import type { DataRangeRow } from '@/lib/data-range/queries/data-range';
import { firstValues, type PageScope, type SearchParamsRecord } from '@/lib/http/page-scope';
import { getDataRange } from '@/lib/data-range/get-data-range';
import type { z } from 'zod';

/**
 * A review's scope. An explicit `from`/`to` is used as given (lib/params/scope). Without either,
 * a review looks back further than an investigation's 24 hours: `defaultDays` ending at the newest
 * event, so "how does this vendor behave" is answered over weeks, not over last night.
 */
export function resolveReviewScope(query: ScopeParams, latest: string | null, defaultDays: number): Scope {
  if (query.from || query.to) return resolveScope(query, latest);
  const end = resolveScope({}, latest).to;
  const from = new Date(Date.parse(end) - defaultDays * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return resolveScope({ from, to: end }, latest);
}

export async function reviewScopeForRequest(conn: Connection, query: ScopeParams, defaultDays: number, signal?: AbortSignal): Promise<{ scope: Scope; range: DataRangeRow }> {
  const range = await getDataRange(conn, signal);
  return { scope: resolveReviewScope(query, range.last, defaultDays), range };
}

export type ReviewPageLoad<T> = { ok: true; page: PageScope; params: T } | { ok: false; parameter: string; message: string };

/** A review page's URL, validated: its schema (scope included) and the resolved scope. */
export async function loadReviewPage<S extends z.ZodType>(sp: SearchParamsRecord, schema: S, defaultDays: number): Promise<ReviewPageLoad<z.output<S>>> {
  const parsed = schema.safeParse(firstValues(sp));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, parameter: String(issue?.path[0] ?? 'query'), message: issue?.message ?? 'is invalid' };
  }
  const params = parsed.data as z.output<S> & ScopeParams;
  try {
    const conn = await getConnection();
    const { scope, range } = await reviewScopeForRequest(conn, { from: params.from, to: params.to }, defaultDays);
    await linkIsValid();
    return { ok: true, page: { conn, range, scope }, params };
  } catch (error) {
    if (error instanceof ParamError) return { ok: false, parameter: error.parameter, message: error.message };
    throw error;
  }
}
