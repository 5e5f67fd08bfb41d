import { getUser, upsertUser, type StoredUser } from '@/lib/state/users';
import type { Role } from './roles';
import { forgetSessions } from './session-check';

/**
 * Single sign-on users are kept in the users table too, so their sessions are re-checked like
 * everyone's and an administrator can disable them here. The identity provider decides the role
 * at each sign-in (a changed group membership ends the user's older sessions); a name that
 * belongs to a local password user is refused, so an IdP account called "admin" cannot become
 * the local admin.
 */
export async function admitOidcUser(user: { name: string; role: Role }): Promise<StoredUser | null> {
  const existing = await getUser(user.name);
  if (existing && (existing.source !== 'oidc' || existing.disabled)) {
    console.warn(
      `[auth] single sign-on refused for ${JSON.stringify(user.name)}: ${existing.disabled ? 'the user is disabled' : 'the name belongs to a local password user'}`,
    );
    return null;
  }
  const stored = await upsertUser({ name: user.name, passwordHash: null, role: user.role, source: 'oidc' });
  forgetSessions(user.name);
  return stored;
}
