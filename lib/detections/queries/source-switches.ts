import { z } from '@/lib/zod';
import type { QueryModule } from '@/lib/engine/panel';
import { code, sql, trusted } from '@/lib/sql/sql';
import { col } from '@/lib/cloudtrail/columns';
import { actorColumns, scopeSchema, stringList } from '../grouped-sql';
import { LOCATED_PRINCIPAL_TYPES } from './principal-sources';

/** Rows per run: (principal, from-address, to-address) switches. */
export const MAX_SWITCHES = 50_000;

const text = z.string().nullable();
const row = z.object({
  principal_id: z.string(),
  ip_from: z.string(),
  ip_to: z.string(),
  /** The shortest time between a call from `ip_from` and the next call, from `ip_to`. */
  gap_seconds: z.number(),
  left_at: z.string(),
  arrived_at: z.string(),
  switches: z.number(),
  account_id: text,
  aws_region: text,
  actor_type: text,
  actor_arn: text,
  actor_user_name: text,
  actor_access_key_id: text,
  /** The two calls of the quickest switch. */
  event_ids: stringList,
});
export type SourceSwitchRow = z.output<typeof row>;

/**
 * For principals that called from more than one address in the scope, every change of address
 * between consecutive calls, grouped per (principal, from, to) with the quickest one: the closest
 * two calls from two addresses always sit next to each other in time, so this is enough to judge
 * travel. Calls made through a service (invokedBy) and AWS service names are left out. The access
 * key is taken among calls that have one: DuckDB's max_by skips a NULL value, Trino's returns it.
 */
export const sourceSwitches: QueryModule<z.infer<typeof scopeSchema>, SourceSwitchRow> = {
  name: 'detection-source-switches',
  params: scopeSchema,
  row,
  build(d, p) {
    const order = sql`PARTITION BY principal_id ORDER BY t, event_id`;
    return sql`
WITH calls AS (
  SELECT ${col.userIdentity.principalId} AS principal_id,
    ${col.sourceIpAddress} AS ip,
    ${col.eventId} AS event_id,
    ${d.eventTime} AS t,
    ${actorColumns()}
  FROM ${d.table}
  WHERE ${d.timeRange(p.from, p.to)}
    AND ${col.userIdentity.principalId} IS NOT NULL
    AND ${col.userIdentity.type} IN (${code(LOCATED_PRINCIPAL_TYPES.map((t) => `'${t}'`).join(', '))})
    AND ${col.userIdentity.invokedBy} IS NULL
    AND ${col.sourceIpAddress} IS NOT NULL
    AND ${col.sourceIpAddress} NOT LIKE '%.amazonaws.com'
    AND ${col.sourceIpAddress} <> 'AWS Internal'
),
movers AS (
  SELECT principal_id FROM calls GROUP BY principal_id HAVING count(DISTINCT ip) > 1
),
sequenced AS (
  SELECT calls.*,
    lag(ip) OVER (${order}) AS prev_ip,
    lag(t) OVER (${order}) AS prev_t,
    lag(event_id) OVER (${order}) AS prev_event_id
  FROM calls
  WHERE principal_id IN (SELECT principal_id FROM movers)
),
switched AS (
  SELECT sequenced.*, ${d.epochSeconds(sql`t`)} - ${d.epochSeconds(sql`prev_t`)} AS gap
  FROM sequenced
  WHERE prev_ip IS NOT NULL AND prev_ip <> ip
)
SELECT principal_id, prev_ip AS ip_from, ip AS ip_to,
  min(gap) AS gap_seconds,
  ${d.isoString(sql`min_by(prev_t, gap)`)} AS left_at,
  ${d.isoString(sql`min_by(t, gap)`)} AS arrived_at,
  count(*) AS switches,
  max_by(account_id, t) AS account_id,
  max_by(aws_region, t) AS aws_region,
  max_by(actor_type, t) AS actor_type,
  max_by(actor_arn, t) AS actor_arn,
  max_by(actor_user_name, t) AS actor_user_name,
  max_by(actor_access_key_id, t) FILTER (WHERE actor_access_key_id IS NOT NULL) AS actor_access_key_id,
  ${d.arrayResult(sql`ARRAY[min_by(prev_event_id, gap), min_by(event_id, gap)]`)} AS event_ids
FROM switched
GROUP BY principal_id, prev_ip, ip
ORDER BY principal_id, ip_from, ip_to
LIMIT ${trusted(MAX_SWITCHES)}`;
  },
};
