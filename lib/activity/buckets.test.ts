import { describe, expect, it } from 'vitest';
import { BUCKET_SIZES, TARGET_MAX_BUCKETS, bucketCount, bucketSeconds, chooseBucket, type BucketSize } from './buckets';
import { planVolume } from './volume-plan';
import { ParamError } from '@/lib/params/param-error';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const END = Date.parse('2026-11-20T00:00:00Z');
const windowOf = (ms: number) => ({ from: iso(END - ms), to: iso(END) });

describe('chooseBucket', () => {
  it.each<[string, number, BucketSize]>([
    ['1 day baseline + 1 h scope', DAY + HOUR, '15m'],
    ['1 day baseline + 24 h scope', 2 * DAY, '15m'],
    ['7 days', 7 * DAY, '1h'],
    ['45 days + 1 h (the default for a short scope)', 45 * DAY + HOUR, '6h'],
    ['45 days + 24 h (the default)', 46 * DAY, '6h'],
    ['90 days + 30 days', 120 * DAY, '1d'],
    ['90 days + one year (the widest)', 456 * DAY, '7d'],
  ])('%s → %s', (_name, span, expected) => {
    expect(chooseBucket(windowOf(span))).toBe(expected);
  });

  it('keeps every window from an hour to 15 months between ~60 and 200 bars', () => {
    for (let span = 5 * HOUR; span <= 456 * DAY; span = Math.ceil(span * 1.07)) {
      const n = bucketCount(windowOf(span), chooseBucket(windowOf(span)));
      expect(n, `span ${span / HOUR} h`).toBeLessThanOrEqual(TARGET_MAX_BUCKETS);
      expect(n, `span ${span / HOUR} h`).toBeGreaterThanOrEqual(57);
    }
  });

  it('counts epoch-aligned buckets the window touches, partial ones included', () => {
    expect(bucketCount({ from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' }, '1h')).toBe(24);
    expect(bucketCount({ from: '2026-11-19T00:30:00Z', to: '2026-11-19T02:00:01Z' }, '1h')).toBe(3);
    expect(bucketCount({ from: '2026-11-19T00:00:00Z', to: '2026-11-19T00:00:00Z' }, '1h')).toBe(0);
  });

  it('splices only allowlisted widths into SQL', () => {
    expect(BUCKET_SIZES.map(bucketSeconds)).toEqual([300, 900, 1800, 3600, 10800, 21600, 43200, 86400, 172800, 604800]);
    expect(() => bucketSeconds('1s' as BucketSize)).toThrow(/not allowed/);
  });
});

describe('planVolume', () => {
  const scope = { from: '2026-11-18T09:00:00Z', to: '2026-11-18T11:00:00Z' };

  it('reads from the bucket holding (scope start − baseline) to the scope end', () => {
    expect(planVolume(scope)).toEqual({
      bucket: '6h',
      bucketSeconds: 21600,
      baselineDays: 45,
      window: { from: '2026-10-04T06:00:00Z', to: '2026-11-18T11:00:00Z' },
      scope,
    });
    expect(planVolume(scope, { baselineDays: 1 })).toMatchObject({ bucket: '15m', window: { from: '2026-11-17T09:00:00Z' } });
  });

  it('takes an explicit bucket, but not one that would draw thousands of bars', () => {
    expect(planVolume(scope, { bucket: '1h' }).bucket).toBe('1h');
    expect(() => planVolume(scope, { bucket: '5m' })).toThrow(ParamError);
    expect(() => planVolume(scope, { baselineDays: 0 })).toThrow(/baseline|whole number/);
    expect(() => planVolume(scope, { baselineDays: 91 })).toThrow(ParamError);
  });
});
