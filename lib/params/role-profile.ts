import { z } from 'zod';
import { arn } from './validators';

/** The role ARN in the path, URL-encoded. */
export const roleArnParam = z
  .string()
  .transform((s) => decodeURIComponent(s))
  .pipe(arn.regex(/^arn:aws[a-z-]*:iam::\d{12}:role\//, 'must be an IAM role ARN'));
