import { withAuth } from '@/lib/http/with-auth';
import { listUsers } from '@/lib/state/users';

export const dynamic = 'force-dynamic';

/** `{ users: [{ name, role, disabled, source, hasPassword, updatedAt }] }`: never a hash. */
export const GET = withAuth({}, async () => ({ users: await listUsers() }), { role: 'admin' });
