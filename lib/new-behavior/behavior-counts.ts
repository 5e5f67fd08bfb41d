import { z } from '@/lib/zod';
import type { Dialect, HourlySummarySource } from '@/lib/engine/dialect';
import { hourly } from '@/lib/summary/hourly';
import { onTheHour } from '@/lib/summary/on-the-hour';
import { failedCall, succeededCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { sql, trusted, type Sql } from '@/lib/sql/sql';
import { subjectPredicate, subjectSchema, subjectSummaryPredicate, type Subject } from '@/lib/subjects/subject';
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
interface Groups {
  ip: Sql;
  userAgent: Sql;
  source: Sql;
  name: Sql;
}
const RAW_GROUPS: Groups = { ip: col.sourceIpAddress, userAgent: col.userAgent, source: col.eventSource, name: col.eventName };
const SUMMARY_GROUPS: Groups = { ip: hourly.source_ip, userAgent: hourly.user_agent, source: hourly.event_source, name: hourly.event_name };

/** The kind, value and service columns of a row of the four groupings. */
function grouping(g: Groups): Sql {
  return sql`CASE WHEN GROUPING(${g.ip}) = 0 THEN 'ip'
            WHEN GROUPING(${g.userAgent}) = 0 THEN 'user-agent'
            WHEN GROUPING(${g.name}) = 0 THEN 'api'
            ELSE 'all' END AS kind,
       CASE WHEN GROUPING(${g.ip}) = 0 THEN ${g.ip}
            WHEN GROUPING(${g.userAgent}) = 0 THEN ${g.userAgent}
            WHEN GROUPING(${g.name}) = 0 THEN ${g.name} END AS value,
       CASE WHEN GROUPING(${g.source}) = 0 THEN ${g.source} END AS service,`;
}

function groupingSets(g: Groups): Sql {
  return sql`GROUPING SETS ((${g.ip}), (${g.userAgent}), (${g.source}, ${g.name}), ())`;
}

function build(d: Dialect, p: BehaviorCountsParams): Sql {
  const split = trusted(Math.ceil(Date.parse(p.scopeFrom) / 1000));
  const seconds = d.epochSeconds(d.eventTime);
  const inScope = sql`${seconds} >= ${split}`;
  const inBaseline = sql`${seconds} < ${split}`;
  return sql`
SELECT ${grouping(RAW_GROUPS)}
       ${countIf(inBaseline)} AS baseline_calls,
       ${countIf(sql`${inScope} AND ${succeededCall}`)} AS scope_success,
       ${countIf(sql`${inScope} AND ${failedCall}`)} AS scope_failed,
       ${d.isoString(sql`min(CASE WHEN ${inScope} THEN ${d.eventTime} END)`)} AS scope_first,
       ${d.isoString(sql`max(CASE WHEN ${inBaseline} THEN ${d.eventTime} END)`)} AS baseline_last,
       ${d.isoString(sql`min(${d.eventTime})`)} AS first_seen
FROM ${d.table}
WHERE ${d.timeRange(p.baselineFrom, p.scopeTo)}
  AND (${subjectPredicate(p.subject)})
GROUP BY ${groupingSets(RAW_GROUPS)}
ORDER BY 1, 2, 3`;
}

/** The same counts from the hourly summary, when the baseline and the scope start and end on the hour. */
function fromSummary(d: Dialect, s: HourlySummarySource, p: BehaviorCountsParams): Sql | null {
  if (!onTheHour(p.baselineFrom, p.scopeFrom, p.scopeTo)) return null;
  const inScope = sql`${hourly.hour} >= ${d.timestamp(p.scopeFrom)}`;
  const inBaseline = sql`${hourly.hour} < ${d.timestamp(p.scopeFrom)}`;
  const calls = (where: Sql) => sql`CAST(coalesce(sum(${hourly.calls}) FILTER (WHERE ${where}), 0) AS BIGINT)`;
  return sql`
SELECT ${grouping(SUMMARY_GROUPS)}
       ${calls(inBaseline)} AS baseline_calls,
       ${calls(sql`${inScope} AND NOT ${hourly.failed}`)} AS scope_success,
       ${calls(sql`${inScope} AND ${hourly.failed}`)} AS scope_failed,
       ${d.isoString(sql`min(${hourly.firstTime}) FILTER (WHERE ${inScope})`)} AS scope_first,
       ${d.isoString(sql`max(${hourly.lastTime}) FILTER (WHERE ${inBaseline})`)} AS baseline_last,
       ${d.isoString(sql`min(${hourly.firstTime})`)} AS first_seen
FROM ${s.table}
WHERE ${s.hourRange(p.baselineFrom, p.scopeTo)}
  AND (${subjectSummaryPredicate(p.subject)})
GROUP BY ${groupingSets(SUMMARY_GROUPS)}
ORDER BY 1, 2, 3`;
}

export const behaviorCounts: QueryModule<BehaviorCountsParams, BehaviorCountRow> = {
  name: 'new-behavior-counts',
  params,
  row,
  build,
  fromSummary,
};
