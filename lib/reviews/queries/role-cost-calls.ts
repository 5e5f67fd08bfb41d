import { z } from '@/lib/zod';
import { boundText } from '@/lib/params/validators';
import { failedCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { COST_RULES } from '@/lib/reviews/vendors/cost-calls';
import { join, sql, type Sql } from '@/lib/sql/sql';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';

/** A role's cost-relevant calls (lib/reviews/vendors/cost-calls.ts) per UTC day. */
const params = z.object({ from: z.string(), to: z.string(), roleArn: boundText().min(1) });
const row = z
  .object({ day: z.string(), event_source: z.string(), event_name: z.string(), calls: z.number(), failed: z.number() })
  .transform((r) => ({ day: r.day, eventSource: r.event_source, eventName: r.event_name, calls: r.calls, failed: r.failed }));
export type RoleCostCallRow = z.output<typeof row>;

/** The documented list as a WHERE predicate; its names are bound values (WHERE allows them). */
function costPredicate(): Sql {
  return join(
    COST_RULES.map((r) =>
      r.eventNames === '*'
        ? sql`${col.eventSource} = ${r.eventSource}`
        : sql`(${col.eventSource} = ${r.eventSource} AND ${col.eventName} IN (${join(r.eventNames.map((n) => sql`${n}`), ', ')}))`,
    ),
    '\n    OR ',
  );
}

export const roleCostCalls: QueryModule<z.infer<typeof params>, RoleCostCallRow> = {
  name: 'vendor-role-cost-calls',
  params,
  row: row,
  build: (d, p) => sql`
SELECT ${d.isoString(d.dateTrunc('day', d.eventTime))} AS day, ${col.eventSource} AS event_source, ${col.eventName} AS event_name,
       count(*) AS calls, ${countIf(failedCall)} AS failed
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${col.userIdentity.sessionContext.sessionIssuer.arn} = ${p.roleArn}
  AND (${costPredicate()})
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
LIMIT 20000`,
};
