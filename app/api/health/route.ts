import { withAuth } from '@/lib/http/with-auth';
import { healthForRequest } from '@/lib/data-range/for-request';

export const dynamic = 'force-dynamic';

export const GET = withAuth({}, ({ req }) => healthForRequest(req.signal), { role: 'viewer' });
