import { describe, expect, it } from 'vitest';
import { emptyRuns, improbableSilences, judgeRun, SILENCE_RULE } from './silences';

/** `n` hours of `rate` events each. */
const busy = (n: number, rate = 10) => new Array<number>(n).fill(rate);
const empty = (n: number) => new Array<number>(n).fill(0);

describe('emptyRuns', () => {
  it('finds every maximal run of empty hours, the edges included', () => {
    expect(emptyRuns([0, 0, 3, 0, 4, 0, 0, 0])).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 4 },
      { start: 5, end: 8 },
    ]);
    expect(emptyRuns([])).toEqual([]);
    expect(emptyRuns([1, 2])).toEqual([]);
  });
});

describe('improbableSilences', () => {
  it('flags a few empty hours in a busy stream', () => {
    const counts = [...busy(48), ...empty(3), ...busy(48)];
    const [gap, ...rest] = improbableSilences(counts);
    expect(rest).toEqual([]);
    expect(gap).toMatchObject({ start: 48, end: 51, hours: 3, rate: 10, expected: 30, longestOther: 0, gap: true, failed: null });
  });

  it('a run at either edge of the hours examined is not a gap: its start or end is unknown', () => {
    expect(improbableSilences([...empty(10), ...busy(48)])).toEqual([]);
    expect(improbableSilences([...busy(48), ...empty(10)])).toEqual([]);
    expect(judgeRun([...busy(48), ...empty(10)], { start: 48, end: 58 }).failed).toBe('edge');
    expect(judgeRun([...empty(10), ...busy(48)], { start: 0, end: 10 }).failed).toBe('edge');
  });

  it('one empty hour is not enough', () => {
    const counts = [...busy(48, 50), 0, ...busy(48, 50)];
    expect(improbableSilences(counts)).toEqual([]);
    expect(judgeRun(counts, { start: 48, end: 49 }).failed).toBe('short');
  });

  it('λ·L ≥ 5 exactly is a gap; just under is not (a low-rate stream is not flagged)', () => {
    // 2.5 events an hour around a 2-hour silence: 5 expected.
    const at = [...busy(24, 2.5), 0, 0, ...busy(24, 2.5)];
    expect(judgeRun(at, { start: 24, end: 26 })).toMatchObject({ expected: 5, gap: true });
    const under = [...busy(24, 2.4), 0, 0, ...busy(24, 2.4)];
    expect(judgeRun(under, { start: 24, end: 26 })).toMatchObject({ gap: false, failed: 'low-rate' });
  });

  it('the rate counts the neighbours’ empty hours too', () => {
    // Every other hour has 8 events: the mean is 4, so 2 empty hours expect 8 — but half the neighbours are empty.
    const alternating = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 8 : 0));
    const counts = [...alternating(24), 0, 0, 0, ...alternating(24).reverse()];
    const run = emptyRuns(counts).find((r) => r.end - r.start >= 3);
    expect(run).toBeDefined();
    expect(judgeRun(counts, run!).rate).toBeCloseTo(4, 5);
  });

  it('a sparse stream (fewer than half the neighbouring hours with events) is not judged', () => {
    // One hour in three has 30 events: plenty per hour on average, but silences are its normal state.
    const sparse = (n: number) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 30 : 0));
    const counts = [...sparse(36), 0, 0, 0, 0, 0, 0, ...sparse(36)];
    expect(improbableSilences(counts)).toEqual([]);
    const run = emptyRuns(counts).find((r) => r.end - r.start === 8)!;
    expect(judgeRun(counts, run).failed).toBe('sparse-neighbours');
  });

  it('needs at least 6 neighbouring hours on each side', () => {
    const counts = [...busy(5, 100), 0, 0, 0, ...busy(48, 100)];
    expect(judgeRun(counts, { start: 5, end: 8 }).failed).toBe('sparse-neighbours');
    const six = [...busy(6, 100), 0, 0, 0, ...busy(48, 100)];
    expect(judgeRun(six, { start: 6, end: 9 }).gap).toBe(true);
  });

  it('a silence no longer than twice the longest other one within a week is the stream’s habit', () => {
    // Every night 10 empty hours: a 20-hour silence is habit, a 21-hour one is not.
    const day = [...busy(14, 20), ...empty(10)];
    const week = (n: number) => Array.from({ length: n }, () => day).flat();
    const withRun = (hours: number) => [...week(7), ...busy(14, 20), ...empty(hours), ...busy(14, 20), ...week(7)];
    const judge = (hours: number) => {
      const counts = withRun(hours);
      const start = 7 * 24 + 14;
      return judgeRun(counts, { start, end: start + hours });
    };
    expect(judge(20)).toMatchObject({ longestOther: 10, gap: false, failed: 'habit' });
    expect(judge(21)).toMatchObject({ longestOther: 10, gap: true });
    // The nights themselves are never flagged.
    expect(improbableSilences(withRun(14))).toEqual([]);
  });

  it('the habit looks 7 days each way, no further', () => {
    // An 8-hour silence at hours 10-18, then `gap` busy hours, then the 4-hour silence judged.
    const judge = (gap: number) => {
      const counts = [...busy(10), ...empty(8), ...busy(gap), ...empty(4), ...busy(48)];
      return judgeRun(counts, { start: 18 + gap, end: 22 + gap });
    };
    expect(SILENCE_RULE.habitHours).toBe(168);
    expect(judge(168)).toMatchObject({ longestOther: 0, gap: true });
    expect(judge(160)).toMatchObject({ longestOther: 8, gap: false, failed: 'habit' });
  });

  it('a day-long outage of a busy stream is one gap of 24 hours', () => {
    const counts = [...busy(72, 30), ...empty(24), ...busy(72, 30)];
    expect(improbableSilences(counts).map((g) => [g.start, g.end, g.hours])).toEqual([[72, 96, 24]]);
  });
});
