import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { getConnection } from '@/lib/engine';
import { activeEventFilters, eventSearchParams } from '@/lib/events/params';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import { searchEvents } from '@/lib/events/search-events';

export const dynamic = 'force-dynamic';

export const GET = withAuth({ query: eventSearchParams }, async ({ req, query }) => {
  const conn = await getConnection();
  const { scope } = await scopeForRequest(conn, query, req.signal);
  const page = await searchEvents(conn, query, scope, req.signal);
  return { events: page.events, nextCursor: page.nextCursor, scope, ...page.panel };
}, { role: 'viewer', audit: { action: 'view', entity: () => auditEntity('events'), detail: ({ query }) => activeEventFilters(query) } });
