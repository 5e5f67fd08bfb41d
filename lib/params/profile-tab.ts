import { z } from 'zod';
import { optionalParam } from './validators';

/** The tabs of the role and user profiles (the role-session profile adds Events; Graph is the role's). */
export const PROFILE_TABS = ['overview', 'new-behavior', 'graph'] as const;
export type ProfileTab = (typeof PROFILE_TABS)[number];

export const profileTabParams = z.object({
  tab: optionalParam(z.enum(PROFILE_TABS)).transform((v): ProfileTab => v ?? 'overview'),
});
