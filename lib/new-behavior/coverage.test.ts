import { describe, expect, it } from 'vitest';
import { assessCoverage, baselineWindow } from './coverage';

const window = baselineWindow('2026-11-18T08:00:00Z', 45);

describe('assessCoverage', () => {
  it('the requested window: 45 days before the scope start', () => {
    expect(window).toEqual({ from: '2026-10-04T08:00:00Z', to: '2026-11-18T08:00:00Z' });
  });

  it('full coverage when the store and the subject predate the baseline (a quiet first week is not a late start)', () => {
    const c = assessCoverage(window, { baselineCalls: 300, subjectFirst: '2026-10-09T16:00:00Z', storeFirst: '2026-09-10T00:00:00Z' });
    expect(c).toMatchObject({ coverageStart: '2026-10-04T08:00:00Z', shortened: false, hours: 45 * 24 });
    expect(c.reason).toBeUndefined();
  });

  it('a store that starts inside the baseline shortens it', () => {
    const c = assessCoverage(window, { baselineCalls: 30, subjectFirst: '2026-11-09T00:00:00Z', storeFirst: '2026-11-08T00:00:00Z' });
    expect(c).toMatchObject({ coverageStart: '2026-11-09T00:00:00Z', shortened: true });
    expect(c.hours).toBe(9 * 24 + 8);
  });

  it('a subject first seen weeks into the baseline shortens it', () => {
    const c = assessCoverage(window, { baselineCalls: 3, subjectFirst: '2026-11-01T00:00:00Z', storeFirst: null });
    expect(c).toMatchObject({ coverageStart: '2026-11-01T00:00:00Z', shortened: true });
  });

  it('no history: an explicit reason, no coverage', () => {
    expect(assessCoverage(window, { baselineCalls: 0, subjectFirst: '2026-11-18T09:00:00Z', storeFirst: '2026-09-01T00:00:00Z' })).toMatchObject({
      reason: 'no-history',
      coverageStart: null,
      subjectFirstSeen: '2026-11-18T09:00:00Z',
    });
  });

  it('a store that starts in the scope has no baseline at all', () => {
    expect(assessCoverage(window, { baselineCalls: 0, subjectFirst: null, storeFirst: '2026-11-18T08:30:00Z' })).toMatchObject({
      reason: 'store-starts-in-scope',
      shortened: true,
    });
  });
});
