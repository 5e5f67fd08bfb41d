import { z } from '@/lib/zod';
import type { Dialect, HourlySummarySource } from '@/lib/engine/dialect';
import type { QueryModule } from '@/lib/engine/panel';
import { code, join, sql, trusted, type Sql } from '@/lib/sql/sql';
import { col } from '@/lib/cloudtrail/columns';
import { failedCall } from '@/lib/cloudtrail/predicates';
import { countIf } from '@/lib/sql/count-if';
import { hourly } from '@/lib/summary/hourly';
import { onTheHour } from '@/lib/summary/on-the-hour';
import { actorColumns, MAX_EVIDENCE, distinctList, stringList } from '../grouped-sql';
import { SENSITIVE_APIS } from '../rules';
import { LOCATED_PRINCIPAL_TYPES } from './principal-sources';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const instant = z.string().regex(ISO, 'must be an ISO-8601 UTC instant');
const params = z
  .object({ baselineFrom: instant, scopeFrom: instant, scopeTo: instant })
  .refine((p) => Date.parse(p.baselineFrom) <= Date.parse(p.scopeFrom) && Date.parse(p.scopeFrom) < Date.parse(p.scopeTo), { message: 'baselineFrom ≤ scopeFrom < scopeTo' });
export type SensitiveCallsParams = z.infer<typeof params>;

export const MAX_SENSITIVE_ROWS = 10_000;

const text = z.string().nullable();
const row = z.object({
  principal_id: z.string(),
  event_source: z.string(),
  event_name: z.string(),
  calls: z.number(),
  failed: z.number(),
  first_seen: z.string(),
  last_seen: z.string(),
  /** The principal's calls of this API in the baseline (0: a first use). */
  baseline_api_calls: z.number(),
  /** The principal's calls of anything in the baseline (0: no baseline to judge by). */
  baseline_calls: z.number(),
  /** The principal's first call in the whole window, baseline included (for the store-coverage check). */
  principal_first: text,
  account_id: text,
  aws_region: text,
  actor_type: text,
  actor_arn: text,
  actor_user_name: text,
  actor_access_key_id: text,
  error_codes: distinctList,
  event_ids: stringList,
});
export type SensitiveCallRow = z.output<typeof row>;

const types = code(LOCATED_PRINCIPAL_TYPES.map((t) => `'${t}'`).join(', '));
const names = () => join([...new Set(SENSITIVE_APIS.map((a) => a.eventName))].map((n) => sql`${n}`), ', ');

/** The scope's sensitive calls per principal and API (raw: their evidence is event ids). */
function scopeCalls(d: Dialect, p: SensitiveCallsParams): Sql {
  return sql`
  SELECT ${col.userIdentity.principalId} AS principal_id, ${col.eventSource} AS event_source, ${col.eventName} AS event_name,
    ${col.eventId} AS event_id, ${d.eventTime} AS t, (${failedCall}) AS is_failed, ${col.errorCode} AS error_code,
    ${actorColumns()}
  FROM ${d.table}
  WHERE ${d.timeRange(p.scopeFrom, p.scopeTo)}
    AND ${col.eventName} IN (${names()})
    AND ${col.userIdentity.principalId} IS NOT NULL
    AND ${col.userIdentity.type} IN (${types})
    AND ${col.userIdentity.invokedBy} IS NULL`;
}

/**
 * `baseline` must give (principal_id, event_source, event_name, calls, first_t) per principal and API
 * over [baselineFrom, scopeFrom) for the principals in `scoped`.
 */
function assemble(d: Dialect, p: SensitiveCallsParams, baseline: Sql): Sql {
  return sql`
WITH scoped AS (${scopeCalls(d, p)}),
ranked AS (
  SELECT scoped.*, row_number() OVER (PARTITION BY principal_id, event_source, event_name ORDER BY t, event_id) AS rn FROM scoped
),
found AS (
  SELECT principal_id, event_source, event_name,
    count(*) AS calls,
    ${countIf(sql`is_failed`)} AS failed,
    min(t) AS first_t, max(t) AS last_t,
    max_by(account_id, t) AS account_id, max_by(aws_region, t) AS aws_region, max_by(actor_type, t) AS actor_type,
    max_by(actor_arn, t) AS actor_arn, max_by(actor_user_name, t) AS actor_user_name, max_by(actor_access_key_id, t) AS actor_access_key_id,
    ${d.distinctList(sql`error_code`)} AS error_codes,
    ${d.arrayResult(sql`array_agg(event_id ORDER BY t, event_id) FILTER (WHERE rn <= ${trusted(MAX_EVIDENCE)})`)} AS event_ids
  FROM ranked
  GROUP BY principal_id, event_source, event_name
),
baseline AS (${baseline}),
per_principal AS (
  SELECT principal_id, sum(calls) AS calls, min(first_t) AS first_t FROM baseline GROUP BY principal_id
)
SELECT f.principal_id, f.event_source, f.event_name, f.calls, f.failed,
  ${d.isoString(sql`f.first_t`)} AS first_seen, ${d.isoString(sql`f.last_t`)} AS last_seen,
  coalesce(b.calls, 0) AS baseline_api_calls,
  coalesce(pp.calls, 0) AS baseline_calls,
  ${d.isoString(sql`least(coalesce(pp.first_t, f.first_t), f.first_t)`)} AS principal_first,
  f.account_id, f.aws_region, f.actor_type, f.actor_arn, f.actor_user_name, f.actor_access_key_id, f.error_codes, f.event_ids
FROM found f
LEFT JOIN baseline b ON b.principal_id = f.principal_id AND b.event_source = f.event_source AND b.event_name = f.event_name
LEFT JOIN per_principal pp ON pp.principal_id = f.principal_id
ORDER BY f.principal_id, f.event_source, f.event_name
LIMIT ${trusted(MAX_SENSITIVE_ROWS)}`;
}

/**
 * Sensitive API calls in the scope per principal and API, with the principal's calls of the same
 * API and of anything in the baseline: the first-use rule's input. The baseline is read only for
 * the principals that made a sensitive call, from the raw events or (DuckDB, windows on the hour)
 * the hourly summary.
 */
export const sensitiveCalls: QueryModule<SensitiveCallsParams, SensitiveCallRow> = {
  name: 'detection-sensitive-calls',
  params,
  row,
  build(d, p) {
    return assemble(
      d,
      p,
      sql`
  SELECT ${col.userIdentity.principalId} AS principal_id, ${col.eventSource} AS event_source, ${col.eventName} AS event_name,
    count(*) AS calls, min(${d.eventTime}) AS first_t
  FROM ${d.table}
  WHERE ${d.timeRange(p.baselineFrom, p.scopeFrom)}
    AND ${col.userIdentity.principalId} IN (SELECT principal_id FROM scoped)
  GROUP BY 1, 2, 3`,
    );
  },
  fromSummary(d: Dialect, s: HourlySummarySource, p) {
    if (!onTheHour(p.baselineFrom, p.scopeFrom, p.scopeTo)) return null;
    return assemble(
      d,
      p,
      sql`
  SELECT ${hourly.principal_id} AS principal_id, ${hourly.event_source} AS event_source, ${hourly.event_name} AS event_name,
    sum(${hourly.calls}) AS calls, min(${hourly.firstTime}) AS first_t
  FROM ${s.table}
  WHERE ${s.hourRange(p.baselineFrom, p.scopeFrom)}
    AND ${hourly.principal_id} IN (SELECT principal_id FROM scoped)
  GROUP BY 1, 2, 3`,
    );
  },
};
