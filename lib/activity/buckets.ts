import type { Scope } from '@/lib/params/scope';
import { allow } from '@/lib/sql/sql';

/**
 * Chart bucket sizes. They reach SQL as text (Athena binds values only in WHERE), so this list is
 * the allowlist: a bucket is one of these or nothing. Neighbours differ by at most 3.5×, which is
 * what lets `chooseBucket` land every window between roughly 60 and 200 buckets.
 */
export const BUCKET_SIZES = ['5m', '15m', '30m', '1h', '3h', '6h', '12h', '1d', '2d', '7d'] as const;
export type BucketSize = (typeof BUCKET_SIZES)[number];

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const BUCKET_SECONDS: Readonly<Record<BucketSize, number>> = {
  '5m': 5 * MINUTE,
  '15m': 15 * MINUTE,
  '30m': 30 * MINUTE,
  '1h': HOUR,
  '3h': 3 * HOUR,
  '6h': 6 * HOUR,
  '12h': 12 * HOUR,
  '1d': DAY,
  '2d': 2 * DAY,
  '7d': 7 * DAY,
};

/** More bars than this and a bar is thinner than a pixel on a laptop screen. */
export const TARGET_MAX_BUCKETS = 200;
/** An explicit `?bucket=` may ask for finer bars than chosen, but not for an unbounded series. */
export const MAX_BUCKETS = 2000;

const COARSEST: BucketSize = '7d';

/** The width in seconds, only for a size on the allowlist: this number is spliced into SQL as text. */
export function bucketSeconds(size: BucketSize): number {
  allow(size, BUCKET_SIZES);
  return BUCKET_SECONDS[size];
}

export function bucketMs(size: BucketSize): number {
  return BUCKET_SECONDS[size] * 1000;
}

/** Start of the bucket holding `ms`. Buckets are aligned to the Unix epoch, as `dialect.bucket` is. */
export function bucketStart(ms: number, size: BucketSize): number {
  const width = bucketMs(size);
  return Math.floor(ms / width) * width;
}

/** How many epoch-aligned buckets of `size` the window [from, to) touches. */
export function bucketCount(window: Scope, size: BucketSize): number {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  if (!(to > from)) return 0;
  return (bucketStart(to - 1, size) - bucketStart(from, size)) / bucketMs(size) + 1;
}

/** The finest bucket that keeps the window at most TARGET_MAX_BUCKETS bars (the coarsest if none does). */
export function chooseBucket(window: Scope): BucketSize {
  return BUCKET_SIZES.find((size) => bucketCount(window, size) <= TARGET_MAX_BUCKETS) ?? COARSEST;
}
