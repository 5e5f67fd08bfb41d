import { z } from '@/lib/zod';
import { boundText } from '@/lib/params/validators';
import { failedCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { isThrottleError } from '@/lib/reviews/vendors/throttling';
import { sql, trusted } from '@/lib/sql/sql';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';

/**
 * Every API call a role's sessions made in the scope, by service and name (and bucket, for S3, so
 * a read of a sensitive bucket can be told from a read of a public one), with success, failure and
 * throttling counts and first/last time.
 */
const params = z.object({ from: z.string(), to: z.string(), roleArn: boundText().min(1) });
const s = z.string().nullable();
const row = z
  .object({ event_source: z.string(), event_name: z.string(), bucket: s, success: z.number(), failed: z.number(), throttled: z.number(), first: z.string(), last: z.string() })
  .transform((r) => ({
    eventSource: r.event_source,
    eventName: r.event_name,
    bucket: r.bucket,
    success: r.success,
    failed: r.failed,
    throttled: r.throttled,
    first: r.first,
    last: r.last,
  }));
export type RoleApiCallRow = z.output<typeof row>;

export const ROLE_API_CALLS_LIMIT = 2000;

export const roleApiCalls: QueryModule<z.infer<typeof params>, RoleApiCallRow> = {
  name: 'vendor-role-api-calls',
  params,
  row: row,
  build: (d, p) => sql`
SELECT ${col.eventSource} AS event_source,
       ${col.eventName} AS event_name,
       CASE WHEN ${col.eventSource} = 's3.amazonaws.com' THEN ${d.jsonExtractScalar(col.requestParameters, '$.bucketName')} END AS bucket,
       ${countIf(sql`NOT (${failedCall})`)} AS success,
       ${countIf(failedCall)} AS failed,
       ${countIf(isThrottleError())} AS throttled,
       ${d.isoString(sql`min(${d.eventTime})`)} AS first,
       ${d.isoString(sql`max(${d.eventTime})`)} AS last
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${col.userIdentity.sessionContext.sessionIssuer.arn} = ${p.roleArn}
  AND ${col.eventSource} IS NOT NULL AND ${col.eventName} IS NOT NULL
GROUP BY 1, 2, 3
ORDER BY count(*) DESC, 1, 2, 3
LIMIT ${trusted(ROLE_API_CALLS_LIMIT + 1)}`,
};
