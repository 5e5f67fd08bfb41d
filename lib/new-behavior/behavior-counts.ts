import { z } from '@/lib/zod';
import type { Dialect } from '@/lib/engine/dialect';
import { failedCall, succeededCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { sql, trusted, type Sql } from '@/lib/sql/sql';
import { subjectPredicate, subjectSchema, type Subject } from '@/lib/subjects/subject';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';

/** What a row of the counts query is about; `all` is the subject's total over the window. */
export const COUNT_KINDS = ['ip', 'user-agent', 'api', 'all'] as const;

export interface BehaviorCountsParams {
  subject: Subject;
  /** Window start: the first instant of the baseline. */
  baselineFrom: string;
  /** Scope start: the baseline ends here. */
  scopeFrom: string;
  scopeTo: string;
}

const isoInstant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO-8601 instant');

const params = z
  .object({ subject: subjectSchema, baselineFrom: isoInstant, scopeFrom: isoInstant, scopeTo: isoInstant })
  .refine((p) => Date.parse(p.baselineFrom) <= Date.parse(p.scopeFrom) && Date.parse(p.scopeFrom) < Date.parse(p.scopeTo), {
    message: 'baselineFrom ≤ scopeFrom < scopeTo',
  });

const row = z
  .object({
    kind: z.enum(COUNT_KINDS),
    value: z.string().nullable(),
    service: z.string().nullable(),
    baseline_calls: z.number(),
    scope_success: z.number(),
    scope_failed: z.number(),
    scope_first: z.string().nullable(),
    baseline_last: z.string().nullable(),
    first_seen: z.string().nullable(),
  })
  .transform((r) => ({
    kind: r.kind,
    value: r.value,
    service: r.service,
    baselineCalls: r.baseline_calls,
    scopeSuccess: r.scope_success,
    scopeFailed: r.scope_failed,
    scopeFirst: r.scope_first,
    baselineLast: r.baseline_last,
    firstSeen: r.first_seen,
  }));
export type BehaviorCountRow = z.output<typeof row>;

/**
 * One scan of baseline + scope, grouped four ways at once (GROUPING SETS): per source IP, per user
 * agent, per API call, and the subject's total (whose first_seen is the baseline coverage). Counts
 * are split at the scope start inside the aggregates, so the window is read once.
 *
 * The split point is an epoch-seconds integer spliced as text: Athena binds `?` only in WHERE, and
 * comparing epoch seconds reads the same on both engines (no TIMESTAMP vs TIMESTAMP WITH TIME ZONE
 * literal to get wrong). Scopes start on whole seconds (on the hour, in practice), so nothing is lost.
 */
function build(d: Dialect, p: BehaviorCountsParams): Sql {
  const split = trusted(Math.ceil(Date.parse(p.scopeFrom) / 1000));
  const seconds = d.epochSeconds(d.eventTime);
  const inScope = sql`${seconds} >= ${split}`;
  const inBaseline = sql`${seconds} < ${split}`;
  return sql`
SELECT CASE WHEN GROUPING(${col.sourceIpAddress}) = 0 THEN 'ip'
            WHEN GROUPING(${col.userAgent}) = 0 THEN 'user-agent'
            WHEN GROUPING(${col.eventName}) = 0 THEN 'api'
            ELSE 'all' END AS kind,
       CASE WHEN GROUPING(${col.sourceIpAddress}) = 0 THEN ${col.sourceIpAddress}
            WHEN GROUPING(${col.userAgent}) = 0 THEN ${col.userAgent}
            WHEN GROUPING(${col.eventName}) = 0 THEN ${col.eventName} END AS value,
       CASE WHEN GROUPING(${col.eventSource}) = 0 THEN ${col.eventSource} END AS service,
       ${countIf(inBaseline)} AS baseline_calls,
       ${countIf(sql`${inScope} AND ${succeededCall}`)} AS scope_success,
       ${countIf(sql`${inScope} AND ${failedCall}`)} AS scope_failed,
       ${d.isoString(sql`min(CASE WHEN ${inScope} THEN ${d.eventTime} END)`)} AS scope_first,
       ${d.isoString(sql`max(CASE WHEN ${inBaseline} THEN ${d.eventTime} END)`)} AS baseline_last,
       ${d.isoString(sql`min(${d.eventTime})`)} AS first_seen
FROM ${d.table}
WHERE ${d.timeRange(p.baselineFrom, p.scopeTo)}
  AND (${subjectPredicate(p.subject)})
GROUP BY GROUPING SETS ((${col.sourceIpAddress}), (${col.userAgent}), (${col.eventSource}, ${col.eventName}), ())
ORDER BY 1, 2, 3`;
}

export const behaviorCounts: QueryModule<BehaviorCountsParams, BehaviorCountRow> = {
  name: 'new-behavior-counts',
  params,
  row,
  build,
};
