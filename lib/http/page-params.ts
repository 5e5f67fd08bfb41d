import type { z } from 'zod';
import { linkIsValid } from '@/lib/http/invalid-link';
import { ParamError } from '@/lib/params/param-error';
import { firstValues, loadPageScope, type PageScope, type SearchParamsRecord } from './page-scope';

export type PageLoad<T> = { ok: true; page: PageScope; params: T } | { ok: false; parameter: string; message: string };

/**
 * A scoped page's URL, validated: the scope plus the page's own parameters. A bad value becomes
 * a message naming the parameter, never an exception for the error page.
 */
export async function loadPageParams<S extends z.ZodType>(sp: SearchParamsRecord, schema: S): Promise<PageLoad<z.output<S>>> {
  const parsed = schema.safeParse(firstValues(sp));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, parameter: String(issue?.path[0] ?? 'query'), message: issue?.message ?? 'is invalid' };
  }
  try {
    const page = await loadPageScope(sp);
    await linkIsValid();
    return { ok: true, page, params: parsed.data };
  } catch (error) {
    if (error instanceof ParamError) return { ok: false, parameter: error.parameter, message: error.message };
    throw error;
  }
}
