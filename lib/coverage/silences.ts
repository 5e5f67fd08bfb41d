/**
 * When is an empty stretch of hours a hole in the logs rather than a quiet time? Pure logic over
 * one account × region's events per UTC hour, in order, with no hour missing.
 *
 * The rule (all must hold for a run of L consecutive empty hours):
 *
 * 1. **Inside what was examined**: it has events on both sides. A run at either edge is not judged
 *    (its start or end is not known).
 * 2. **Long enough**: L ≥ 2. A single empty hour between busy ones happens in real traffic.
 * 3. **The neighbours have delivery**: of the 12 hours on each side (at least 6 on each side must
 *    exist), at least half had events. A sparse, bursty stream's silences are not judged.
 * 4. **Improbable at the neighbours' rate**: λ·L ≥ 5, with λ the mean events per hour over those
 *    neighbouring hours, empty ones included. Were events a Poisson stream at rate λ, no event in
 *    L hours has probability e^(−λL) < 1%.
 * 5. **Not this stream's habit**: L is more than twice the longest other silence of the same
 *    account × region within 7 days (168 hours) on either side. Real traffic comes in bursts,
 *    nights and weekends are quiet: the rate alone over-flags (on the generator's data, rule 4
 *    alone flags hundreds of runs, rules 1-5 none), while a busy stream's outage of a few hours
 *    is far longer than any silence it has around it.
 *
 * Limits, on purpose: two outages of similar length within a week hide each other (each is the
 * other's "habit"); a stream that is always sparse is never judged. A stopped or deleted trail is
 * found from its own events instead (trail-gaps.ts).
 */
export const SILENCE_RULE = {
  minHours: 2,
  neighbourHours: 12,
  minNeighbourHours: 6,
  minNeighbourShare: 0.5,
  minExpectedEvents: 5,
  habitHours: 168,
  habitFactor: 2,
} as const;

export type SilenceRule = { readonly [K in keyof typeof SILENCE_RULE]: number };

/** A maximal run of empty hours: indexes [start, end) into the series. */
export interface Run {
  start: number;
  end: number;
}

export interface Judgement extends Run {
  /** Whether the run is a gap by the rule. */
  gap: boolean;
  hours: number;
  /** Mean events per hour over the neighbouring hours (λ). */
  rate: number;
  /** λ·L: the events the neighbours' rate expects in the run. */
  expected: number;
  neighbours: { before: { hours: number; active: number }; after: { hours: number; active: number } };
  /** The longest other empty run within `habitHours` on either side. */
  longestOther: number;
  /** Which condition failed, for tests and for saying why a silence is not listed. */
  failed: 'edge' | 'short' | 'sparse-neighbours' | 'low-rate' | 'habit' | null;
}

/** Every maximal run of empty hours, those at the edges included. */
export function emptyRuns(counts: readonly number[]): Run[] {
  const runs: Run[] = [];
  let start = -1;
  for (let i = 0; i <= counts.length; i++) {
    const empty = i < counts.length && counts[i] === 0;
    if (empty && start < 0) start = i;
    if (!empty && start >= 0) {
      runs.push({ start, end: i });
      start = -1;
    }
  }
  return runs;
}

/** The rule applied to one run (a maximal run of empty hours of `counts`). */
export function judgeRun(counts: readonly number[], run: Run, rule: SilenceRule = SILENCE_RULE): Judgement {
  const hours = run.end - run.start;
  const before = counts.slice(Math.max(0, run.start - rule.neighbourHours), run.start);
  const after = counts.slice(run.end, run.end + rule.neighbourHours);
  const neighbourhood = [...before, ...after];
  const rate = neighbourhood.length === 0 ? 0 : neighbourhood.reduce((a, b) => a + b, 0) / neighbourhood.length;
  const active = (xs: readonly number[]) => xs.filter((x) => x > 0).length;
  const longestOther = longestEmptyRun(counts, Math.max(0, run.start - rule.habitHours), Math.min(counts.length, run.end + rule.habitHours), run);
  const judged: Omit<Judgement, 'gap' | 'failed'> = {
    ...run,
    hours,
    rate,
    expected: rate * hours,
    neighbours: { before: { hours: before.length, active: active(before) }, after: { hours: after.length, active: active(after) } },
    longestOther,
  };
  const failed = ((): Judgement['failed'] => {
    if (run.start === 0 || run.end >= counts.length) return 'edge';
    if (hours < rule.minHours) return 'short';
    const dense = (side: readonly number[]) => side.length >= rule.minNeighbourHours && active(side) >= rule.minNeighbourShare * side.length;
    if (!dense(before) || !dense(after)) return 'sparse-neighbours';
    if (judged.expected < rule.minExpectedEvents) return 'low-rate';
    if (hours <= rule.habitFactor * longestOther) return 'habit';
    return null;
  })();
  return { ...judged, gap: failed === null, failed };
}

/** The runs of `counts` that are gaps by the rule, in order. */
export function improbableSilences(counts: readonly number[], rule: SilenceRule = SILENCE_RULE): Judgement[] {
  return emptyRuns(counts)
    .map((run) => judgeRun(counts, run, rule))
    .filter((j) => j.gap);
}

/** The longest run of empty hours in [from, to), the hours of `skip` not counted (they break a run). */
function longestEmptyRun(counts: readonly number[], from: number, to: number, skip: Run): number {
  let longest = 0;
  let current = 0;
  for (let i = from; i < to; i++) {
    if (i >= skip.start && i < skip.end) {
      current = 0;
      continue;
    }
    current = counts[i] === 0 ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
