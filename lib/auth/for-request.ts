import type { NextRequest } from 'next/server';
import { BODY_LIMITS } from '@/lib/http/body-limits';
import { jsonError, notFound } from '@/lib/http/errors';
import { jsonBody } from '@/lib/http/json-body';
import { getUser } from '@/lib/state/users';
import { LastAdminError, removeUser, setUser } from './bootstrap';
import { userChangeBody } from './user-params';

/**
 * PATCH /api/admin/users/[name]: role, disabled, or a generated password (answered once). Every
 * change ends the user's open sessions on their next request.
 */
export async function changeUserForRequest(name: string, req: NextRequest) {
  if (!(await getUser(name))) return notFound(`there is no user "${name}"`);
  const change = await jsonBody(req, userChangeBody, 'body', { maxBytes: BODY_LIMITS.userChange, what: 'the body' });
  const changed = await keepingAnAdmin(() => setUser(name, { role: change.role, disabled: change.disabled, password: change.resetPassword }));
  if (changed instanceof Response) return changed;
  const { user, password } = changed;
  return { name: user.name, role: user.role, disabled: user.disabled, ...(password ? { password } : {}) };
}

/** DELETE /api/admin/users/[name]: the user and, with it, their sessions. */
export async function deleteUserForRequest(name: string) {
  const removed = await keepingAnAdmin(() => removeUser(name));
  if (removed instanceof Response) return removed;
  if (!removed) return notFound(`there is no user "${name}"`);
  return { deleted: name };
}

/** A change that would leave no active admin is the caller's mistake: 409 with the reason. */
async function keepingAnAdmin<T>(change: () => Promise<T>): Promise<T | Response> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof LastAdminError) return jsonError(409, { error: 'conflict', message: error.message });
    throw error;
  }
}
