import { ParamError } from '@/lib/params/param-error';
import type { Scope } from '@/lib/params/scope';
import { BUCKET_SECONDS, MAX_BUCKETS, bucketCount, bucketStart, chooseBucket, type BucketSize } from './buckets';

/** Detective compares a scope with the 45 days before it. */
import { DEFAULT_BASELINE_DAYS, MAX_BASELINE_DAYS } from '@/lib/params/baseline';
import { isoUtc } from '@/lib/time';

export { DEFAULT_BASELINE_DAYS, MAX_BASELINE_DAYS };

export interface VolumePlan {
  bucket: BucketSize;
  bucketSeconds: number;
  baselineDays: number;
  /** What the query reads: from the start of the bucket holding (scope start − baseline) to scope end. */
  window: Scope;
  scope: Scope;
}

/**
 * The window and bucket of the volume chart. The window starts on a bucket boundary so the first
 * bar is a whole bucket, not a sliver that would drag the baseline down.
 */
export function planVolume(scope: Scope, options: { baselineDays?: number; bucket?: BucketSize } = {}): VolumePlan {
  const baselineDays = options.baselineDays ?? DEFAULT_BASELINE_DAYS;
  if (!Number.isInteger(baselineDays) || baselineDays < 1 || baselineDays > MAX_BASELINE_DAYS) {
    throw new ParamError('baseline', `must be a whole number of days from 1 to ${MAX_BASELINE_DAYS}`);
  }
  const wanted: Scope = { from: isoUtc(Date.parse(scope.from) - baselineDays * 86_400_000), to: scope.to };
  const bucket = options.bucket ?? chooseBucket(wanted);
  if (bucketCount(wanted, bucket) > MAX_BUCKETS) {
    throw new ParamError('bucket', `${bucket} would draw more than ${MAX_BUCKETS} bars for this scope; choose a coarser bucket`);
  }
  return {
    bucket,
    bucketSeconds: BUCKET_SECONDS[bucket],
    baselineDays,
    window: { from: isoUtc(bucketStart(Date.parse(wanted.from), bucket)), to: scope.to },
    scope,
  };
}
