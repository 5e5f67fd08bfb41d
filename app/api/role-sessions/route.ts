import { withAuth } from '@/lib/http/with-auth';
import { roleSessionListParams } from '@/lib/role-sessions/params';
import { roleSessionListForRequest } from '@/lib/role-sessions/for-request';

export const dynamic = 'force-dynamic';

export const GET = withAuth({ query: roleSessionListParams }, ({ req, query }) => roleSessionListForRequest(query, req.signal), { role: 'viewer' });
