import { isoUtc } from '@/lib/time';

/**
 * How much baseline there really is. "New" only means something against history: if the store (or
 * the subject) starts after the requested baseline start, the baseline is shorter and the UI must
 * say "new since <coverageStart>"; with no baseline calls at all, nothing is called new.
 */

const DAY_MS = 86_400_000;
/**
 * A subject quiet for the first days of the window (a weekend, a holiday) is no evidence that it did
 * not exist yet, and looking further back would cost a scan on Athena; so only a first event more
 * than a week into the baseline counts as a shortened baseline. The store's start always counts.
 */
export const SUBJECT_START_TOLERANCE_DAYS = 7;
const SUBJECT_START_TOLERANCE_MS = SUBJECT_START_TOLERANCE_DAYS * DAY_MS;

export const NO_BASELINE_REASONS = ['store-starts-in-scope', 'no-history'] as const;
export type NoBaselineReason = (typeof NO_BASELINE_REASONS)[number];

export const NO_BASELINE_MESSAGES: Record<NoBaselineReason, string> = {
  'store-starts-in-scope': 'The event store has no events before the scope, so there is nothing to compare with.',
  'no-history': 'The subject made no calls in the baseline period, so nothing can be called new.',
};

export interface BaselineWindow {
  from: string;
  to: string;
}

export interface Coverage {
  /** The requested baseline: [scope start − days, scope start). */
  from: string;
  to: string;
  /** Where usable history starts; null when there is none. */
  coverageStart: string | null;
  /** The baseline holds less history than requested. */
  shortened: boolean;
  /** The subject's first call in the window (ISO), null when it made none. */
  subjectFirstSeen: string | null;
  /** Why there is no baseline at all; new-item lists are then empty. */
  reason?: NoBaselineReason;
  message?: string;
  /** Hours of baseline the volume test divides by (from coverageStart, or the whole baseline). */
  hours: number;
}

export function baselineWindow(scopeFrom: string, days: number): BaselineWindow {
  return { from: isoUtc(Date.parse(scopeFrom) - days * DAY_MS), to: scopeFrom };
}

export function assessCoverage(
  window: BaselineWindow,
  history: { baselineCalls: number; subjectFirst: string | null; storeFirst: string | null | undefined },
): Coverage {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const storeFirst = history.storeFirst ? Date.parse(history.storeFirst) : null;
  const subjectFirstSeen = history.subjectFirst;
  if (storeFirst !== null && storeFirst >= to) {
    return { ...window, subjectFirstSeen, coverageStart: null, shortened: true, reason: 'store-starts-in-scope', message: NO_BASELINE_MESSAGES['store-starts-in-scope'], hours: 0 };
  }
  if (history.baselineCalls === 0) {
    return { ...window, subjectFirstSeen, coverageStart: null, shortened: false, reason: 'no-history', message: NO_BASELINE_MESSAGES['no-history'], hours: 0 };
  }
  const storeStart = storeFirst !== null && storeFirst > from ? storeFirst : from;
  const subjectFirst = history.subjectFirst ? Date.parse(history.subjectFirst) : from;
  const subjectStart = subjectFirst - from > SUBJECT_START_TOLERANCE_MS ? subjectFirst : from;
  const start = Math.min(Math.max(storeStart, subjectStart), to);
  return { ...window, subjectFirstSeen, coverageStart: isoUtc(start), shortened: start > from, hours: (to - start) / 3_600_000 };
}
