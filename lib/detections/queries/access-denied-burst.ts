import { z } from '@/lib/zod';
import type { QueryModule } from '@/lib/engine/panel';
import { join, sql, trusted } from '@/lib/sql/sql';
import { eventColumns, groupedFindingsSql, groupedRow, scopeSchema, distinctList } from '../grouped-sql';
import { ACCESS_DENIED_BURST, ACCESS_DENIED_CODES } from '../rules';
import { col } from '@/lib/cloudtrail/columns';

const row = groupedRow.extend({ peak: z.number(), error_codes: distinctList, event_names: distinctList });
export type AccessDeniedBurstRow = z.output<typeof row>;

/**
 * Denied calls inside bursts, one row per account and principal.
 *
 * A sliding window, in two passes over each principal's denials ordered by epoch second: `ahead`
 * counts the denials in [s, s + window); a denial starts a burst when `ahead` reaches the
 * threshold. Every window holding ≥ threshold denials can be slid right to start at its first
 * denial, so a denial belongs to a burst exactly when a burst start lies in (s − window, s]: the
 * second pass looks back that far for one. Numeric RANGE frames over epoch seconds read the same on
 * DuckDB and Trino.
 */
export const accessDeniedBursts: QueryModule<z.infer<typeof scopeSchema>, AccessDeniedBurstRow> = {
  name: 'detection-access-denied-burst',
  params: scopeSchema,
  row,
  build(d, p) {
    const width = trusted(ACCESS_DENIED_BURST.windowSeconds - 1);
    const threshold = trusted(ACCESS_DENIED_BURST.threshold);
    return groupedFindingsSql(d, {
      matched: sql`
  SELECT ${eventColumns(d)},
    ${d.epochSeconds(d.eventTime)} AS s,
    ${col.errorCode} AS error_code,
    ${col.eventName} AS event_name
  FROM ${d.table}
  WHERE ${d.timeRange(p.from, p.to)}
    AND ${col.errorCode} IN (${join(ACCESS_DENIED_CODES.map((c) => sql`${c}`), ', ')})`,
      ctes: sql`windowed AS (
  SELECT matched.*,
    count(*) OVER (PARTITION BY account_id, principal_key ORDER BY s RANGE BETWEEN CURRENT ROW AND ${width} FOLLOWING) AS ahead
  FROM matched
),
marked AS (
  SELECT windowed.*,
    max(CASE WHEN ahead >= ${threshold} THEN s END) OVER (PARTITION BY account_id, principal_key ORDER BY s RANGE BETWEEN ${width} PRECEDING AND CURRENT ROW) AS burst_start
  FROM windowed
),
bursting AS (
  SELECT * FROM marked WHERE burst_start IS NOT NULL
)`,
      from: 'bursting',
      aggregates: [sql`max(ahead) AS peak`, sql`${d.distinctList(sql`error_code`)} AS error_codes`, sql`${d.distinctList(sql`event_name`)} AS event_names`],
    });
  },
};
