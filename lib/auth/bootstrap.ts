import { env } from '@/lib/env';
import { deleteUser, getUser, upsertUser, type StoredUser } from '@/lib/state/users';
import { generatePassword, hashPassword, verifyPassword } from './password';
import type { Role } from './roles';
import { forgetSessions } from './session-check';

export { ensureAuthSecret } from './auth-secret';

export const ADMIN_USER = 'admin';

export interface EnsureAdminResult {
  /** True when the admin user did not exist before this call. */
  created: boolean;
  /** Only when a password was generated: show it to the operator once; only its hash is stored. */
  password?: string;
}

/**
 * Makes sure the `admin` user can sign in. A password given here or in TRAILSCOPE_ADMIN_PASSWORD
 * wins and is re-hashed when it changed; otherwise a first run gets a generated password.
 */
export async function ensureAdmin(options: { password?: string } = {}): Promise<EnsureAdminResult> {
  const wanted = options.password ?? env().TRAILSCOPE_ADMIN_PASSWORD;
  const existing = await getUser(ADMIN_USER);

  if (wanted !== undefined) {
    const unchanged = existing?.passwordHash != null && (await verifyPassword(wanted, existing.passwordHash));
    if (!unchanged) await upsertUser({ name: ADMIN_USER, passwordHash: await hashPassword(wanted), role: 'admin' });
    return { created: existing === null };
  }
  if (existing) return { created: false };

  const password = generatePassword();
  await upsertUser({ name: ADMIN_USER, passwordHash: await hashPassword(password), role: 'admin' });
  return { created: true, password };
}

const once = globalThis as typeof globalThis & { __trailscopeAdminReady?: Promise<void> };

/**
 * The server calls this before the first password check, so a changed TRAILSCOPE_ADMIN_PASSWORD
 * takes effect on restart without running a separate command.
 */
export function ensureAdminOnce(): Promise<void> {
  once.__trailscopeAdminReady ??= ensureAdmin().then(
    ({ password }) => {
      if (password) {
        console.warn(
          `[trailscope] Created user "${ADMIN_USER}" with password: ${password}\n` +
            '[trailscope] It is shown only this once. Set TRAILSCOPE_ADMIN_PASSWORD to choose your own.',
        );
      }
    },
    (error: unknown) => {
      once.__trailscopeAdminReady = undefined;
      throw error;
    },
  );
  return once.__trailscopeAdminReady;
}

export const USER_NAME = /^[a-z][a-z0-9._-]{1,63}$/;

/**
 * Adds a user, or resets an existing user's password and role: for a second analyst on a
 * self-hosted install without single sign-on. Returns the password when one was generated.
 */
export async function addUser(options: { name: string; role: Role; password?: string }): Promise<{ created: boolean; password?: string }> {
  if (!USER_NAME.test(options.name)) throw new Error('user names are 2–64 of a-z, 0-9, . _ -, starting with a letter');
  const existing = await getUser(options.name);
  const password = options.password ?? generatePassword();
  await upsertUser({ name: options.name, passwordHash: await hashPassword(password), role: options.role });
  forgetSessions(options.name);
  return { created: existing === null, ...(options.password ? {} : { password }) };
}

export interface UserChange {
  role?: Role;
  /** A new password; `true` generates one (returned once). */
  password?: string | true;
  disabled?: boolean;
}

/**
 * Changes an existing user. Any change of role, password or the disabled flag ends every session
 * the user has open: the next request finds the session version moved on.
 */
export async function setUser(name: string, change: UserChange): Promise<{ user: StoredUser; password?: string }> {
  const existing = await getUser(name);
  if (!existing) throw new Error(`there is no user "${name}"`);
  const generated = change.password === true ? generatePassword() : undefined;
  const password = generated ?? (typeof change.password === 'string' ? change.password : undefined);
  if (password !== undefined && existing.source === 'oidc') throw new Error(`"${name}" signs in through single sign-on and has no password here`);
  const user = await upsertUser({
    name,
    passwordHash: password !== undefined ? await hashPassword(password) : existing.passwordHash,
    role: change.role ?? existing.role,
    source: existing.source,
    disabled: change.disabled ?? existing.disabled,
    displayName: existing.displayName,
  });
  forgetSessions(name);
  return { user, ...(generated ? { password: generated } : {}) };
}

/** Deletes the user; their open sessions end with it. */
export async function removeUser(name: string): Promise<boolean> {
  const removed = await deleteUser(name);
  forgetSessions(name);
  return removed;
}
