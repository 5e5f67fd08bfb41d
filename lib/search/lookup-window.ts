import type { Scope } from '@/lib/params/scope';

/** How far before the scope a search looks, as the profiles' first/last observed do on Athena. */
export const LOOKBACK_DAYS = 90;

/**
 * The window a search lookup reads: the scope and the 90 days before it. An id pasted from a
 * ticket is often older than the scope on screen; reading the whole trail for it would cost a
 * full scan on Athena. Both engines use the same window so both give the same answer.
 */
export function lookupWindow(scope: Scope): Scope {
  const from = new Date(Date.parse(scope.from) - LOOKBACK_DAYS * 86_400_000).toISOString().replace('.000Z', 'Z');
  return { from, to: scope.to };
}
