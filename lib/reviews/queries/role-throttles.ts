import { z } from '@/lib/zod';
import { boundText } from '@/lib/params/validators';
import type { QueryModule } from '@/lib/engine/panel';
import { isThrottleError } from '@/lib/reviews/vendors/throttling';
import { sql } from '@/lib/sql/sql';
import { col } from '@/lib/cloudtrail/columns';

/** A role's throttled calls by API, region and error code: where its polling hits rate limits. */
const params = z.object({ from: z.string(), to: z.string(), roleArn: boundText().min(1) });
const row = z
  .object({ event_source: z.string(), event_name: z.string(), region: z.string().nullable(), error_code: z.string(), count: z.number(), first: z.string(), last: z.string() })
  .transform((r) => ({ eventSource: r.event_source, eventName: r.event_name, region: r.region, errorCode: r.error_code, count: r.count, first: r.first, last: r.last }));
export type RoleThrottleRow = z.output<typeof row>;

export const roleThrottles: QueryModule<z.infer<typeof params>, RoleThrottleRow> = {
  name: 'vendor-role-throttles',
  params,
  row: row,
  build: (d, p) => sql`
SELECT ${col.eventSource} AS event_source, ${col.eventName} AS event_name, ${col.awsRegion} AS region, ${col.errorCode} AS error_code,
       count(*) AS count,
       ${d.isoString(sql`min(${d.eventTime})`)} AS first,
       ${d.isoString(sql`max(${d.eventTime})`)} AS last
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${col.userIdentity.sessionContext.sessionIssuer.arn} = ${p.roleArn}
  AND ${isThrottleError()}
GROUP BY 1, 2, 3, 4
ORDER BY count(*) DESC, 1, 2, 3, 4
LIMIT 1000`,
};
