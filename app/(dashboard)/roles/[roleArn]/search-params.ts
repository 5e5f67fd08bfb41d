import { z } from '@/lib/zod';
import { profileParams, roleArnParam } from '@/lib/profiles/params';

/**
 * /roles/[roleArn] and the /api/roles/[roleArn]/* routes. The schemas and the link live in
 * lib/profiles/params.ts because lib/ links to profiles too and never imports app/; this is the
 * route's one door to them.
 */
export { roleArnParam, roleHref as toHref } from '@/lib/profiles/params';
export const pathParams = z.object({ roleArn: roleArnParam });
export const queryParams = profileParams;
