import { MAX_SCOPE_MS, type Scope } from '@/lib/params/scope';
import { isoUtc } from '@/lib/time';

const HOUR = 3_600_000;

/**
 * The scope a drag across the volume chart selects: from the start of the first bucket touched to
 * the end of the last, widened to whole hours (Detective's scopes start and end on the hour) and
 * cut to the longest scope allowed, keeping its end. A press and release on one bar selects
 * nothing: that is a click to read the tooltip, not a selection.
 */
export function scopeFromSelection(
  startBucket: number,
  endBucket: number,
  bucketWidthMs: number,
): Scope | null {
  if (startBucket === endBucket) return null;
  const lo = Math.min(startBucket, endBucket);
  const hi = Math.max(startBucket, endBucket) + bucketWidthMs;
  const to = Math.ceil(hi / HOUR) * HOUR;
  const from = Math.max(Math.floor(lo / HOUR) * HOUR, to - MAX_SCOPE_MS);
  return { from: isoUtc(from), to: isoUtc(Math.max(to, from + HOUR)) };
}

/** The current query string with a new scope: other parameters kept, a stale page cursor dropped. */
export function withScope(search: string, scope: Scope): string {
  const next = new URLSearchParams(search);
  next.set('from', scope.from);
  next.set('to', scope.to);
  next.delete('cursor');
  return next.toString();
}

/** A bar's index from recharts' active index (a number, or a string in its tooltip state). */
export function barIndex(active: number | string | null | undefined, bars: number): number | null {
  const i = typeof active === 'string' ? Number(active) : active;
  return typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < bars ? i : null;
}

/** The query string with one parameter set (the details tab), everything else kept. */
export function withParam(search: string, name: string, value: string): string {
  const next = new URLSearchParams(search);
  next.set(name, value);
  return next.toString();
}
