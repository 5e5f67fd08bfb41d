import { z } from 'zod';
import { LastAdminError, removeUser, setUser } from '@/lib/auth/bootstrap';
import { userChangeBody, userNameParam } from '@/lib/auth/user-params';
import { jsonError, notFound } from '@/lib/http/errors';
import { BODY_LIMITS } from '@/lib/http/body-limits';
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
  const change = await jsonBody(req, userChangeBody, 'body', { maxBytes: BODY_LIMITS.userChange, what: 'the body' });
  const changed = await keepingAnAdmin(() => setUser(params.name, { role: change.role, disabled: change.disabled, password: change.resetPassword }));
  if (changed instanceof Response) return changed;
  const { user, password } = changed;
  return { name: user.name, role: user.role, disabled: user.disabled, ...(password ? { password } : {}) };
}, { role: 'admin', audit: { action: 'user-change', entity: ({ params }) => auditEntity('app-user', params.name) } });

/** Deletes the user; their sessions end with it. */
export const DELETE = withAuth(path, async ({ params }) => {
  const removed = await keepingAnAdmin(() => removeUser(params.name));
  if (removed instanceof Response) return removed;
  if (!removed) return notFound(`there is no user "${params.name}"`);
  return { deleted: params.name };
}, { role: 'admin', audit: { action: 'user-change', entity: ({ params }) => auditEntity('app-user', params.name), detail: () => ({ deleted: true }) } });

/** A change that would leave no active admin is the caller's mistake: 409 with the reason. */
async function keepingAnAdmin<T>(change: () => Promise<T>): Promise<T | Response> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof LastAdminError) return jsonError(409, { error: 'conflict', message: error.message });
    throw error;
  }
}
