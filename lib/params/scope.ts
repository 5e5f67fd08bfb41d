import { z } from '@/lib/zod';
import { isoInstant, optionalParam } from './validators';
import { ParamError } from './param-error';
import { FIRST_DAY, isInstantInRange, isoUtc, LAST_DAY } from '@/lib/time';

export const MAX_SCOPE_MS = 366 * 24 * 3600 * 1000;
export const DEFAULT_SCOPE_MS = 24 * 3600 * 1000;

/** `from`/`to` as they arrive in a URL: both optional, validated when present. */
export const scopeParams = z.object({
  from: optionalParam(isoInstant),
  to: optionalParam(isoInstant),
});
export type ScopeParams = z.infer<typeof scopeParams>;

export interface Scope {
  from: string;
  to: string;
}

/** A link's scope left to the page it opens: empty bounds are dropped from the URL, so the page picks its own default window. */
export const NO_SCOPE: Scope = { from: '', to: '' };

/**
 * The scope time of a view. Given explicitly it is used as is (so a shared link shows the same
 * window next week); missing parts default to the 24 hours ending at the newest event, rounded up
 * to the hour, as Detective scopes an entity. `from` must precede `to`, at most a year apart.
 */
export function resolveScope(params: ScopeParams, latestEventTime: string | null, now = Date.now()): Scope {
  const anchor = latestEventTime ? Date.parse(latestEventTime) : now;
  const hour = 3600 * 1000;
  const defaultTo = Math.ceil((anchor + 1000) / hour) * hour;
  const to = params.to ? Date.parse(params.to) : params.from ? Date.parse(params.from) + DEFAULT_SCOPE_MS : defaultTo;
  const from = params.from ? Date.parse(params.from) : to - DEFAULT_SCOPE_MS;
  // A bound given is in range (isoInstant); the one derived from it a day away may not be.
  if (!isInstantInRange(to)) throw new ParamError('from', `is too late: the scope from it would end after ${LAST_DAY}`);
  if (!isInstantInRange(from)) throw new ParamError('to', `is too early: the scope up to it would start before ${FIRST_DAY}`);
  if (from >= to) throw new ParamError('from', 'from must be before to');
  if (to - from > MAX_SCOPE_MS) throw new ParamError('from', 'the scope can be at most one year');
  return { from: isoUtc(from), to: isoUtc(to) };
}
