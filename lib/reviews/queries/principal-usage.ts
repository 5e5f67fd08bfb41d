import { z } from '@/lib/zod';
import { boundText } from '@/lib/params/validators';
import { failedCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { sql, trusted, type Sql } from '@/lib/sql/sql';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';
import { hourly } from '@/lib/summary/hourly';
import { onTheHour } from '@/lib/summary/on-the-hour';

/**
 * What a principal used in the scope, by API: a role through any of its sessions, an IAM user by
 * its ARN. "Used" is a successful call (a denied call used no permission), so the last successful
 * call is kept apart from the last attempt.
 */
const params = z.object({ from: z.string(), to: z.string(), kind: z.enum(['role', 'user']), arn: boundText().min(1) });
export type PrincipalUsageParams = z.infer<typeof params>;
const s = z.string().nullable();
const row = z
  .object({ event_source: z.string(), event_name: z.string(), success: z.number(), failed: z.number(), first_used: s, last_used: s, last_attempt: z.string() })
  .transform((r) => ({
    eventSource: r.event_source,
    eventName: r.event_name,
    success: r.success,
    failed: r.failed,
    firstUsed: r.first_used,
    lastUsed: r.last_used,
    lastAttempt: r.last_attempt,
  }));
export type PrincipalUsageRow = z.output<typeof row>;

export const PRINCIPAL_USAGE_LIMIT = 5000;

export function principalPredicate(kind: 'role' | 'user', arn: string): Sql {
  return kind === 'role' ? sql`${col.userIdentity.sessionContext.sessionIssuer.arn} = ${arn}` : sql`${col.userIdentity.arn} = ${arn}`;
}

export const principalUsage: QueryModule<PrincipalUsageParams, PrincipalUsageRow> = {
  name: 'access-principal-usage',
  params,
  row: row,
  build(d, p) {
    const ok = sql`NOT (${failedCall})`;
    return sql`
SELECT ${col.eventSource} AS event_source,
       ${col.eventName} AS event_name,
       ${countIf(ok)} AS success,
       ${countIf(failedCall)} AS failed,
       ${d.isoString(sql`min(CASE WHEN ${ok} THEN ${d.eventTime} END)`)} AS first_used,
       ${d.isoString(sql`max(CASE WHEN ${ok} THEN ${d.eventTime} END)`)} AS last_used,
       ${d.isoString(sql`max(${d.eventTime})`)} AS last_attempt
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${principalPredicate(p.kind, p.arn)}
  AND ${col.eventSource} IS NOT NULL AND ${col.eventName} IS NOT NULL
GROUP BY 1, 2
ORDER BY 1, 2
LIMIT ${trusted(PRINCIPAL_USAGE_LIMIT + 1)}`;
  },
  fromSummary(d, s, p) {
    if (!onTheHour(p.from, p.to)) return null;
    const calls = (where: Sql) => sql`CAST(coalesce(sum(${hourly.calls}) FILTER (WHERE ${where}), 0) AS BIGINT)`;
    return sql`
SELECT ${hourly.event_source} AS event_source,
       ${hourly.event_name} AS event_name,
       ${calls(sql`NOT ${hourly.failed}`)} AS success,
       ${calls(hourly.failed)} AS failed,
       ${d.isoString(sql`min(${hourly.firstTime}) FILTER (WHERE NOT ${hourly.failed})`)} AS first_used,
       ${d.isoString(sql`max(${hourly.lastTime}) FILTER (WHERE NOT ${hourly.failed})`)} AS last_used,
       ${d.isoString(sql`max(${hourly.lastTime})`)} AS last_attempt
FROM ${s.table}
WHERE ${s.hourRange(p.from, p.to)}
  AND ${p.kind === 'role' ? sql`${hourly.issuer_arn} = ${p.arn}` : sql`${hourly.identity_arn} = ${p.arn}`}
  AND ${hourly.event_source} IS NOT NULL AND ${hourly.event_name} IS NOT NULL
GROUP BY 1, 2
ORDER BY 1, 2
LIMIT ${trusted(PRINCIPAL_USAGE_LIMIT + 1)}`;
  },
};
