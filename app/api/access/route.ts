import { withAuth } from '@/lib/http/with-auth';
import { accessIndexForRequest } from '@/lib/reviews/access/for-request';
import { accessIndexParams } from '@/lib/reviews/params';

export const dynamic = 'force-dynamic';

/** `{ principals: [{ arn, kind, calls, failed, services, lastCall, inDetails }] }`: roles and users to review; `?format=csv`. */
export const GET = withAuth({ query: accessIndexParams }, ({ req, query }) => accessIndexForRequest(query, req.signal), { role: 'viewer' });
