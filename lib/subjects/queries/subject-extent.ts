import { z } from '@/lib/zod';
import { sql } from '@/lib/sql/sql';
import { subjectPredicate, subjectSchema, subjectSummaryPredicate } from '@/lib/subjects/subject';
import { hourly } from '@/lib/summary/hourly';
import { onTheHour } from '@/lib/summary/on-the-hour';
import type { QueryModule } from '@/lib/engine/panel';
import { col } from '@/lib/cloudtrail/columns';

const params = z.object({ subject: subjectSchema, window: z.object({ from: z.string(), to: z.string() }).optional() });

/** When a subject was first and last seen, how many events and role sessions it has, within an optional window. */
const row = z.object({
  events: z.number(),
  first: z.string().nullable(),
  last: z.string().nullable(),
  /** Distinct role sessions among the events (for a role: its sessions). */
  sessions: z.number(),
  /** The role behind the events' sessions (for a role session: its role, even outside the scope). */
  role_arn: z.string().nullable(),
});
export type SubjectExtentRow = z.infer<typeof row>;

export const subjectExtent: QueryModule<z.infer<typeof params>, SubjectExtentRow> = {
  name: 'subject-extent',
  params,
  row,
  build: (d, p) => sql`
SELECT count(*) AS events,
       ${d.isoString(sql`min(${d.eventTime})`)} AS first,
       ${d.isoString(sql`max(${d.eventTime})`)} AS last,
       count(DISTINCT CASE WHEN ${col.userIdentity.type} = 'AssumedRole' THEN ${col.userIdentity.principalId} END) AS sessions,
       max(${col.userIdentity.sessionContext.sessionIssuer.arn}) AS role_arn
FROM ${d.table}
WHERE ${subjectPredicate(p.subject)}${p.window ? sql` AND ${d.timeRange(p.window.from, p.window.to)}` : sql``}`,
  fromSummary: (d, s, p) =>
    p.window && !onTheHour(p.window.from, p.window.to)
      ? null
      : sql`
SELECT CAST(coalesce(sum(${hourly.calls}), 0) AS BIGINT) AS events,
       ${d.isoString(sql`min(${hourly.firstTime})`)} AS first,
       ${d.isoString(sql`max(${hourly.lastTime})`)} AS last,
       count(DISTINCT CASE WHEN ${hourly.identity_type} = 'AssumedRole' THEN ${hourly.principal_id} END) AS sessions,
       max(${hourly.issuer_arn}) AS role_arn
FROM ${s.table}
WHERE ${subjectSummaryPredicate(p.subject)}${p.window ? sql` AND ${s.hourRange(p.window.from, p.window.to)}` : sql``}`,
};
