import { withAuth } from '@/lib/http/with-auth';
import { accessIndexForRequest } from '@/lib/reviews/access/for-request';
import { queryParams } from '@/app/(dashboard)/access/search-params';

export const dynamic = 'force-dynamic';

/** `{ principals: [{ arn, kind, calls, failed, services, lastCall, inDetails }] }`: roles and users to review; `?format=csv`. */
export const GET = withAuth({ query: queryParams }, ({ req, query }) => accessIndexForRequest(query, req.signal), { role: 'viewer' });
