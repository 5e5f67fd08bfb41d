import { z } from 'zod';
import { removeUser, setUser } from '@/lib/auth/bootstrap';
import { userChangeBody, userNameParam } from '@/lib/auth/user-params';
import { notFound } from '@/lib/http/errors';
import { jsonBody } from '@/lib/http/json-body';
import { withAuth } from '@/lib/http/with-auth';
import { getUser } from '@/lib/state/users';
import { auditEntity } from '@/lib/audit/entity';

export const dynamic = 'force-dynamic';

const path = { params: z.object({ name: userNameParam }) };

/**
 * Changes a user while the server runs: role, disabled, or a generated password (answered once).
 * Every change ends the user's open sessions on their next request.
 */
export const PATCH = withAuth(path, async ({ req, params }) => {
  if (!(await getUser(params.name))) return notFound(`there is no user "${params.name}"`);
  const change = await jsonBody(req, userChangeBody, 'body');
  const { user, password } = await setUser(params.name, { role: change.role, disabled: change.disabled, password: change.resetPassword });
  return { name: user.name, role: user.role, disabled: user.disabled, ...(password ? { password } : {}) };
}, { role: 'admin', audit: { action: 'user-change', entity: ({ params }) => auditEntity('app-user', params.name) } });

/** Deletes the user; their sessions end with it. */
export const DELETE = withAuth(path, async ({ params }) => {
  if (!(await removeUser(params.name))) return notFound(`there is no user "${params.name}"`);
  return { deleted: params.name };
}, { role: 'admin', audit: { action: 'user-change', entity: ({ params }) => auditEntity('app-user', params.name), detail: () => ({ deleted: true }) } });
