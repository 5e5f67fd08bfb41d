import { withAuth } from '@/lib/http/with-auth';
import { coverageForRequest } from '@/lib/coverage/for-request';
import { queryParams } from '@/app/(dashboard)/coverage/search-params';

export const dynamic = 'force-dynamic';

/** `{ cells: [{ accountId, region, day, events, files, gap }], gaps: [{ accountId, region, from, to, reason, … }], queries }`. */
export const GET = withAuth({ query: queryParams }, ({ req, query }) => coverageForRequest(query, req.signal), { role: 'viewer' });
