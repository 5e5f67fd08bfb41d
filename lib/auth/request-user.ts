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

  const session = await auth();
  const name = session?.user?.name;
  if (!name) return null;
  return { name, role: roleSchema.catch('viewer').parse(session.user?.role), via: 'session' };
}
