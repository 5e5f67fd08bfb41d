import { describe, expect, it } from 'vitest';
import { increasedVolume, newApiCalls, VOLUME_TEST, volumeTest } from './api-calls';
import type { ApiObserved } from './observations';

const api = (eventName: string, baselineCalls: number, success: number, failed = 0, firstSeen: string | null = '2026-11-18T09:00:00Z'): ApiObserved => ({
  eventSource: 'ec2.amazonaws.com',
  eventName,
  baselineCalls,
  scope: { success, failed },
  firstSeen: success + failed > 0 ? firstSeen : null,
  baselineLastSeen: baselineCalls > 0 ? '2026-11-10T00:00:00Z' : null,
});

// 45 days of baseline, a 3-hour scope.
const hours = { baseline: 45 * 24, scope: 3 };

describe('newApiCalls', () => {
  it('lists calls absent from the baseline, in order of first appearance, with the filter that opens them', () => {
    const calls = newApiCalls([
      api('DescribeInstances', 40, 3),
      api('RunInstances', 0, 1, 0, '2026-11-18T09:45:00Z'),
      api('StopInstances', 0, 0, 2, '2026-11-18T09:10:00Z'),
      api('TerminateInstances', 0, 0),
    ]);
    expect(calls.map((c) => [c.eventName, c.success, c.failed])).toEqual([
      ['StopInstances', 0, 2],
      ['RunInstances', 1, 0],
    ]);
    expect(calls[0]?.filter).toEqual({ eventSource: 'ec2.amazonaws.com', eventName: 'StopInstances' });
  });
});

describe('volumeTest', () => {
  it('uses the prior so a silent baseline is surprising but not infinitely so', () => {
    const r = volumeTest({ baselineCalls: 0, scopeCalls: 5, baselineHours: 1080, scopeHours: 3 });
    expect(r.expected).toBeCloseTo((0.5 / 1080) * 3, 12);
    expect(r.ratio).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isFinite(r.logPValue)).toBe(true);
    expect(r.flagged).toBe(true);
  });

  it('does not flag tiny counts however unusual', () => {
    const r = volumeTest({ baselineCalls: 1, scopeCalls: VOLUME_TEST.minScopeCalls - 1, baselineHours: 1080, scopeHours: 1 });
    expect(r.pValue).toBeLessThan(VOLUME_TEST.alpha);
    expect(r.flagged).toBe(false);
  });

  it('does not flag a steady rate, even with large counts', () => {
    // 1000 calls/hour for 45 days, 3050 in a 3-hour scope: +1.7% is noise.
    const r = volumeTest({ baselineCalls: 1_080_000, scopeCalls: 3050, baselineHours: 1080, scopeHours: 3 });
    expect(r.ratio).toBeCloseTo(1.0167, 3);
    expect(r.flagged).toBe(false);
  });

  it('flags a modest but certain increase on huge counts, with a p-value that underflows only in linear space', () => {
    const r = volumeTest({ baselineCalls: 1_080_000, scopeCalls: 6000, baselineHours: 1080, scopeHours: 3 });
    expect(r.ratio).toBe(2);
    expect(r.flagged).toBe(true);
    expect(r.logPValue).toBeLessThan(-500);
    const extreme = volumeTest({ baselineCalls: 10, scopeCalls: 200_000, baselineHours: 1080, scopeHours: 3 });
    expect(extreme.pValue).toBe(0);
    expect(Number.isFinite(extreme.logPValue)).toBe(true);
    expect(extreme.flagged).toBe(true);
  });

  it('matches a hand calculation', () => {
    // 90 calls over 1080 h → λ = 90.5/1080; 3 h → expected 0.2514; 6 calls: P(X ≥ 6) ≈ 2.5e-7.
    const r = volumeTest({ baselineCalls: 90, scopeCalls: 6, baselineHours: 1080, scopeHours: 3 });
    expect(r.expected).toBeCloseTo(0.251388, 5);
    expect(r.baselineRate).toBeCloseTo(1 / 12, 12);
    expect(r.scopeRate).toBe(2);
    expect(r.ratio).toBeCloseTo(24, 10);
    expect(r.pValue).toBeGreaterThan(2e-7);
    expect(r.pValue).toBeLessThan(3e-7);
    expect(r.flagged).toBe(true);
  });

  it('refuses a zero-length baseline or scope', () => {
    expect(() => volumeTest({ baselineCalls: 1, scopeCalls: 1, baselineHours: 0, scopeHours: 1 })).toThrow(RangeError);
  });
});

describe('increasedVolume', () => {
  it('tests only calls with history, ranks by ratio then p-value', () => {
    const flagged = increasedVolume(
      [
        api('RunInstances', 0, 50), // new, belongs to "newly observed"
        api('DescribeInstances', 1080, 30), // 1/h → 10/h
        api('DescribeVpcs', 108, 12), // 0.1/h → 4/h
        api('DescribeRegions', 10_800, 31), // 10/h → 10.3/h: steady
        api('GetConsoleOutput', 108, 4), // too few
      ],
      hours,
    );
    expect(flagged.map((f) => f.eventName)).toEqual(['DescribeVpcs', 'DescribeInstances']);
    expect(flagged[0]).toMatchObject({ baselineCalls: 108, scopeCalls: 12, success: 12, failed: 0, filter: { eventName: 'DescribeVpcs' } });
    expect(flagged[0]?.ratio).toBeCloseTo(40, 10);
    expect(flagged[1]?.ratio).toBeCloseTo(10, 10);
  });

  it('breaks equal ratios by p-value: the larger sample is the more certain', () => {
    const flagged = increasedVolume([api('A', 108, 12), api('B', 1080, 120)], hours);
    expect(flagged.map((f) => f.eventName)).toEqual(['B', 'A']);
  });
});
