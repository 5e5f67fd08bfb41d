import { env } from '@/lib/env';
import { getUser, upsertUser } from '@/lib/state/users';
import { generatePassword, hashPassword, verifyPassword } from './password';
import type { Role } from './roles';

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
  return { created: existing === null, ...(options.password ? {} : { password }) };
}
