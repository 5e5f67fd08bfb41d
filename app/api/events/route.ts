import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { activeEventFilters, queryParams } from '@/app/(dashboard)/events/search-params';
import { eventsForRequest } from '@/lib/events/for-request';

export const dynamic = 'force-dynamic';

export const GET = withAuth({ query: queryParams }, ({ req, query }) => eventsForRequest(query, req.signal), {
  role: 'viewer',
  audit: { action: 'view', entity: () => auditEntity('events'), detail: ({ query }) => activeEventFilters(query) },
});
