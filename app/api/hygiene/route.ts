import { withAuth } from '@/lib/http/with-auth';
import { hygieneForRequest } from '@/lib/reviews/hygiene/for-request';
import { queryParams } from '@/app/(dashboard)/hygiene/search-params';

export const dynamic = 'force-dynamic';

/**
 * Per role `{ roleArn, sessions, assumers, sharedSessionNames, genericSessionNames,
 * sourceIdentityShare, recommendation, … }`, filtered and sorted as the page is; `?format=csv`.
 */
export const GET = withAuth({ query: queryParams }, ({ req, query }) => hygieneForRequest(query, req.signal), { role: 'viewer' });
