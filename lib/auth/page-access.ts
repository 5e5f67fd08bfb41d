import { forbidden, redirect } from 'next/navigation';
import { auth } from '@/auth';
import { SIGN_IN_PATH } from './callback-url';
import { sessionUser } from './request-user';
import { hasRole, type AuthUser, type Role } from './roles';

/**
 * The page-side gate, independent of the proxy: a matcher change or a proxy bug must not open a
 * page. Layouts call it (the dashboard layout for `viewer`, the admin layout for `admin`), and so
 * does anything that renders data for a role. `auth()` re-checks the session against the user's
 * current role and session version (auth.ts), so a demoted, disabled or signed-out user is caught
 * here too.
 */
export async function requirePageUser(role: Role = 'viewer'): Promise<AuthUser> {
  const user = sessionUser(await auth());
  if (!user) redirect(SIGN_IN_PATH);
  if (!hasRole(user, role)) forbidden();
  return user;
}
