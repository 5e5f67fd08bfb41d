import { z } from '@/lib/zod';
import { changeUserForRequest, deleteUserForRequest } from '@/lib/auth/for-request';
import { userNameParam } from '@/lib/auth/user-params';
import { withAuth } from '@/lib/http/with-auth';
import { auditEntity } from '@/lib/audit/entity';

export const dynamic = 'force-dynamic';

const path = { params: z.object({ name: userNameParam }) };

/** Changes a user while the server runs: role, disabled, or a generated password (answered once). */
export const PATCH = withAuth(path, ({ req, params }) => changeUserForRequest(params.name, req), {
  role: 'admin',
  audit: { action: 'user-change', entity: ({ params }) => auditEntity('app-user', params.name) },
});

/** Deletes the user; their sessions end with it. */
export const DELETE = withAuth(path, ({ params }) => deleteUserForRequest(params.name), {
  role: 'admin',
  audit: { action: 'user-change', entity: ({ params }) => auditEntity('app-user', params.name), detail: () => ({ deleted: true }) },
});
