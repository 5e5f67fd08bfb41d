import type { JWT } from 'next-auth/jwt';
import { revokeSession } from '@/lib/state/users';
import { forgetSessions } from './session-check';

/**
 * Sign-out ends this session for good, not just in this browser: a copied cookie stops working
 * too. The session id is listed until the token's own expiry, after which it is dead anyway.
 */
export async function endSession(token: JWT): Promise<void> {
  if (!token.sid || !token.user) return;
  const expiresAt = typeof token.exp === 'number' ? new Date(token.exp * 1000) : new Date(Date.now() + 12 * 60 * 60 * 1000);
  await revokeSession(token.sid, token.user, expiresAt);
  forgetSessions(token.user);
}
