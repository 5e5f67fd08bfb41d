import { z } from '@/lib/zod';
import { allow, join, sql, trusted } from '@/lib/sql/sql';
import type { QueryModule } from '@/lib/engine/panel';
import { col } from '@/lib/cloudtrail/columns';
import { hourly } from '@/lib/summary/hourly';

/**
 * How much data there is. On DuckDB the whole store is cheap (its hourly summary answers it). On a
 * table over S3 it would read every byte, so lib/data-range/get-data-range.ts asks the probes below
 * instead; `dataRange` runs there only on an unpartitioned table, which every query reads whole.
 */
export const dataRange: QueryModule<Record<string, never>, DataRangeRow> = {
  name: 'data-range',
  params: z.record(z.string(), z.never()),
  row: z.object({
    events: z.number(),
    first: z.string().nullable(),
    last: z.string().nullable(),
  }),
  build: (d) => sql`
SELECT count(*) AS events,
       ${d.isoString(sql`min(${d.eventTime})`)} AS first,
       ${d.isoString(sql`max(${d.eventTime})`)} AS last
FROM ${d.table}`,
  // Every page asks; the summary is a tenth of the events, and its counts and times are theirs.
  fromSummary: (d, s) => sql`
SELECT CAST(coalesce(sum(${hourly.calls}), 0) AS BIGINT) AS events,
       ${d.isoString(sql`min(${hourly.firstTime})`)} AS first,
       ${d.isoString(sql`max(${hourly.lastTime})`)} AS last
FROM ${s.table}`,
};
export interface DataRangeRow {
  /** Events in the store; null where counting them would read the whole trail. */
  events: number | null;
  first: string | null;
  last: string | null;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD');
const dayRange = z.object({ firstDay: day, lastDay: day }).refine((p) => p.firstDay <= p.lastDay, 'firstDay is after lastDay');

/**
 * Whether any event was delivered on the folder days [firstDay, lastDay]. Reads only those days'
 * partitions, and Athena stops at the first row: an empty range reads nothing, one with data
 * usually a file or two.
 */
export const dataRangeProbe: QueryModule<z.infer<typeof dayRange>, { found: number }> = {
  name: 'data-range-probe',
  params: dayRange,
  row: z.object({ found: z.number() }),
  build: (d, p) => sql`
SELECT 1 AS found
FROM ${d.table}
WHERE ${d.deliveredOn(p.firstDay, p.lastDay)}
LIMIT 1`,
};

export const EXTENT_KINDS = ['total', 'region', 'recipient', 'caller', 'assumed', 'enabled-region'] as const;

const extentRow = z.object({
  kind: z.enum(EXTENT_KINDS),
  value: z.string().nullable(),
  events: z.number(),
  first: z.string().nullable(),
  last: z.string().nullable(),
});
export type ExtentRow = z.infer<typeof extentRow>;

/**
 * The first and last events of the given folder days (the first and last days with data), and,
 * from the same read, what those events name: regions, recipient and caller accounts, the accounts
 * of roles assumed from the trail's own principals, regions enabled. One row per value, per kind,
 * plus a `total` row: GROUPING SETS read the days once.
 */
export const dataRangeExtent: QueryModule<{ days: string[] }, ExtentRow> = {
  name: 'data-range-extent',
  params: z.object({ days: z.array(day).min(1).max(2) }),
  row: extentRow,
  build: (d, p) => {
    const where = join(
      p.days.map((x) => d.deliveredOn(x, x)),
      ' OR ',
    );
    const roleAccount = sql`split_part(${d.jsonExtractScalar(col.requestParameters, '$.roleArn')}, ':', 5)`;
    const g = (column: string) => sql`grouping(${trusted(allow(column, ['region', 'recipient', 'caller', 'assumed', 'enabled_region']))}) = 0`;
    return sql`
SELECT CASE WHEN ${g('region')} THEN 'region'
            WHEN ${g('recipient')} THEN 'recipient'
            WHEN ${g('caller')} THEN 'caller'
            WHEN ${g('assumed')} THEN 'assumed'
            WHEN ${g('enabled_region')} THEN 'enabled-region'
            ELSE 'total' END AS kind,
       coalesce(region, recipient, caller, assumed, enabled_region) AS value,
       count(*) AS events,
       ${d.isoString(sql`min(event_at)`)} AS first,
       ${d.isoString(sql`max(event_at)`)} AS last
FROM (
  SELECT ${col.awsRegion} AS region,
         ${col.recipientAccountId} AS recipient,
         ${col.userIdentity.accountId} AS caller,
         -- The caller-side copy of an AssumeRole by the trail's own principal: the role's account.
         CASE WHEN ${col.eventSource} = 'sts.amazonaws.com' AND ${col.eventName} = 'AssumeRole'
               AND ${col.userIdentity.accountId} = ${col.recipientAccountId} THEN ${roleAccount} END AS assumed,
         CASE WHEN ${col.eventSource} = 'account.amazonaws.com' AND ${col.eventName} = 'EnableRegion'
              THEN ${d.jsonExtractScalar(col.requestParameters, '$.regionName')} END AS enabled_region,
         ${d.eventTime} AS event_at
  FROM ${d.table}
  WHERE (${where})
) e
GROUP BY GROUPING SETS ((), (region), (recipient), (caller), (assumed), (enabled_region))
-- 'total' first, so the row limit can never drop it.
ORDER BY 1 DESC, 2
LIMIT 10000`;
  },
};

/** How the registered partitions name a folder day. */
export const PARTITION_DAY_KEYS = ['timestamp', 'year-month-day'] as const;

/**
 * The folder days with a registered partition (a table without projection), from the catalog's
 * `$partitions` table: metadata, no data read.
 */
export const registeredPartitionDays: QueryModule<{ keys: (typeof PARTITION_DAY_KEYS)[number] }, { day: string }> = {
  name: 'data-range-partitions',
  params: z.object({ keys: z.enum(PARTITION_DAY_KEYS) }),
  row: z.object({ day: z.string() }),
  build: (d, p) => {
    if (!d.partitionsTable) throw new RangeError(`The ${d.name} engine has no partitions table`);
    const dayText = p.keys === 'timestamp' ? sql`"timestamp"` : sql`"year" || '/' || "month" || '/' || "day"`;
    return sql`
SELECT DISTINCT ${dayText} AS day
FROM ${d.partitionsTable}
ORDER BY 1
LIMIT 100000`;
  },
};
