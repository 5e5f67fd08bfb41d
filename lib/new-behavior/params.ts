import { z } from 'zod';
import { DEFAULT_BASELINE_DAYS, MAX_BASELINE_DAYS } from '@/lib/activity/volume-plan';
import { ParamError } from '@/lib/params/param-error';
import { optionalParam } from '@/lib/params/validators';

export { DEFAULT_BASELINE_DAYS, MAX_BASELINE_DAYS };

const BASELINE_DAYS = `must be a whole number of days from 1 to ${MAX_BASELINE_DAYS}`;

/**
 * `?baseline=30` on the new-behavior route and page (the scope is lib/params/scope's). The same
 * bounds as the volume chart's baseline, so one URL drives both panels.
 */
export const newBehaviorParams = z.object({
  baseline: optionalParam(
    z.coerce
      .number({ error: BASELINE_DAYS })
      .int({ error: BASELINE_DAYS })
      .min(1, { error: BASELINE_DAYS })
      .max(MAX_BASELINE_DAYS, { error: BASELINE_DAYS }),
  ).transform((v) => v ?? DEFAULT_BASELINE_DAYS),
});
export type NewBehaviorParams = z.infer<typeof newBehaviorParams>;

/** Guards callers that bypass the URL schema; a bad value is a 400, not a query over a year. */
export function checkBaselineDays(days: number): number {
  if (!Number.isInteger(days) || days < 1 || days > MAX_BASELINE_DAYS) throw new ParamError('baseline', BASELINE_DAYS);
  return days;
}
