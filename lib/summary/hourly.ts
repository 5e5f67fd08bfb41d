import { code, join, sql, type Sql } from '@/lib/sql/sql';
import { col } from '@/lib/cloudtrail/columns';
import { failedCall } from '@/lib/cloudtrail/predicates';

/**
 * The hourly summary: the store's events counted per hour and per everything a profile, a list, a
 * volume chart or New behavior groups or filters by. Declared once here: ingest writes it from each
 * new segment, the embedded engine reads it as `cloudtrail_hourly`, and summary-backed queries name
 * its columns through `hourly`.
 *
 * It is exact when summed over segments because a segment holds only events new to the store
 * (ingest de-duplicates by eventID and time before writing either), so no event is counted twice.
 */
const DIMENSIONS = [
  ['principal_id', col.userIdentity.principalId],
  ['identity_arn', col.userIdentity.arn],
  ['identity_type', col.userIdentity.type],
  ['issuer_arn', col.userIdentity.sessionContext.sessionIssuer.arn],
  ['issuer_name', col.userIdentity.sessionContext.sessionIssuer.userName],
  ['invoked_by', col.userIdentity.invokedBy],
  ['access_key_id', col.userIdentity.accessKeyId],
  ['account_id', col.recipientAccountId],
  ['region', col.awsRegion],
  ['event_source', col.eventSource],
  ['event_name', col.eventName],
  ['source_ip', col.sourceIpAddress],
  ['user_agent', col.userAgent],
] as const;

type DimensionName = (typeof DIMENSIONS)[number][0];

/** The summary's columns as SQL, for queries that read `cloudtrail_hourly`. */
export const hourly = {
  /** The hour (a TIMESTAMP truncated to the hour) the row counts. */
  hour: code('hour'),
  ...(Object.fromEntries(DIMENSIONS.map(([name]) => [name, code(name)])) as Record<DimensionName, Sql>),
  /** Whether the calls failed (an error code), as `failedCall` says. */
  failed: code('failed'),
  calls: code('calls'),
  /** The first and last event time among the row's calls. */
  firstTime: code('first_time'),
  lastTime: code('last_time'),
} as const;

export const HOURLY_COLUMN_NAMES = ['hour', ...DIMENSIONS.map(([name]) => name), 'failed', 'calls', 'first_time', 'last_time'] as const;

/**
 * The summary of a relation with the store's columns (`event_time` among them), in DuckDB SQL.
 * `relation` is SQL we wrote (a read_parquet of our own files), never request input.
 */
export function hourlySummaryOf(relation: Sql): Sql {
  return sql`
SELECT date_trunc('hour', event_time) AS hour,
       ${join(
         DIMENSIONS.map(([name, expr]) => sql`${expr} AS ${code(name)}`),
         ',\n       ',
       )},
       coalesce(${failedCall}, false) AS failed,
       count(*) AS calls,
       min(event_time) AS first_time,
       max(event_time) AS last_time
FROM ${relation}
GROUP BY ALL`;
}
