import { getUser, upsertUser, type StoredUser } from '@/lib/state/users';
import type { Role } from './roles';
import { forgetSessions } from './session-check';

/** The users-table key of a single-sign-on user: the provider's subject, which never changes. */
export function oidcUserKey(subject: string): string | null {
  return /^[\x21-\x7e]{1,255}$/.test(subject) ? `sso:${subject}` : null;
}

/**
 * Single sign-on users are kept in the users table too, so their sessions are re-checked like
 * everyone's and an administrator can disable them here. They are keyed by the provider's
 * subject, not their display name: two people with one name stay two users, and a disabled user
 * who renames themselves at the provider is still disabled. The identity provider decides the
 * role at each sign-in (a changed group membership ends the user's older sessions).
 */
export async function admitOidcUser(user: { subject: string; displayName: string; role: Role }): Promise<StoredUser | null> {
  const key = oidcUserKey(user.subject);
  const existing = key ? await getUser(key) : null;
  if (!key || existing?.disabled) {
    console.warn(`[auth] single sign-on refused for ${JSON.stringify(user.displayName)} (${JSON.stringify(user.subject)}): ${key ? 'the user is disabled' : 'the subject is not printable text'}`);
    return null;
  }
  const stored = await upsertUser({ name: key, passwordHash: null, role: user.role, source: 'oidc', displayName: user.displayName.slice(0, 200) });
  forgetSessions(key);
  return stored;
}
