import { withAuth } from '@/lib/http/with-auth';
import { findingListForRequest } from '@/lib/findings/for-request';
import { queryParams } from '@/app/(dashboard)/findings/search-params';

export const dynamic = 'force-dynamic';

/**
 * `{ findings }`: imported and detected findings whose seen range overlaps the window, filtered and
 * sorted; each actor with its session and origin identity resolved (the first 50).
 */
export const GET = withAuth({ query: queryParams }, ({ req, query }) => findingListForRequest(query, req.signal), { role: 'viewer' });
