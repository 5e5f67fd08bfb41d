import { arn, pathSegment } from './validators';

/** The role ARN in the path, URL-encoded. */
export const roleArnParam = pathSegment.pipe(arn.regex(/^arn:aws[a-z-]*:iam::\d{12}:role\//, 'must be an IAM role ARN'));
