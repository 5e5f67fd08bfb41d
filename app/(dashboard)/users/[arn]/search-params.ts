import { z } from '@/lib/zod';
import { profileParams, userArnParam } from '@/lib/profiles/params';

/** /users/[arn] and /api/users/[arn]/*; defined in lib/profiles/params.ts (lib links to profiles too, and never imports app/). */
export { userProfileArnParam, userHref as toHref } from '@/lib/profiles/params';
export const pathParams = z.object({ arn: userArnParam });
export const queryParams = profileParams;
