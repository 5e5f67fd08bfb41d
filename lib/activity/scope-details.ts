import { z } from '@/lib/zod';
import type { Dialect } from '@/lib/engine/dialect';
import type { QueryModule } from '@/lib/engine/panel';
import { sql, trusted, type Sql } from '@/lib/sql/sql';
import { subjectPredicate, subjectSchema, type Subject } from '@/lib/subjects/subject';
import { failedCall } from '@/lib/cloudtrail/predicates';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';

/** Detective's three "Display details for scope time" tabs, in its order; the URL's `details=`. */
export const DETAILS_TABS = ['ips', 'apis', 'keys'] as const;
export type DetailsTab = (typeof DETAILS_TABS)[number];

/**
 * Rows a tab shows. Sorting and filtering happen in the browser, which is quick for this many; the
 * query asks for one more row than this to know whether it was cut.
 */
export const DETAILS_LIMIT = 1000;

export interface ScopeDetailsParams {
  subject: Subject;
  from: string;
  to: string;
}

const detailRow = z
  .object({
    key: z.string().nullable(),
    service: z.string().nullable(),
    success: z.number(),
    failed: z.number(),
    first_seen: z.string(),
    last_seen: z.string(),
  })
  .transform(({ first_seen, last_seen, ...r }) => ({ ...r, firstSeen: first_seen, lastSeen: last_seen }));
export type DetailRow = z.output<typeof detailRow>;

interface TabColumns {
  key: Sql;
  /** The eventsource for API methods; other tabs have none. */
  service: Sql | null;
}

const TAB_COLUMNS: Record<DetailsTab, TabColumns> = {
  ips: { key: col.sourceIpAddress, service: null },
  apis: { key: col.eventName, service: col.eventSource },
  keys: { key: col.userIdentity.accessKeyId, service: null },
};

function buildDetails(d: Dialect, p: ScopeDetailsParams, columns: TabColumns): Sql {
  const service = columns.service ?? sql`CAST(NULL AS VARCHAR)`;
  const groupBy = columns.service ? sql`GROUP BY 1, 2` : sql`GROUP BY 1`;
  return sql`
SELECT ${columns.key} AS key,
       ${service} AS service,
       count(*) - ${countIf(failedCall)} AS success,
       ${countIf(failedCall)} AS failed,
       ${d.isoString(sql`min(${d.eventTime})`)} AS first_seen,
       ${d.isoString(sql`max(${d.eventTime})`)} AS last_seen
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND (${subjectPredicate(p.subject)})
${groupBy}
ORDER BY count(*) DESC, 1, 2
LIMIT ${trusted(DETAILS_LIMIT + 1)}`;
}

const params = z.object({ subject: subjectSchema, from: z.string(), to: z.string() });

function detailsModule(tab: DetailsTab): QueryModule<ScopeDetailsParams, DetailRow> {
  return { name: `scope-details-${tab}`, params, row: detailRow, build: (d, p) => buildDetails(d, p, TAB_COLUMNS[tab]) };
}

/** One query per tab, as Detective has them: each tab shows, and costs, only its own SQL. */
export const scopeDetails: Record<DetailsTab, QueryModule<ScopeDetailsParams, DetailRow>> = {
  ips: detailsModule('ips'),
  apis: detailsModule('apis'),
  keys: detailsModule('keys'),
};
