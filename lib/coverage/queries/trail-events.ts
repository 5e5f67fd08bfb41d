import { z } from '@/lib/zod';
import { col } from '@/lib/cloudtrail/columns';
import { succeededCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { join, sql, trusted, type Sql } from '@/lib/sql/sql';
import { hourly } from '@/lib/summary/hourly';
import { onTheHour } from '@/lib/summary/on-the-hour';

/** The calls that stop or start a trail's logging, or create, delete or reconfigure the trail. */
export const TRAIL_LOGGING_EVENTS = ['StopLogging', 'StartLogging', 'DeleteTrail', 'CreateTrail', 'UpdateTrail'] as const;
export type TrailLoggingEventName = (typeof TRAIL_LOGGING_EVENTS)[number];

/** More trail changes than this in the window and the loader says the list is cut. */
export const TRAIL_EVENTS_LIMIT = 10_000;

/** More separate stretches than this and the events are read over the whole window instead. */
export const TRAIL_EVENT_SPANS_LIMIT = 64;

const window = z.object({ from: z.string(), to: z.string() });
const params = window.extend({
  /**
   * Where in [from, to) the trail calls are (trailEventHours, merged): read only those. Omitted
   * where nothing says where they are (Athena, Trino), and the whole window is read.
   */
  spans: z.array(window).min(1).max(TRAIL_EVENT_SPANS_LIMIT).optional(),
});
export type TrailEventsParams = z.infer<typeof params>;

const trailCall = (name: Sql, source: Sql) => sql`${source} = 'cloudtrail.amazonaws.com'
  AND ${name} IN (${join(TRAIL_LOGGING_EVENTS.map((n) => sql`${n}`), ', ')})`;

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
WHERE ${d.timeRange(p.from, p.to)}${p.spans ? sql`
  AND (${join(
    p.spans.map((s) => sql`(${d.timeRange(s.from, s.to)})`),
    ' OR ',
  )})` : sql``}
  AND ${trailCall(col.eventName, col.eventSource)}
  AND ${succeededCall}
ORDER BY event_time, event_id
LIMIT ${trusted(TRAIL_EVENTS_LIMIT + 1)}`;
  },
};

/**
 * The UTC hours in [from, to) holding a successful trail call, oldest first: on DuckDB from the
 * hourly summary (milliseconds, where reading the calls themselves over a 10M-event store's whole
 * history takes seconds), so trailEvents then reads only those hours. Over S3 it would cost a scan
 * of its own: the loader asks for it only where the engine keeps a summary.
 */
export const TRAIL_EVENT_HOURS_LIMIT = 1000;

const hourRow = z.object({ hour: z.string() });

export const trailEventHours: QueryModule<z.infer<typeof window>, z.infer<typeof hourRow>> = {
  name: 'coverage-trail-event-hours',
  params: window,
  row: hourRow,
  build: (d, p) => sql`
SELECT ${d.isoString(sql`hour`)} AS hour
FROM (
  SELECT DISTINCT ${d.dateTrunc('hour', d.eventTime)} AS hour
  FROM ${d.table}
  WHERE ${d.timeRange(p.from, p.to)}
    AND ${trailCall(col.eventName, col.eventSource)}
    AND ${succeededCall}
) h
ORDER BY hour
LIMIT ${trusted(TRAIL_EVENT_HOURS_LIMIT + 1)}`,
  fromSummary: (d, s, p) =>
    onTheHour(p.from, p.to)
      ? sql`
SELECT ${d.isoString(sql`hour`)} AS hour
FROM (
  SELECT DISTINCT ${hourly.hour} AS hour
  FROM ${s.table}
  WHERE ${s.hourRange(p.from, p.to)}
    AND ${trailCall(hourly.event_name, hourly.event_source)}
    AND NOT ${hourly.failed}
) h
ORDER BY hour
LIMIT ${trusted(TRAIL_EVENT_HOURS_LIMIT + 1)}`
      : null,
};
