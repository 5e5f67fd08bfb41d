import { withAuth } from '@/lib/http/with-auth';
import { getConnection } from '@/lib/engine';
import { eventSearchParams } from '@/lib/params/events';
import { resolveScope } from '@/lib/params/scope';
import { getDataRange } from '@/lib/services/data-range';
import { searchEvents } from '@/lib/services/events';

export const dynamic = 'force-dynamic';

export const GET = withAuth({ query: eventSearchParams }, async ({ req, query }) => {
  const conn = await getConnection();
  const latest = query.from && query.to ? null : ((await getDataRange(conn, req.signal)).rows[0]?.last ?? null);
  const scope = resolveScope(query, latest);
  const page = await searchEvents(conn, query, scope, req.signal);
  return { events: page.events, nextCursor: page.nextCursor, scope, sql: page.panel.sql, params: page.panel.params, stats: page.panel.stats };
});
