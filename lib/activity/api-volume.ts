import { z } from '@/lib/zod';
import type { QueryModule } from '@/lib/engine/panel';
import { sql } from '@/lib/sql/sql';
import { subjectPredicate, subjectSchema, subjectSummaryPredicate, type Subject } from '@/lib/subjects/subject';
import { hourly } from '@/lib/summary/hourly';
import { onTheHour } from '@/lib/summary/on-the-hour';
import { BUCKET_SIZES, bucketSeconds, type BucketSize } from './buckets';
import { failedCall } from '@/lib/cloudtrail/predicates';
import { countIf } from '@/lib/sql/count-if';

export interface ApiVolumeParams {
  subject: Subject;
  /** The whole chart window (baseline and scope), bucket-aligned by planVolume. */
  from: string;
  to: string;
  bucket: BucketSize;
}

const volumeRow = z.object({ bucket: z.string(), success: z.number(), failed: z.number() });
export type VolumeRow = z.infer<typeof volumeRow>;

/**
 * Successful and failed calls of one subject per time bucket. Only buckets with calls come back;
 * prepareVolumeSeries fills the gaps. The bucket width is allowlisted text, never a bound value.
 */
export const apiVolume: QueryModule<ApiVolumeParams, VolumeRow> = {
  name: 'api-volume',
  params: z.object({ subject: subjectSchema, from: z.string(), to: z.string(), bucket: z.enum(BUCKET_SIZES) }),
  row: volumeRow,
  build: (d, p) => sql`
SELECT ${d.isoString(d.bucket(bucketSeconds(p.bucket), d.eventTime))} AS bucket,
       count(*) - ${countIf(failedCall)} AS success,
       ${countIf(failedCall)} AS failed
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND (${subjectPredicate(p.subject)})
GROUP BY 1
ORDER BY 1`,
  // Buckets of whole hours from the epoch hold whole summary hours, so the counts are the same.
  fromSummary: (d, s, p) =>
    bucketSeconds(p.bucket) % 3600 !== 0 || !onTheHour(p.from, p.to)
      ? null
      : sql`
SELECT ${d.isoString(d.bucket(bucketSeconds(p.bucket), hourly.hour))} AS bucket,
       CAST(coalesce(sum(${hourly.calls}) FILTER (WHERE NOT ${hourly.failed}), 0) AS BIGINT) AS success,
       CAST(coalesce(sum(${hourly.calls}) FILTER (WHERE ${hourly.failed}), 0) AS BIGINT) AS failed
FROM ${s.table}
WHERE ${s.hourRange(p.from, p.to)}
  AND (${subjectSummaryPredicate(p.subject)})
GROUP BY 1
ORDER BY 1`,
};
