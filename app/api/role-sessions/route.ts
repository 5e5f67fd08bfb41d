import { withAuth } from '@/lib/http/with-auth';
import { queryParams } from '@/app/(dashboard)/role-sessions/search-params';
import { roleSessionListForRequest } from '@/lib/role-sessions/for-request';

export const dynamic = 'force-dynamic';

export const GET = withAuth({ query: queryParams }, ({ req, query }) => roleSessionListForRequest(query, req.signal), { role: 'viewer' });
