import { z } from '@/lib/zod';
import type { QueryModule } from '@/lib/engine/panel';
import { sql } from '@/lib/sql/sql';
import { col } from '@/lib/cloudtrail/columns';

/**
 * The services whose data events (S3 object reads, Lambda invokes...) are in the store for the
 * scope. A trail logs those only when configured to, so "never used" of a data-plane permission
 * means something only for a service listed here.
 */
const params = z.object({ from: z.string(), to: z.string() });
const row = z.object({ event_source: z.string(), events: z.number() }).transform((r) => ({ eventSource: r.event_source, events: r.events }));
export type DataEventSourceRow = z.output<typeof row>;

export const dataEventSources: QueryModule<z.infer<typeof params>, DataEventSourceRow> = {
  name: 'access-data-event-sources',
  params,
  row: row,
  build: (d, p) => sql`
SELECT ${col.eventSource} AS event_source, count(*) AS events
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${d.optionalColumn('eventcategory')} = 'Data'
  AND ${col.eventSource} IS NOT NULL
GROUP BY 1
ORDER BY 1
LIMIT 500`,
};
