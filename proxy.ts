import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { authConfig } from '@/auth.config';
import { decideAccess, type AccessDecision } from '@/lib/auth/access';
import { checkBearer } from '@/lib/auth/api-tokens';
import { ensureAuthSecret } from '@/lib/auth/auth-secret';
import { unauthorized } from '@/lib/http/errors';
import { env } from '@/lib/env';

/**
 * The gate in front of every page and API route (Next 16 runs proxy.ts on Node.js). It only
 * decodes the session cookie, so it never touches the state database; route handlers check again
 * through withAuth, since a matcher change could silently drop a route from this gate.
 *
 * The gate is Auth.js's `authorized` callback and the proxy is `auth` itself: with a lazily built
 * config, `auth(handler)` returns a Promise rather than a function, so the wrapper form cannot be
 * a proxy export.
 */
const { auth } = NextAuth(() => ({
  ...authConfig,
  secret: ensureAuthSecret(),
  callbacks: {
    ...authConfig.callbacks,
    authorized: ({ auth: session, request }) =>
      respond(
        decideAccess({
          method: request.method,
          pathname: request.nextUrl.pathname,
          search: request.nextUrl.search,
          signedIn: Boolean(session?.user),
          bearer: checkBearer(request.headers, env().TRAILSCOPE_API_TOKENS),
          callbackUrl: request.nextUrl.searchParams.get('callbackUrl'),
        }),
        request,
      ),
  },
}));

function respond(decision: AccessDecision, request: NextRequest): true | Response {
  switch (decision.action) {
    case 'allow':
      return true;
    case 'unauthorized':
      return unauthorized();
    case 'redirect':
      return NextResponse.redirect(new URL(decision.location, request.nextUrl));
  }
}

export default auth;

export const config = {
  // Everything except build output, image optimisation and public images and fonts.
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|.*\\.(?:png|jpg|jpeg|gif|webp|svg|ico|woff2?)$).*)'],
};
