import { getUser, isSessionRevoked } from '@/lib/state/users';
import type { Role } from './roles';

/**
 * Whether a session cookie still speaks for someone, asked on every request by both gates (the
 * proxy and auth() in pages and routes). The cookie says who signed in, under which session
 * version and with which session id; the app state says who they are now. A deleted or disabled
 * user, a version bumped by a role or password change, or a session ended by sign-out all fail.
 *
 * Answers are cached for a few seconds so a page with a dozen requests costs one lookup; changes
 * made in this process clear the cache at once, changes made by a CLI apply within the TTL.
 */

export interface SessionClaims {
  name: string;
  sessionVersion: number;
  sessionId: string;
}

export interface CurrentSession {
  name: string;
  role: Role;
}

const TTL_MS = 5_000;

interface Cached {
  at: number;
  value: CurrentSession | null;
}

const store = globalThis as typeof globalThis & { __trailscopeSessionCache?: Map<string, Cached> };
const cache = (store.__trailscopeSessionCache ??= new Map());

export async function currentSession(claims: SessionClaims, now: number = Date.now()): Promise<CurrentSession | null> {
  const key = `${claims.name}\u0000${claims.sessionVersion}\u0000${claims.sessionId}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value;

  const [user, revoked] = await Promise.all([getUser(claims.name), isSessionRevoked(claims.sessionId)]);
  const value = user && !user.disabled && !revoked && user.sessionVersion === claims.sessionVersion ? { name: user.name, role: user.role } : null;
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { at: now, value });
  return value;
}

/** After a change in this process (role, password, sign-out): the next request asks again. */
export function forgetSessions(name: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${name}\u0000`)) cache.delete(key);
}
