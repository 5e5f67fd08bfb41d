import { z } from '@/lib/zod';
import { col } from '@/lib/cloudtrail/columns';
import { succeededCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { join, sql, trusted } from '@/lib/sql/sql';

/** The calls that stop or start a trail's logging, or create, delete or reconfigure the trail. */
export const TRAIL_LOGGING_EVENTS = ['StopLogging', 'StartLogging', 'DeleteTrail', 'CreateTrail', 'UpdateTrail'] as const;
export type TrailLoggingEventName = (typeof TRAIL_LOGGING_EVENTS)[number];

/** More trail changes than this in the window and the loader says the list is cut. */
export const TRAIL_EVENTS_LIMIT = 10_000;

const params = z.object({ from: z.string(), to: z.string() });
export type TrailEventsParams = z.infer<typeof params>;

const row = z
  .object({
    event_id: z.string(),
    event_time: z.string(),
    event_name: z.enum(TRAIL_LOGGING_EVENTS),
    account_id: z.string().nullable(),
    region: z.string().nullable(),
    trail: z.string().nullable(),
    trail_arn: z.string().nullable(),
    multi_region: z.string().nullable(),
    organization: z.string().nullable(),
    actor: z.string().nullable(),
  })
  .transform((r) => ({
    eventId: r.event_id,
    eventTime: r.event_time,
    eventName: r.event_name,
    accountId: r.account_id,
    region: r.region,
    /** The trail as the call named it: a name or an ARN (`name`; `trailName` in older records). */
    trail: r.trail,
    /** The ARN CreateTrail and UpdateTrail answer with. */
    trailArn: r.trail_arn,
    multiRegion: flag(r.multi_region),
    organization: flag(r.organization),
    actor: r.actor,
  }));
export type TrailEventRow = z.output<typeof row>;

function flag(text: string | null): boolean | null {
  return text === 'true' ? true : text === 'false' ? false : null;
}

/**
 * Successful calls that stop, start, delete, create or update a trail in [from, to), oldest first,
 * with what they say about the trail: its name or ARN, and (CreateTrail, UpdateTrail) whether it
 * logs every region or every account of the organisation, from the response where the call
 * succeeded, else the request. Pure input for ../trail-gaps.ts.
 */
export const trailEvents: QueryModule<TrailEventsParams, TrailEventRow> = {
  name: 'coverage-trail-events',
  params,
  row,
  build(d, p) {
    const request = (path: `$${string}`) => d.jsonExtractScalar(col.requestParameters, path);
    const response = (path: `$${string}`) => d.jsonExtractScalar(col.responseElements, path);
    return sql`
SELECT ${col.eventId} AS event_id,
       ${d.isoString(d.eventTime)} AS event_time,
       ${col.eventName} AS event_name,
       ${col.recipientAccountId} AS account_id,
       ${col.awsRegion} AS region,
       coalesce(${request('$.name')}, ${request('$.trailName')}) AS trail,
       ${response('$.trailARN')} AS trail_arn,
       coalesce(${response('$.isMultiRegionTrail')}, ${request('$.isMultiRegionTrail')}) AS multi_region,
       coalesce(${response('$.isOrganizationTrail')}, ${request('$.isOrganizationTrail')}) AS organization,
       coalesce(${col.userIdentity.arn}, ${col.userIdentity.principalId}) AS actor
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${col.eventSource} = 'cloudtrail.amazonaws.com'
  AND ${col.eventName} IN (${join(TRAIL_LOGGING_EVENTS.map((n) => sql`${n}`), ', ')})
  AND ${succeededCall}
ORDER BY event_time, event_id
LIMIT ${trusted(TRAIL_EVENTS_LIMIT + 1)}`;
  },
};
