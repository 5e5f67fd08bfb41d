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

/** A bar's index from recharts' active index (a number, or a string in its tooltip state). */
export function barIndex(active: number | string | null | undefined, bars: number): number | null {
  const i = typeof active === 'string' ? Number(active) : active;
  return typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < bars ? i : null;
}
