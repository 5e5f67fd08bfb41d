import { z } from '@/lib/zod';
import { boundText } from '@/lib/params/validators';
import { TIME_GRAINS } from '@/lib/engine/dialect';
import type { QueryModule } from '@/lib/engine/panel';
import { isThrottleError } from '@/lib/reviews/vendors/throttling';
import { sql } from '@/lib/sql/sql';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';

/**
 * A role's call rate: calls per minute first, then gathered into chart buckets of the grain
 * (minute for a few hours, hour for a week, day beyond) with the busiest minute of each bucket and
 * its throttled calls. Peaks, not averages: throttling follows the burst, not the hourly mean.
 */
const params = z.object({ from: z.string(), to: z.string(), roleArn: boundText().min(1), grain: z.enum(TIME_GRAINS) });
const row = z
  .object({ bucket: z.string(), calls: z.number(), peak_per_minute: z.number(), peak_minute: z.string(), throttled: z.number() })
  .transform((r) => ({ bucket: r.bucket, calls: r.calls, peakPerMinute: r.peak_per_minute, peakMinute: r.peak_minute, throttled: r.throttled }));
export type RoleCallRateRow = z.output<typeof row>;

export const roleCallRate: QueryModule<z.infer<typeof params>, RoleCallRateRow> = {
  name: 'vendor-role-call-rate',
  params,
  row: row,
  build: (d, p) => sql`
SELECT ${d.isoString(d.dateTrunc(p.grain, sql`minute_start`))} AS bucket,
       sum(calls) AS calls,
       max(calls) AS peak_per_minute,
       -- The earliest of equally busy minutes: max_by alone picks any of them, and engines differ.
       ${d.isoString(sql`max_by(minute_start, calls * 10000000000 - ${d.epochSeconds(sql`minute_start`)})`)} AS peak_minute,
       sum(throttled) AS throttled
FROM (
  SELECT ${d.dateTrunc('minute', d.eventTime)} AS minute_start, count(*) AS calls, ${countIf(isThrottleError())} AS throttled
  FROM ${d.table}
  WHERE ${d.timeRange(p.from, p.to)}
    AND ${col.userIdentity.sessionContext.sessionIssuer.arn} = ${p.roleArn}
  GROUP BY 1
) per_minute
GROUP BY 1
ORDER BY 1`,
};
