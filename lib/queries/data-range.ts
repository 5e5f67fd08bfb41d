import { z } from 'zod';
import { sql } from '@/lib/sql/sql';
import type { QueryModule } from './panel';

/**
 * How much data there is. On DuckDB the whole store is cheap (parquet footers answer it); on
 * Athena that would scan every byte, so callers pass a bounded window there.
 */
export const dataRange: QueryModule<{ window?: { from: string; to: string } }, DataRangeRow> = {
  name: 'data-range',
  params: z.object({ window: z.object({ from: z.string(), to: z.string() }).optional() }),
  row: z.object({
    events: z.number(),
    first: z.string().nullable(),
    last: z.string().nullable(),
  }),
  build: (d, p) => sql`
SELECT count(*) AS events,
       ${d.isoString(sql`min(${d.eventTime})`)} AS first,
       ${d.isoString(sql`max(${d.eventTime})`)} AS last
FROM ${d.table}
${p.window ? sql`WHERE ${d.timeRange(p.window.from, p.window.to)}` : sql``}`,
};
export interface DataRangeRow {
  events: number;
  first: string | null;
  last: string | null;
}
