import { href } from '@/lib/params/href';

/** /admin/users (no query parameters) and /api/admin/users/{name}, where the users table sends its changes. */
export const path = '/admin/users';

/** PATCH and DELETE /api/admin/users/{name}: one user's role, state, password or existence. */
export function userApiHref(name: string): string {
  return href(`/api/admin/users/${encodeURIComponent(name)}`, {});
}
