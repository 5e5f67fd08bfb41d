import { logPoissonUpperTail } from './poisson';
import { scopeCalls, type ApiObserved } from './observations';

/**
 * The two API panels. A call absent from the baseline is "newly observed"; a call with history is
 * tested for "increased volume" against its own baseline rate, never both.
 */

export interface ApiFilter {
  eventSource: string;
  eventName: string;
}

export interface NewApiCall {
  eventSource: string;
  eventName: string;
  success: number;
  failed: number;
  firstSeen: string | null;
  filter: ApiFilter;
}

export interface IncreasedVolumeCall extends NewApiCall {
  baselineCalls: number;
  scopeCalls: number;
  /** Calls per hour over the covered baseline (no prior: what the user would compute). */
  baselineRate: number;
  scopeRate: number;
  /** scopeRate / baselineRate. */
  ratio: number;
  /** Calls the test expected in the scope: (baseline + prior) / baseline hours × scope hours. */
  expected: number;
  /** P(X ≥ scope calls) for X ~ Poisson(expected); 0 only when it underflows (see logPValue). */
  pValue: number;
  /** ln pValue, finite where pValue underflows, so huge surprises still rank. */
  logPValue: number;
}

/**
 * The volume test, with its knobs in one place so the README and the UI can state them:
 * flag when the scope holds at least `minScopeCalls` and P(X ≥ observed | expected) < `alpha`.
 * The prior adds half a call to the baseline so a near-silent history is not infinitely surprising.
 */
export const VOLUME_TEST = { prior: 0.5, minScopeCalls: 5, alpha: 0.001 } as const;

export interface VolumeTestInput {
  baselineCalls: number;
  scopeCalls: number;
  baselineHours: number;
  scopeHours: number;
}

export interface VolumeTestResult {
  baselineRate: number;
  scopeRate: number;
  ratio: number;
  expected: number;
  pValue: number;
  logPValue: number;
  flagged: boolean;
}

export function volumeTest(input: VolumeTestInput, test: typeof VOLUME_TEST = VOLUME_TEST): VolumeTestResult {
  const { baselineCalls, scopeCalls: observed, baselineHours, scopeHours } = input;
  if (!(baselineHours > 0) || !(scopeHours > 0)) throw new RangeError('baseline and scope must last more than zero hours');
  const baselineRate = baselineCalls / baselineHours;
  const scopeRate = observed / scopeHours;
  const expected = ((baselineCalls + test.prior) / baselineHours) * scopeHours;
  const logPValue = logPoissonUpperTail(observed, expected);
  const pValue = Math.exp(logPValue);
  return {
    baselineRate,
    scopeRate,
    ratio: baselineRate > 0 ? scopeRate / baselineRate : Number.POSITIVE_INFINITY,
    expected,
    pValue,
    logPValue,
    flagged: observed >= test.minScopeCalls && logPValue < Math.log(test.alpha),
  };
}

const byFirstSeen = (a: NewApiCall, b: NewApiCall) =>
  (a.firstSeen ?? '').localeCompare(b.firstSeen ?? '') || a.eventSource.localeCompare(b.eventSource) || a.eventName.localeCompare(b.eventName);

function item(o: ApiObserved): NewApiCall {
  return {
    eventSource: o.eventSource,
    eventName: o.eventName,
    success: o.scope.success,
    failed: o.scope.failed,
    firstSeen: o.firstSeen,
    filter: { eventSource: o.eventSource, eventName: o.eventName },
  };
}

/** Calls made in the scope and never in the baseline, in order of first appearance. */
export function newApiCalls(apis: Iterable<ApiObserved>): NewApiCall[] {
  return [...apis].filter((o) => o.baselineCalls === 0 && scopeCalls(o) > 0).map(item).sort(byFirstSeen);
}

/** Calls with history whose scope volume the Poisson test finds surprising; most increased first. */
export function increasedVolume(apis: Iterable<ApiObserved>, hours: { baseline: number; scope: number }): IncreasedVolumeCall[] {
  const flagged: IncreasedVolumeCall[] = [];
  for (const o of apis) {
    if (o.baselineCalls === 0) continue;
    const calls = scopeCalls(o);
    const result = volumeTest({ baselineCalls: o.baselineCalls, scopeCalls: calls, baselineHours: hours.baseline, scopeHours: hours.scope });
    if (!result.flagged) continue;
    const { flagged: _flagged, ...stats } = result;
    flagged.push({ ...item(o), baselineCalls: o.baselineCalls, scopeCalls: calls, ...stats });
  }
  return flagged.sort((a, b) => b.ratio - a.ratio || a.logPValue - b.logPValue || byFirstSeen(a, b));
}
