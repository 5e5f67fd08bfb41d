import { z } from '@/lib/zod';
import { baselineDays, BASELINE_DAYS_MESSAGE, DEFAULT_BASELINE_DAYS, MAX_BASELINE_DAYS } from '@/lib/params/baseline';
import { ParamError } from '@/lib/params/param-error';

export { DEFAULT_BASELINE_DAYS, MAX_BASELINE_DAYS };

/**
 * `?baseline=30` on the new-behavior route and page (the scope is lib/params/scope's). The same
 * bounds as the volume chart's baseline, so one URL drives both panels.
 */
export const newBehaviorParams = z.object({ baseline: baselineDays });

/** Guards callers that bypass the URL schema; a bad value is a 400, not a query over a year. */
export function checkBaselineDays(days: number): number {
  if (!Number.isInteger(days) || days < 1 || days > MAX_BASELINE_DAYS) throw new ParamError('baseline', BASELINE_DAYS_MESSAGE);
  return days;
}
