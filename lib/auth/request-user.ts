import type { Session } from 'next-auth';
import { auth } from '@/auth';
import { env } from '@/lib/env';
import { checkBearer } from './api-tokens';
import { roleSchema, type AuthUser } from './roles';

/** The principal behind an API token: tokens are for scripts that read, not for administration. */
const TOKEN_USER: AuthUser = { name: 'api-token', role: 'viewer', via: 'token' };

/** Who is calling: an API token from TRAILSCOPE_API_TOKENS, else the session cookie. */
export async function requestUser(request: Request): Promise<AuthUser | null> {
  const bearer = checkBearer(request.headers, env().TRAILSCOPE_API_TOKENS);
  if (bearer !== 'absent') return bearer === 'valid' ? TOKEN_USER : null;

  return sessionUser(await auth());
}

/** The AuthUser a session speaks for: keyed by the users-table key, shown by its display name. */
export function sessionUser(session: Session | null): AuthUser | null {
  const user = session?.user;
  const name = user?.id ?? user?.name;
  if (!user || !name) return null;
  const displayName = user.name ?? undefined;
  return { name, ...(displayName && displayName !== name ? { displayName } : {}), role: roleSchema.catch('viewer').parse(user.role), via: 'session' };
}
