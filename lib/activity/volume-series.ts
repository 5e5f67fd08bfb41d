import type { Scope } from '@/lib/params/scope';
import { bucketMs, bucketStart, type BucketSize } from './buckets';
import type { VolumeRow } from './api-volume';

export interface VolumePoint {
  /** Bucket start, epoch ms (UTC). */
  t: number;
  /** Bucket middle: the x a bar is centred on, so it spans exactly [t, t + bucket) on a time axis. */
  mid: number;
  success: number;
  failed: number;
  total: number;
  /** The bucket overlaps the scope. */
  inScope: boolean;
}

/**
 * Why there is no baseline:
 * - `no-baseline-period`: no whole bucket lies between the start of the data (or window) and the scope.
 * - `no-history`: the subject made no call before the scope: a new subject has nothing to compare with,
 *   and a line at zero would read as "normally silent" rather than "never seen".
 */
export type NoBaselineReason = 'no-baseline-period' | 'no-history';

export interface VolumeSeries {
  bucket: BucketSize;
  bucketMs: number;
  /** The chart's x domain: from the first bucket's start to the last bucket's end. */
  domain: [number, number];
  scope: { from: number; to: number };
  points: VolumePoint[];
  /** Mean calls (successful + failed) per bucket over the whole buckets before the scope, or null. */
  baseline: number | null;
  noBaseline: NoBaselineReason | null;
  /** How many buckets the baseline averages over. */
  baselineBuckets: number;
  /**
   * Calls in buckets overlapping the scope. `exact` unless the first of them starts before the scope
   * and holds calls (which may be from before it); the end is always exact because the query stops
   * at the scope end.
   */
  scopeTotals: { success: number; failed: number; exact: boolean };
  windowTotal: number;
}

export interface PrepareOptions {
  /** The first stored event: buckets before it were not observed, so they do not count as quiet ones. */
  observedFrom?: string | null;
}

/**
 * Rows from apiVolume → one point per bucket of the window (empty buckets are zeros), the scope's
 * buckets marked, and the baseline. Rows off the bucket grid are snapped to it, rows outside the
 * window are dropped, so a malformed row cannot stretch the chart.
 */
export function prepareVolumeSeries(
  rows: readonly VolumeRow[],
  window: Scope,
  bucket: BucketSize,
  scope: Scope,
  options: PrepareOptions = {},
): VolumeSeries {
  const width = bucketMs(bucket);
  const first = bucketStart(Date.parse(window.from), bucket);
  const end = Date.parse(window.to);
  const last = bucketStart(end - 1, bucket);
  const scopeFrom = Date.parse(scope.from);
  const scopeTo = Date.parse(scope.to);

  const counts = new Map<number, { success: number; failed: number }>();
  for (const row of rows) {
    const t = bucketStart(Date.parse(row.bucket), bucket);
    if (!(t >= first && t <= last)) continue;
    const c = counts.get(t) ?? { success: 0, failed: 0 };
    c.success += row.success;
    c.failed += row.failed;
    counts.set(t, c);
  }

  const points: VolumePoint[] = [];
  for (let t = first; t <= last; t += width) {
    const c = counts.get(t) ?? { success: 0, failed: 0 };
    points.push({ t, mid: t + width / 2, ...c, total: c.success + c.failed, inScope: t < scopeTo && t + width > scopeFrom });
  }

  const observed = options.observedFrom ? bucketStart(Date.parse(options.observedFrom), bucket) : first;
  const before = points.filter((p) => p.t + width <= scopeFrom && p.t >= observed);
  const history = before.reduce((sum, p) => sum + p.total, 0);
  const noBaseline: NoBaselineReason | null = before.length === 0 ? 'no-baseline-period' : history === 0 ? 'no-history' : null;

  const inScope = points.filter((p) => p.inScope);
  return {
    bucket,
    bucketMs: width,
    domain: [first, last + width],
    scope: { from: scopeFrom, to: scopeTo },
    points,
    baseline: noBaseline ? null : history / before.length,
    noBaseline,
    baselineBuckets: before.length,
    scopeTotals: {
      success: inScope.reduce((s, p) => s + p.success, 0),
      failed: inScope.reduce((s, p) => s + p.failed, 0),
      exact: !inScope.some((p) => p.t < scopeFrom && p.total > 0),
    },
    windowTotal: points.reduce((s, p) => s + p.total, 0),
  };
}
