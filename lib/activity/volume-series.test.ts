import { describe, expect, it } from 'vitest';
import { prepareVolumeSeries } from './volume-series';
import { formatBucketRange, formatRate, formatTick, timeAxis } from './volume-axis';
import { barIndex, scopeFromSelection } from './scope-selection';
import { withParam, withScope } from '@/lib/params/href';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
// Six hourly buckets: four of baseline, then a two-hour scope.
const window = { from: '2026-11-18T00:00:00Z', to: '2026-11-18T06:00:00Z' };
const scope = { from: '2026-11-18T04:00:00Z', to: '2026-11-18T06:00:00Z' };

describe('prepareVolumeSeries', () => {
  it('fills every bucket of the window, zeros where there were no calls', () => {
    const s = prepareVolumeSeries(
      [
        { bucket: '2026-11-18T01:00:00Z', success: 3, failed: 1 },
        { bucket: '2026-11-18T05:00:00Z', success: 2, failed: 0 },
      ],
      window,
      '1h',
      scope,
    );
    expect(s.points.map((p) => [new Date(p.t).toISOString().slice(11, 13), p.success, p.failed, p.total])).toEqual([
      ['00', 0, 0, 0],
      ['01', 3, 1, 4],
      ['02', 0, 0, 0],
      ['03', 0, 0, 0],
      ['04', 0, 0, 0],
      ['05', 2, 0, 2],
    ]);
    expect(s.points[0]?.mid).toBe(at('2026-11-18T00:30:00Z'));
    expect(s.domain).toEqual([at('2026-11-18T00:00:00Z'), at('2026-11-18T06:00:00Z')]);
    expect(s.windowTotal).toBe(6);
  });

  it('takes the baseline as the mean of every whole bucket before the scope, quiet ones included', () => {
    const s = prepareVolumeSeries(
      [
        { bucket: '2026-11-18T01:00:00Z', success: 3, failed: 1 },
        { bucket: '2026-11-18T03:00:00Z', success: 4, failed: 0 },
        { bucket: '2026-11-18T04:00:00Z', success: 50, failed: 5 },
      ],
      window,
      '1h',
      scope,
    );
    expect(s.baseline).toBe(2);
    expect(s.baselineBuckets).toBe(4);
    expect(s.noBaseline).toBeNull();
    expect(s.scopeTotals).toEqual({ success: 50, failed: 5, exact: true });
  });

  it('has no baseline for a subject with no history, rather than a line at zero', () => {
    const s = prepareVolumeSeries([{ bucket: '2026-11-18T04:00:00Z', success: 4, failed: 1 }], window, '1h', scope);
    expect(s.baseline).toBeNull();
    expect(s.noBaseline).toBe('no-history');
    expect(s.baselineBuckets).toBe(4);
  });

  it('does not count buckets before the first stored event as quiet ones', () => {
    const rows = [{ bucket: '2026-11-18T03:00:00Z', success: 6, failed: 0 }];
    expect(prepareVolumeSeries(rows, window, '1h', scope).baseline).toBe(1.5);
    const s = prepareVolumeSeries(rows, window, '1h', scope, { observedFrom: '2026-11-18T02:10:00Z' });
    expect(s.baselineBuckets).toBe(2);
    expect(s.baseline).toBe(3);
    const none = prepareVolumeSeries(rows, window, '1h', scope, { observedFrom: '2026-11-18T04:30:00Z' });
    expect(none).toMatchObject({ baseline: null, noBaseline: 'no-baseline-period', baselineBuckets: 0 });
  });

  it('marks the buckets overlapping the scope; one straddling the scope start is scope, not baseline', () => {
    const s = prepareVolumeSeries(
      [
        { bucket: '2026-11-18T00:00:00Z', success: 6, failed: 0 },
        { bucket: '2026-11-18T03:00:00Z', success: 100, failed: 0 },
      ],
      { from: '2026-11-18T00:00:00Z', to: '2026-11-18T05:00:00Z' },
      '3h',
      { from: '2026-11-18T04:00:00Z', to: '2026-11-18T05:00:00Z' },
    );
    expect(s.points.map((p) => p.inScope)).toEqual([false, true]);
    expect(s.baselineBuckets).toBe(1);
    expect(s.baseline).toBe(6);
    expect(s.scopeTotals).toEqual({ success: 100, failed: 0, exact: false });
    // A quiet straddling bucket adds nothing, so the totals are exact again.
    const quiet = prepareVolumeSeries(
      [{ bucket: '2026-11-18T00:00:00Z', success: 6, failed: 0 }],
      { from: '2026-11-18T00:00:00Z', to: '2026-11-18T05:00:00Z' },
      '3h',
      { from: '2026-11-18T04:00:00Z', to: '2026-11-18T05:00:00Z' },
    );
    expect(quiet.scopeTotals).toEqual({ success: 0, failed: 0, exact: true });
    // The last bucket is drawn whole even though the query stopped at the scope end.
    expect(s.domain[1]).toBe(at('2026-11-18T06:00:00Z'));
  });

  it('treats the scope edges as half-open: a bucket ending at the scope start is baseline', () => {
    const s = prepareVolumeSeries([], window, '1h', { from: '2026-11-18T04:00:00Z', to: '2026-11-18T05:00:00Z' });
    expect(s.points.filter((p) => p.inScope).map((p) => new Date(p.t).toISOString())).toEqual(['2026-11-18T04:00:00.000Z']);
    expect(s.points.find((p) => p.t === at('2026-11-18T03:00:00Z'))?.inScope).toBe(false);
  });

  it('snaps off-grid rows into their bucket and drops rows outside the window', () => {
    const s = prepareVolumeSeries(
      [
        { bucket: '2026-11-18T02:59:59Z', success: 1, failed: 0 },
        { bucket: '2026-11-18T02:00:00Z', success: 1, failed: 2 },
        { bucket: '2026-11-17T23:00:00Z', success: 99, failed: 0 },
        { bucket: '2026-11-18T06:00:00Z', success: 99, failed: 0 },
      ],
      window,
      '1h',
      scope,
    );
    expect(s.points).toHaveLength(6);
    expect(s.points[2]).toMatchObject({ success: 2, failed: 2, total: 4 });
    expect(s.windowTotal).toBe(4);
  });
});

