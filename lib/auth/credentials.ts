// From @auth/core directly (next-auth re-exports this very class) so tests need not load Next.
import { CredentialsSignin } from '@auth/core/errors';
import { z } from '@/lib/zod';
import { recordAudit } from '@/lib/audit/record';
import { clientAddress } from '@/lib/http/client-address';
import { getUser } from '@/lib/state/users';
import type { Role } from './roles';
import { ensureAdminOnce } from './bootstrap';
import { generatePassword, hashPassword, verifyPassword } from './password';
import { signInThrottle } from './sign-in-throttle';

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1024),
});

/** Checked against when the user is unknown, so a wrong name costs as long as a wrong password. */
let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(generatePassword()));

/** Too many failures for this user or address: refused without looking at the password. */
export class SignInThrottled extends CredentialsSignin {
  override code = 'throttled';
  constructor(readonly retryAfterSeconds: number) {
    super(`sign-in throttled for ${retryAfterSeconds} s`);
  }
}

export interface SignInAttempt {
  user: string;
  address: string | null;
  outcome: 'ok' | 'wrong' | 'throttled';
}

export interface VerifiedUser {
  id: string;
  name: string;
  role: Role;
  sessionVersion: number;
}

/**
 * The Credentials provider's check. Returns null for every kind of wrong credentials alike, and
 * throws SignInThrottled while the user or the address must wait. `onAttempt` hears every outcome
 * (the audit log and the server log); it never sees the password.
 */
export async function verifyCredentials(
  input: unknown,
  request?: Request,
  onAttempt: (attempt: SignInAttempt) => void | Promise<void> = logAttempt,
): Promise<VerifiedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { username, password } = parsed.data;
  const address = request ? clientAddress(request.headers) : null;
  const throttle = signInThrottle();

  const wait = throttle.retryAfterMs(username, address);
  if (wait > 0) {
    await onAttempt({ user: username, address, outcome: 'throttled' });
    throw new SignInThrottled(Math.ceil(wait / 1000));
  }

  await ensureAdminOnce();
  const user = await getUser(username);
  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user?.passwordHash || !matches || user.disabled) {
    throttle.failed(username, address);
    await onAttempt({ user: username, address, outcome: 'wrong' });
    return null;
  }
  throttle.succeeded(username, address);
  await onAttempt({ user: username, address, outcome: 'ok' });
  return { id: user.name, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/** Every attempt goes to the audit log; failures to the server log as well. */
async function logAttempt({ user, address, outcome }: SignInAttempt): Promise<void> {
  if (outcome !== 'ok') {
    // JSON-quoted so a user name with a newline cannot forge a log line.
    console.warn(`[auth] sign-in ${outcome === 'throttled' ? 'throttled' : 'failed'}: user=${JSON.stringify(user)} address=${address ?? 'unknown'}`);
  }
  await recordAudit({
    action: outcome === 'ok' ? 'sign-in' : 'sign-in-failed',
    actor: user,
    via: 'password',
    address,
    outcome: outcome === 'ok' ? 'ok' : 'refused',
    ...(outcome === 'throttled' ? { detail: { reason: 'throttled' } } : {}),
  });
}
