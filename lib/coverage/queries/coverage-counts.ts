import { z } from '@/lib/zod';
import { col } from '@/lib/cloudtrail/columns';
import type { Dialect } from '@/lib/engine/dialect';
import type { QueryModule } from '@/lib/engine/panel';
import { sql, trusted, type Sql } from '@/lib/sql/sql';
import { hourly } from '@/lib/summary/hourly';
import { onTheHour } from '@/lib/summary/on-the-hour';

/** More account × region × hour rows than this and the window is too wide to judge: the loader says so. */
export const COVERAGE_ROW_LIMIT = 200_000;

const window = z.object({ from: z.string(), to: z.string() });
const params = window.extend({
  /**
   * Also count the events and distinct delivery files of each account × region × UTC day within
   * this window (inside [from, to)): the heat map's cells. Null: the hours alone.
   */
  days: window.nullable(),
});
export type CoverageCountsParams = z.infer<typeof params>;

const row = z
  .object({
    account_id: z.string().nullable(),
    region: z.string().nullable(),
    grain: z.enum(['hour', 'day']),
    at: z.string(),
    events: z.number(),
    files: z.number().nullable(),
  })
  .transform((r) => ({ accountId: r.account_id, region: r.region, grain: r.grain, at: r.at, events: r.events, files: r.files }));
export type CoverageCountRow = z.output<typeof row>;

/** Each event's account, region and hour, and with `days` its day and delivery file. */
function perEvent(d: Dialect, days: boolean): Sql {
  return sql`${col.recipientAccountId} AS account_id,
         ${col.awsRegion} AS region,
         ${d.dateTrunc('hour', d.eventTime)} AS hour${
           days
             ? sql`,
         ${d.dateTrunc('day', d.eventTime)} AS day,
         ${d.deliveryFile} AS delivery_file`
             : sql``
         }`;
}

/**
 * Events per account × region × hour, or events and distinct delivery files per account × region
 * × day, read from the events (only they know their file).
 */
function rawCounts(d: Dialect, p: { from: string; to: string }, grain: 'hour' | 'day'): Sql {
  const days = grain === 'day';
  const at = days ? sql`day` : sql`hour`;
  return sql`
SELECT account_id, region, ${days ? sql`'day'` : sql`'hour'`} AS grain, ${d.isoString(at)} AS at, count(*) AS events, ${days ? sql`count(DISTINCT delivery_file)` : sql`CAST(NULL AS BIGINT)`} AS files
FROM (
  SELECT ${perEvent(d, days)}
  FROM ${d.table}
  WHERE ${d.timeRange(p.from, p.to)}
) e
GROUP BY account_id, region, ${at}`;
}

/**
 * Events per account × region × UTC hour in [from, to), and with `days` the events and distinct
 * delivery files per account × region × UTC day in that window. The loader (../load-coverage.ts)
 * turns the hours into silences and the days into the heat map's cells.
 *
 * When both windows are one (as the loader asks on Athena and Trino), one pass over the events
 * with GROUPING SETS: the partitions are read, and billed, once. On DuckDB the hours come from the
 * hourly summary (windows on the hour), and the days read the store's narrow columns for the
 * scope alone, not the week around it the silences are judged by.
 */
export const coverageCounts: QueryModule<CoverageCountsParams, CoverageCountRow> = {
  name: 'coverage-counts',
  params,
  row,
  build(d, p) {
    const limit = trusted(COVERAGE_ROW_LIMIT + 1);
    if (!p.days) return sql`${rawCounts(d, p, 'hour')}
LIMIT ${limit}`;
    if (p.days.from !== p.from || p.days.to !== p.to) {
      return sql`
SELECT * FROM (${rawCounts(d, p, 'hour')}
UNION ALL${rawCounts(d, p.days, 'day')}
) c
LIMIT ${limit}`;
    }
    // GROUPING SETS: both grains from one scan; grouping(hour) = 0 marks the hourly rows.
    return sql`
SELECT account_id, region,
       CASE WHEN grouping(hour) = 0 THEN 'hour' ELSE 'day' END AS grain,
       ${d.isoString(sql`coalesce(hour, day)`)} AS at,
       count(*) AS events,
       CASE WHEN grouping(hour) = 0 THEN CAST(NULL AS BIGINT) ELSE count(DISTINCT delivery_file) END AS files
FROM (
  SELECT ${perEvent(d, true)}
  FROM ${d.table}
  WHERE ${d.timeRange(p.from, p.to)}
) e
GROUP BY GROUPING SETS ((account_id, region, hour), (account_id, region, day))
LIMIT ${limit}`;
  },
  fromSummary(d, s, p) {
    if (!onTheHour(p.from, p.to)) return null;
    const limit = trusted(COVERAGE_ROW_LIMIT + 1);
    const hours = sql`
SELECT ${hourly.account_id} AS account_id, ${hourly.region} AS region, 'hour' AS grain, ${d.isoString(hourly.hour)} AS at,
       CAST(sum(${hourly.calls}) AS BIGINT) AS events, CAST(NULL AS BIGINT) AS files
FROM ${s.table}
WHERE ${s.hourRange(p.from, p.to)}
GROUP BY ${hourly.account_id}, ${hourly.region}, ${hourly.hour}`;
    if (!p.days) return sql`${hours}
LIMIT ${limit}`;
    return sql`
SELECT * FROM (${hours}
UNION ALL${rawCounts(d, p.days, 'day')}
) c
LIMIT ${limit}`;
  },
};