describe('time axis', () => {
  it('puts at most 8 ticks on round UTC instants', () => {
    const day = timeAxis([at('2026-11-18T00:00:00Z'), at('2026-11-19T00:00:00Z')]);
    expect(day.withTime).toBe(true);
    expect(day.ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['00:00', '06:00', '12:00', '18:00', '00:00']);
    const long = timeAxis([at('2026-10-04T06:00:00Z'), at('2026-11-19T00:00:00Z')]);
    expect(long.withTime).toBe(false);
    expect(long.ticks.length).toBeLessThanOrEqual(8);
    expect(long.ticks.every((t) => t % (24 * HOUR) === 0)).toBe(true);
    const widest = timeAxis([at('2025-08-20T00:00:00Z'), at('2026-11-19T00:00:00Z')]);
    expect(widest.ticks.length).toBeGreaterThanOrEqual(4);
    expect(widest.ticks.length).toBeLessThanOrEqual(8);
  });

  it('starts weekly ticks on Mondays, not on the epoch’s Thursday', () => {
    const weeks = timeAxis([at('2026-09-01T00:00:00Z'), at('2026-11-19T00:00:00Z')]);
    expect(weeks.ticks.length).toBeGreaterThan(1);
    expect(weeks.ticks.every((t) => new Date(t).getUTCDay() === 1)).toBe(true);
  });

  it('labels ticks and buckets in UTC', () => {
    expect(formatRate(0.4)).toBe('0.4');
    expect(formatRate(17.4)).toBe('17');
    expect(formatTick(at('2026-11-18T06:00:00Z'), true)).toBe('Nov 18 06:00');
    expect(formatTick(at('2026-11-18T00:00:00Z'), false)).toBe('Nov 18');
    expect(formatBucketRange(at('2026-11-18T06:00:00Z'), 6 * HOUR)).toBe('2026-11-18 06:00 – 12:00 UTC');
    expect(formatBucketRange(at('2026-11-18T18:00:00Z'), 6 * HOUR)).toBe('2026-11-18 18:00 – 2026-11-19 00:00 UTC');
  });
});

describe('drag-selecting a scope', () => {
  it('covers the buckets touched, widened to whole hours, in either drag direction', () => {
    const a = at('2026-11-18T09:15:00Z');
    const b = at('2026-11-18T11:30:00Z');
    const expected = { from: '2026-11-18T09:00:00Z', to: '2026-11-18T12:00:00Z' };
    expect(scopeFromSelection(a, b, 15 * 60_000)).toEqual(expected);
    expect(scopeFromSelection(b, a, 15 * 60_000)).toEqual(expected);
    expect(scopeFromSelection(at('2026-11-18T06:00:00Z'), at('2026-11-18T12:00:00Z'), 6 * HOUR)).toEqual({
      from: '2026-11-18T06:00:00Z',
      to: '2026-11-18T18:00:00Z',
    });
  });

  it('ignores a press and release on one bar, and never exceeds a year', () => {
    expect(scopeFromSelection(at('2026-11-18T09:00:00Z'), at('2026-11-18T09:00:00Z'), HOUR)).toBeNull();
    const s = scopeFromSelection(at('2025-06-01T00:00:00Z'), at('2026-11-18T00:00:00Z'), 7 * 24 * HOUR);
    expect(s && at(s.to) - at(s.from)).toBe(366 * 24 * HOUR);
    expect(s?.to).toBe('2026-11-25T00:00:00Z');
  });

  it('reads the bar under the pointer from recharts’ active index, whatever its type', () => {
    expect(barIndex(3, 10)).toBe(3);
    expect(barIndex('3', 10)).toBe(3);
    expect(barIndex(null, 10)).toBeNull();
    expect(barIndex(undefined, 10)).toBeNull();
    expect(barIndex(10, 10)).toBeNull();
    expect(barIndex('1.5', 10)).toBeNull();
  });

  it('sets one parameter and keeps the rest', () => {
    expect(withParam('kind=role&details=ips&from=F', 'details', 'keys')).toBe('kind=role&details=keys&from=F');
    expect(withParam('kind=role', 'details', 'apis')).toBe('kind=role&details=apis');
  });

  it('replaces the scope in the query string and keeps everything else', () => {
    expect(withScope('kind=role-session&id=AROA1%3Asara&from=a&to=b&details=apis&cursor=x', { from: 'F', to: 'T' })).toBe(
      'kind=role-session&id=AROA1%3Asara&from=F&to=T&details=apis',
    );
  });
});
