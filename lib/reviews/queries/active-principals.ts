import { z } from '@/lib/zod';
import { failedCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { sql, trusted } from '@/lib/sql/sql';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';
import { hourly } from '@/lib/summary/hourly';
import { onTheHour } from '@/lib/summary/on-the-hour';

/** Roles (through their sessions) and IAM users that made calls in the scope, busiest first. */
const params = z.object({ from: z.string(), to: z.string() });
const row = z
  .object({ kind: z.enum(['role', 'user']), arn: z.string(), calls: z.number(), failed: z.number(), services: z.number(), last_call: z.string() })
  .transform((r) => ({ kind: r.kind, arn: r.arn, calls: r.calls, failed: r.failed, services: r.services, lastCall: r.last_call }));
export type ActivePrincipalRow = z.output<typeof row>;

export const ACTIVE_PRINCIPALS_LIMIT = 1000;

export const activePrincipals: QueryModule<z.infer<typeof params>, ActivePrincipalRow> = {
  name: 'access-active-principals',
  params,
  row: row,
  build: (d, p) => sql`
SELECT CASE WHEN ${col.userIdentity.type} = 'AssumedRole' THEN 'role' ELSE 'user' END AS kind,
       CASE WHEN ${col.userIdentity.type} = 'AssumedRole' THEN ${col.userIdentity.sessionContext.sessionIssuer.arn} ELSE ${col.userIdentity.arn} END AS arn,
       count(*) AS calls,
       ${countIf(failedCall)} AS failed,
       count(DISTINCT ${col.eventSource}) AS services,
       ${d.isoString(sql`max(${d.eventTime})`)} AS last_call
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ((${col.userIdentity.type} = 'AssumedRole' AND ${col.userIdentity.sessionContext.sessionIssuer.arn} IS NOT NULL)
    OR (${col.userIdentity.type} = 'IAMUser' AND ${col.userIdentity.arn} IS NOT NULL))
GROUP BY 1, 2
ORDER BY count(*) DESC, 2
LIMIT ${trusted(ACTIVE_PRINCIPALS_LIMIT + 1)}`,
  fromSummary: (d, s, p) =>
    onTheHour(p.from, p.to)
      ? sql`
SELECT CASE WHEN ${hourly.identity_type} = 'AssumedRole' THEN 'role' ELSE 'user' END AS kind,
       CASE WHEN ${hourly.identity_type} = 'AssumedRole' THEN ${hourly.issuer_arn} ELSE ${hourly.identity_arn} END AS arn,
       CAST(sum(${hourly.calls}) AS BIGINT) AS calls,
       CAST(coalesce(sum(${hourly.calls}) FILTER (WHERE ${hourly.failed}), 0) AS BIGINT) AS failed,
       count(DISTINCT ${hourly.event_source}) AS services,
       ${d.isoString(sql`max(${hourly.lastTime})`)} AS last_call
FROM ${s.table}
WHERE ${s.hourRange(p.from, p.to)}
  AND ((${hourly.identity_type} = 'AssumedRole' AND ${hourly.issuer_arn} IS NOT NULL)
    OR (${hourly.identity_type} = 'IAMUser' AND ${hourly.identity_arn} IS NOT NULL))
GROUP BY 1, 2
ORDER BY sum(${hourly.calls}) DESC, 2
LIMIT ${trusted(ACTIVE_PRINCIPALS_LIMIT + 1)}`
      : null,
};
