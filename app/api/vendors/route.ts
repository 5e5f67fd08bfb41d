import { withAuth } from '@/lib/http/with-auth';
import { queryParams } from '@/app/(dashboard)/vendors/search-params';
import { vendorInventoryForRequest } from '@/lib/reviews/vendors/for-request';

export const dynamic = 'force-dynamic';

/** `{ roles: [{ roleArn, externalAccounts, vendorName, firstAssumed, lastAssumed, sessions, calls, … }] }`, or `?format=csv`. */
export const GET = withAuth({ query: queryParams }, ({ req, query }) => vendorInventoryForRequest(query, req.signal), { role: 'viewer' });
