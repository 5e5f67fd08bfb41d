import { z } from 'zod';
import { profileTabParams } from '@/lib/params/profile-tab';
import { volumeParams } from '@/lib/activity/params';
import { scopeParams } from '@/lib/params/scope';
import { arn, sourceIp, pathSegment } from '@/lib/params/validators';
import { SERVICE_PRINCIPAL } from './ip-kind';
import { parseUserArn } from './user-arn';

/**
 * The three profiles' URLs: the subject in the path (URL-encoded, as lib/links.ts writes it), the
 * scope and the activity panels' `bucket`/`baseline` in the query.
 */


export const userArnParam = pathSegment.pipe(
  arn.refine((a) => parseUserArn(a) !== null, 'must be an IAM user, root or federated user ARN (arn:aws:iam::<account>:user/<name>)'),
);

/** The user page's segment with what it names; userArnParam has already refused what parseUserArn cannot read. */
export const userProfileArnParam = userArnParam.transform((a, ctx) => {
  const user = parseUserArn(a);
  if (user) return { arn: a, user };
  ctx.addIssue({ code: 'custom', message: 'must be an IAM user, root or federated user ARN' });
  return z.NEVER;
});

export const ipParam = pathSegment.pipe(sourceIp);

export const serviceNameParam = pathSegment.pipe(z.string().max(253).regex(SERVICE_PRINCIPAL, 'must be an AWS service principal such as ec2.amazonaws.com'));

export const profileParams = scopeParams.extend(volumeParams.shape).extend(profileTabParams.shape);
