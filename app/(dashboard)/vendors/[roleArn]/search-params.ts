import { z } from 'zod';
import { reviewRoleArnParam } from '@/lib/reviews/params';

/** /vendors/[roleArn] (and its report) and /api/vendors/[roleArn]/*. The schemas stay in lib/reviews/params.ts: the review is typed by them. */
export { reviewRoleArnParam, vendorRoleParams as queryParams, vendorRoleHref as toHref } from '@/lib/reviews/params';
export const pathParams = z.object({ roleArn: reviewRoleArnParam });
