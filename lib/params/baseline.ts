import { z } from '@/lib/zod';
import { optionalParam } from './validators';

/**
 * `?baseline=` days: how far before the scope "normal" is measured, for the volume chart's
 * baseline line and the New behavior panels alike, so one URL drives both.
 */
export const DEFAULT_BASELINE_DAYS = 45;
export const MAX_BASELINE_DAYS = 90;
export const BASELINE_DAYS_MESSAGE = `must be a whole number of days from 1 to ${MAX_BASELINE_DAYS}`;

export const baselineDays = optionalParam(
  z.coerce
    .number({ error: BASELINE_DAYS_MESSAGE })
    .int({ error: BASELINE_DAYS_MESSAGE })
    .min(1, { error: BASELINE_DAYS_MESSAGE })
    .max(MAX_BASELINE_DAYS, { error: BASELINE_DAYS_MESSAGE }),
).transform((v) => v ?? DEFAULT_BASELINE_DAYS);
