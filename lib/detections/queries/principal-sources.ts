import { z } from '@/lib/zod';
import { failedCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { code, sql, trusted } from '@/lib/sql/sql';
import { actorColumns, MAX_EVIDENCE, stringList } from '../grouped-sql';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';
import type { Dialect, HourlySummarySource } from '@/lib/engine/dialect';
import { hourly } from '@/lib/summary/hourly';
import { onTheHour } from '@/lib/summary/on-the-hour';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const instant = z.string().regex(ISO, 'must be an ISO-8601 UTC instant');

const params = z
  .object({ baselineFrom: instant, scopeFrom: instant, scopeTo: instant })
  .refine((p) => Date.parse(p.baselineFrom) <= Date.parse(p.scopeFrom) && Date.parse(p.scopeFrom) < Date.parse(p.scopeTo), {
    message: 'baselineFrom ≤ scopeFrom < scopeTo',
  });
export type PrincipalSourcesParams = z.infer<typeof params>;

/** Rows per run; a scope with more (principal, IP) pairs than this is reported as truncated. */
export const MAX_PRINCIPAL_SOURCES = 100_000;

/** The principal kinds the new-country rule judges; services and anonymous callers have no "usual place". */
export const LOCATED_PRINCIPAL_TYPES = ['IAMUser', 'Root', 'AssumedRole', 'FederatedUser'] as const;

const text = z.string().nullable();
const row = z.object({
  principal_id: z.string(),
  ip: z.string(),
  baseline_calls: z.number(),
  scope_success: z.number(),
  scope_failed: z.number(),
  scope_first: text,
  scope_last: text,
  baseline_last: text,
  first_seen: z.string(),
  account_id: text,
  aws_region: text,
  actor_type: text,
  actor_arn: text,
  actor_user_name: text,
  actor_access_key_id: text,
  event_ids: stringList,
});
export type PrincipalSourceRow = z.output<typeof row>;

/**
 * Per principal active in the scope and per source IP: calls in the baseline and in the scope, as
 * the New behavior counts query splits them (behavior-counts.ts), but for every active principal
 * at once rather than one subject. Only principals with a call in the scope are read back over the
 * baseline, so the result is bounded by the scope's principals. The scope split is epoch seconds
 * spliced as text (Athena binds `?` only in WHERE). Actor fields and evidence come from the scope.
 */
export const principalSources: QueryModule<PrincipalSourcesParams, PrincipalSourceRow> = {
  name: 'detection-principal-sources',
  params,
  row,
  fromSummary,
  build(d, p) {
    const split = trusted(Math.ceil(Date.parse(p.scopeFrom) / 1000));
    const types = sql`${col.userIdentity.type} IN (${code(LOCATED_PRINCIPAL_TYPES.map((t) => `'${t}'`).join(', '))})`;
    return sql`
WITH active AS (
  SELECT DISTINCT ${col.userIdentity.principalId} AS principal_id
  FROM ${d.table}
  WHERE ${d.timeRange(p.scopeFrom, p.scopeTo)}
    AND ${col.userIdentity.principalId} IS NOT NULL
    AND ${types}
),
events AS (
  SELECT ${col.userIdentity.principalId} AS principal_id,
    ${col.sourceIpAddress} AS ip,
    ${col.eventId} AS event_id,
    ${d.eventTime} AS t,
    ${d.epochSeconds(d.eventTime)} >= ${split} AS in_scope,
    (${failedCall}) AS failed,
    ${actorColumns()}
  FROM ${d.table}
  WHERE ${d.timeRange(p.baselineFrom, p.scopeTo)}
    AND ${col.sourceIpAddress} IS NOT NULL
    AND ${types}
    AND ${col.userIdentity.principalId} IN (SELECT principal_id FROM active)
),
ranked AS (
  SELECT events.*, row_number() OVER (PARTITION BY principal_id, ip, in_scope ORDER BY t, event_id) AS rn
  FROM events
)
SELECT principal_id, ip,
  ${countIf(sql`NOT in_scope`)} AS baseline_calls,
  ${countIf(sql`in_scope AND NOT failed`)} AS scope_success,
  ${countIf(sql`in_scope AND failed`)} AS scope_failed,
  ${d.isoString(sql`min(CASE WHEN in_scope THEN t END)`)} AS scope_first,
  ${d.isoString(sql`max(CASE WHEN in_scope THEN t END)`)} AS scope_last,
  ${d.isoString(sql`max(CASE WHEN NOT in_scope THEN t END)`)} AS baseline_last,
  ${d.isoString(sql`min(t)`)} AS first_seen,
  max_by(account_id, t) FILTER (WHERE in_scope) AS account_id,
  max_by(aws_region, t) FILTER (WHERE in_scope) AS aws_region,
  max_by(actor_type, t) FILTER (WHERE in_scope) AS actor_type,
  max_by(actor_arn, t) FILTER (WHERE in_scope) AS actor_arn,
  max_by(actor_user_name, t) FILTER (WHERE in_scope) AS actor_user_name,
  max_by(actor_access_key_id, t) FILTER (WHERE in_scope) AS actor_access_key_id,
  ${d.arrayResult(sql`array_agg(event_id ORDER BY t, event_id) FILTER (WHERE in_scope AND rn <= ${trusted(MAX_EVIDENCE)})`)} AS event_ids
FROM ranked
GROUP BY principal_id, ip
ORDER BY principal_id, ip
LIMIT ${trusted(MAX_PRINCIPAL_SOURCES)}`;
  },
};

/**
 * The same rows with the baseline read from the hourly summary (DuckDB, windows on the hour): the
 * baseline is 45 days of every active principal's calls, the scope a day; only the scope's events
 * are read raw, for their evidence and actor fields.
 */
function fromSummary(d: Dialect, s: HourlySummarySource, p: PrincipalSourcesParams) {
  if (!onTheHour(p.baselineFrom, p.scopeFrom, p.scopeTo)) return null;
  const types = code(LOCATED_PRINCIPAL_TYPES.map((t) => `'${t}'`).join(', '));
  return sql`
WITH scoped AS (
  SELECT ${col.userIdentity.principalId} AS principal_id,
    ${col.sourceIpAddress} AS ip,
    ${col.eventId} AS event_id,
    ${d.eventTime} AS t,
    (${failedCall}) AS failed,
    ${actorColumns()}
  FROM ${d.table}
  WHERE ${d.timeRange(p.scopeFrom, p.scopeTo)}
    AND ${col.userIdentity.principalId} IS NOT NULL
    AND ${col.sourceIpAddress} IS NOT NULL
    AND ${col.userIdentity.type} IN (${types})
),
ranked AS (
  SELECT scoped.*, row_number() OVER (PARTITION BY principal_id, ip ORDER BY t, event_id) AS rn FROM scoped
),
in_scope AS (
  SELECT principal_id, ip,
    ${countIf(sql`NOT failed`)} AS success,
    ${countIf(sql`failed`)} AS failures,
    min(t) AS first_t, max(t) AS last_t,
    max_by(account_id, t) AS account_id, max_by(aws_region, t) AS aws_region, max_by(actor_type, t) AS actor_type,
    max_by(actor_arn, t) AS actor_arn, max_by(actor_user_name, t) AS actor_user_name, max_by(actor_access_key_id, t) AS actor_access_key_id,
    array_agg(event_id ORDER BY t, event_id) FILTER (WHERE rn <= ${trusted(MAX_EVIDENCE)}) AS event_ids
  FROM ranked
  GROUP BY principal_id, ip
),
active AS (
  SELECT ${hourly.principal_id} AS principal_id FROM ${s.table}
  WHERE ${s.hourRange(p.scopeFrom, p.scopeTo)} AND ${hourly.principal_id} IS NOT NULL AND ${hourly.identity_type} IN (${types})
  GROUP BY 1
),
baseline AS (
  SELECT ${hourly.principal_id} AS principal_id, ${hourly.source_ip} AS ip,
    CAST(sum(${hourly.calls}) AS BIGINT) AS calls, min(${hourly.firstTime}) AS first_t, max(${hourly.lastTime}) AS last_t
  FROM ${s.table}
  WHERE ${s.hourRange(p.baselineFrom, p.scopeFrom)}
    AND ${hourly.source_ip} IS NOT NULL
    AND ${hourly.identity_type} IN (${types})
    AND ${hourly.principal_id} IN (SELECT principal_id FROM active)
  GROUP BY 1, 2
)
SELECT coalesce(i.principal_id, b.principal_id) AS principal_id, coalesce(i.ip, b.ip) AS ip,
  coalesce(b.calls, 0) AS baseline_calls,
  coalesce(i.success, 0) AS scope_success,
  coalesce(i.failures, 0) AS scope_failed,
  ${d.isoString(sql`i.first_t`)} AS scope_first,
  ${d.isoString(sql`i.last_t`)} AS scope_last,
  ${d.isoString(sql`b.last_t`)} AS baseline_last,
  ${d.isoString(sql`coalesce(b.first_t, i.first_t)`)} AS first_seen,
  i.account_id, i.aws_region, i.actor_type, i.actor_arn, i.actor_user_name, i.actor_access_key_id,
  i.event_ids
FROM in_scope i
FULL OUTER JOIN baseline b ON b.principal_id = i.principal_id AND b.ip = i.ip
ORDER BY 1, 2
LIMIT ${trusted(MAX_PRINCIPAL_SOURCES)}`;
}
