import { z } from '@/lib/zod';
import { boundText } from '@/lib/params/validators';
import { failedCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { join, sql } from '@/lib/sql/sql';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';
import { hourly } from '@/lib/summary/hourly';
import { onTheHour } from '@/lib/summary/on-the-hour';

/** Calls each of a list of roles' sessions made in the scope, for the vendor inventory. */
const params = z.object({ from: z.string(), to: z.string(), roleArns: z.array(boundText().min(1)).min(1).max(1000) });
const row = z.object({ role_arn: z.string(), calls: z.number(), failed: z.number() });
export type RoleCallTotalsRow = z.infer<typeof row>;

export const roleCallTotals: QueryModule<z.infer<typeof params>, RoleCallTotalsRow> = {
  name: 'vendor-role-call-totals',
  params,
  row,
  build: (d, p) => sql`
SELECT ${col.userIdentity.sessionContext.sessionIssuer.arn} AS role_arn, count(*) AS calls, ${countIf(failedCall)} AS failed
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${col.userIdentity.sessionContext.sessionIssuer.arn} IN (${join(p.roleArns.map((a) => sql`${a}`), ', ')})
GROUP BY 1
ORDER BY 1`,
  fromSummary: (_d, s, p) =>
    onTheHour(p.from, p.to)
      ? sql`
SELECT ${hourly.issuer_arn} AS role_arn, CAST(sum(${hourly.calls}) AS BIGINT) AS calls,
       CAST(coalesce(sum(${hourly.calls}) FILTER (WHERE ${hourly.failed}), 0) AS BIGINT) AS failed
FROM ${s.table}
WHERE ${s.hourRange(p.from, p.to)}
  AND ${hourly.issuer_arn} IN (${join(p.roleArns.map((a) => sql`${a}`), ', ')})
GROUP BY 1
ORDER BY 1`
      : null,
};
