import { z } from '@/lib/zod';
import { sql, trusted } from '@/lib/sql/sql';
import type { QueryModule } from '@/lib/engine/panel';
import { col } from '@/lib/cloudtrail/columns';

/** At most this many events on the timeline; the Events tab pages through the rest. */
export const TIMELINE_LIMIT = 2000;

const row = z.object({
  event_id: z.string(),
  event_time: z.string(),
  event_source: z.string().nullable(),
  event_name: z.string().nullable(),
  error_code: z.string().nullable(),
  source_ip: z.string().nullable(),
  region: z.string().nullable(),
  role_arn: z.string().nullable(),
  role_session_name: z.string().nullable(),
  assumed_role_id: z.string().nullable(),
});
export type TimelineRow = z.infer<typeof row>;

/**
 * A role session's calls in the scope, oldest first, with what an AssumeRole call asked for and
 * got (to mark the sessions it started). One more row than the limit says there are more.
 */
export const sessionTimeline: QueryModule<{ from: string; to: string; principalId: string }, TimelineRow> = {
  name: 'session-timeline',
  params: z.object({ from: z.string(), to: z.string(), principalId: z.string().min(1).max(300) }),
  row,
  build: (d, p) => sql`
SELECT ${col.eventId} AS event_id, ${d.isoString(d.eventTime)} AS event_time, ${col.eventSource} AS event_source,
  ${col.eventName} AS event_name, nullif(${col.errorCode}, '') AS error_code, ${col.sourceIpAddress} AS source_ip, ${col.awsRegion} AS region,
  ${d.jsonExtractScalar(col.requestParameters, '$.roleArn')} AS role_arn,
  ${d.jsonExtractScalar(col.requestParameters, '$.roleSessionName')} AS role_session_name,
  ${d.jsonExtractScalar(col.responseElements, '$.assumedRoleUser.assumedRoleId')} AS assumed_role_id
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${col.userIdentity.principalId} = ${p.principalId}
ORDER BY ${d.eventTime}, ${col.eventId}
LIMIT ${trusted(TIMELINE_LIMIT + 1)}`,
};
