import { z } from '@/lib/zod';
import { succeededCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { join, sql } from '@/lib/sql/sql';
import { eventColumns, groupedFindingsSql, groupedRow, scopeSchema, distinctList } from '../grouped-sql';
import { col } from '@/lib/cloudtrail/columns';

/** CloudTrail calls that stop, delete or reconfigure a trail. */
export const TRAIL_EVENTS = ['StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors'] as const;

const params = z.intersection(scopeSchema, z.object({ eventNames: z.array(z.enum(TRAIL_EVENTS)).min(1).max(TRAIL_EVENTS.length) }));
export type TrailChangesParams = z.infer<typeof params>;

const row = groupedRow.extend({ trail_name: z.string(), trail_arn: z.string().nullable(), event_names: distinctList });
export type TrailChangeRow = z.output<typeof row>;

/**
 * Successful trail changes, one row per account, principal and trail. The trail is named by
 * `name` (StopLogging, DeleteTrail, UpdateTrail) or `trailName` (PutEventSelectors), as a name or an
 * ARN; grouping uses the name so both spellings of one trail are one finding, and the ARN is kept
 * when any call gave it.
 */
export const trailChanges: QueryModule<TrailChangesParams, TrailChangeRow> = {
  name: 'detection-trail-changes',
  params,
  row,
  build(d, p) {
    const named = sql`coalesce(${d.jsonExtractScalar(col.requestParameters, '$.name')}, ${d.jsonExtractScalar(col.requestParameters, '$.trailName')})`;
    return groupedFindingsSql(d, {
      matched: sql`
  SELECT ${eventColumns(d)},
    ${col.eventName} AS event_name,
    coalesce(regexp_replace(${named}, '^arn:[^:]*:cloudtrail:[^:]*:[0-9]*:trail/', ''), 'unknown') AS trail_name,
    CASE WHEN ${named} LIKE 'arn:%' THEN ${named} END AS trail_ref
  FROM ${d.table}
  WHERE ${d.timeRange(p.from, p.to)}
    AND ${col.eventSource} = 'cloudtrail.amazonaws.com'
    AND ${col.eventName} IN (${join(p.eventNames.map((n) => sql`${n}`), ', ')})
    AND ${succeededCall}`,
      keys: ['trail_name'],
      aggregates: [sql`max(trail_ref) AS trail_arn`, sql`${d.distinctList(sql`event_name`)} AS event_names`],
    });
  },
};
