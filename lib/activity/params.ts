import { z } from '@/lib/zod';
import { baselineDays } from '@/lib/params/baseline';
import { optionalParam } from '@/lib/params/validators';
import { SUBJECT_KINDS, subjectSchema, type Subject } from '@/lib/subjects/subject';
import { BUCKET_SIZES } from './buckets';
import { DETAILS_TABS, type DetailsTab } from './scope-details';

/**
 * The activity panels' query parameters, shared by pages, the `/volume` and `/details` routes and
 * query keys. The scope (`from`/`to`) is lib/params/scope's.
 */

/** `?bucket=1h&baseline=30`: both optional; a bucket outside the allowlist is a 400 naming it. */
export const volumeParams = z.object({
  bucket: optionalParam(z.enum(BUCKET_SIZES, { error: `must be one of ${BUCKET_SIZES.join(', ')}` })),
  baseline: baselineDays,
});
export type VolumeParams = z.infer<typeof volumeParams>;

/** `?details=ips|apis|keys`; for the details route, where a wrong value is an error. */
export const detailsParams = z.object({
  details: optionalParam(z.enum(DETAILS_TABS, { error: `must be one of ${DETAILS_TABS.join(', ')}` })).transform(
    (v): DetailsTab => v ?? 'ips',
  ),
});

/** The tab a page opens: a stale or hand-edited value falls back to the first tab, not an error page. */
export function detailsTabOf(value: string | null | undefined): DetailsTab {
  return DETAILS_TABS.find((t) => t === value) ?? 'ips';
}

/** A subject named by `?kind=…&id=…` (the preview page; profile routes carry the id in the path). */
export const subjectRefParams = z.object({ kind: z.enum(SUBJECT_KINDS), id: z.string().min(1).max(2048) });

export function subjectFromRef(ref: z.infer<typeof subjectRefParams>): z.ZodSafeParseResult<Subject> {
  const { kind, id } = ref;
  switch (kind) {
    case 'role-session':
      return subjectSchema.safeParse({ kind, principalId: id });
    case 'role':
    case 'user':
      return subjectSchema.safeParse({ kind, arn: id });
    case 'ip':
      return subjectSchema.safeParse({ kind, ip: id });
    case 'service':
      return subjectSchema.safeParse({ kind, name: id });
  }
}
