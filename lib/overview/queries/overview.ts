import { z } from '@/lib/zod';
import { sql, trusted } from '@/lib/sql/sql';
import type { Dialect } from '@/lib/engine/dialect';
import type { QueryModule } from '@/lib/engine/panel';
import { failedCall } from '@/lib/cloudtrail/predicates';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';

const scope = z.object({ from: z.string(), to: z.string() });
type ScopeP = z.infer<typeof scope>;

/** The principal an event is attributed to at a glance: its ARN, else the invoking service. */
export const principalLabel = (d: Dialect) => {
  void d;
  return sql`coalesce(${col.userIdentity.arn}, ${col.userIdentity.invokedBy}, ${col.userIdentity.principalId}, ${col.userIdentity.type}, 'unknown')`;
};

const failed = failedCall;

export const scopeTotals: QueryModule<ScopeP, { events: number; failed: number; principals: number; accounts: number; regions: number }> = {
  name: 'scope-totals',
  params: scope,
  row: z.object({ events: z.number(), failed: z.number(), principals: z.number(), accounts: z.number(), regions: z.number() }),
  build: (d, p) => sql`
SELECT count(*) AS events,
       ${countIf(failed)} AS failed,
       count(DISTINCT ${principalLabel(d)}) AS principals,
       count(DISTINCT ${col.recipientAccountId}) AS accounts,
       count(DISTINCT ${col.awsRegion}) AS regions
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}`,
};

const breakdownRow = z.object({ key: z.string().nullable(), events: z.number(), failed: z.number() });
export type BreakdownRow = z.infer<typeof breakdownRow>;

function breakdown(name: string, key: (d: Dialect) => ReturnType<typeof sql>, limit: number): QueryModule<ScopeP, BreakdownRow> {
  return {
    name,
    params: scope,
    row: breakdownRow,
    build: (d, p) => sql`
SELECT ${key(d)} AS key, count(*) AS events, ${countIf(failed)} AS failed
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
GROUP BY 1
ORDER BY events DESC, key
LIMIT ${trusted(limit)}`,
  };
}

export const accountsInScope = breakdown('accounts', () => col.recipientAccountId, 50);
export const regionsInScope = breakdown('regions', () => col.awsRegion, 50);
export const topPrincipals = breakdown('top-principals', principalLabel, 10);
export const topEventNames = breakdown('top-event-names', () => sql`${col.eventSource} || ':' || ${col.eventName}`, 10);
