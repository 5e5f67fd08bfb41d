import { withAuth } from '@/lib/http/with-auth';
import { incidentListForRequest } from '@/lib/incidents/for-request';
import { queryParams } from '@/app/(dashboard)/incidents/search-params';

export const dynamic = 'force-dynamic';

/** `{ incidents }`: findings grouped by the origin identity behind them, overlapping the window. */
export const GET = withAuth({ query: queryParams }, ({ query }) => incidentListForRequest(query), { role: 'viewer' });
