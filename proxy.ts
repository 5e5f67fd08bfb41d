import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authConfig } from '@/auth.config';
import { decideAccess } from '@/lib/auth/access';
import { checkBearer } from '@/lib/auth/api-tokens';
import { ensureAuthSecret } from '@/lib/auth/auth-secret';
import { invalidParameter, unauthorized } from '@/lib/http/errors';
import { REQUEST_ID_HEADER } from '@/lib/http/request-id';
import { malformedPathPage, malformedPathSegment } from '@/lib/http/malformed-path';
import { contentSecurityPolicy, newNonce, securityHeaders } from '@/lib/http/security-headers';
import { env } from '@/lib/env';

/**
 * The gate in front of every page and API route (Next 16 runs proxy.ts on Node.js), and where every
 * response gets its security headers. The session cookie is verified and re-checked against the
 * user's current role and session version (auth.config.ts); route handlers and the dashboard
 * layout check again on their own, so a matcher change cannot silently open a route.
 *
 * With a lazily built config, `auth(handler)` returns a Promise of the wrapped handler.
 */
const { auth } = NextAuth(() => ({ ...authConfig, secret: ensureAuthSecret() }));

type ProxyHandler = (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

// Auth.js types the wrapper for route handlers; as proxy it is called with (request, event) and
// always answers a Response (ours, or its own for a broken cookie).
const gated = auth((request) => {
  const decision = decideAccess({
    method: request.method,
    pathname: request.nextUrl.pathname,
    search: request.nextUrl.search,
    signedIn: Boolean(request.auth?.user),
    bearer: checkBearer(request.headers, env().TRAILSCOPE_API_TOKENS),
    callbackUrl: request.nextUrl.searchParams.get('callbackUrl'),
  });
  switch (decision.action) {
    case 'unauthorized':
      return unauthorized();
    case 'redirect':
      return NextResponse.redirect(new URL(decision.location, request.nextUrl));
    case 'allow':
      return NextResponse.next({ request: { headers: withPolicy(request) } });
  }
}) as unknown as Promise<ProxyHandler>;

const CSP_REQUEST_HEADER = 'content-security-policy';

/** Next takes the nonce for its inline scripts from the request's policy header; the request id keys per-request notes (lib/http/invalid-link.ts). */
function withPolicy(request: NextRequest): Headers {
  const headers = new Headers(request.headers);
  headers.set(CSP_REQUEST_HEADER, policyFor(request));
  // Ours alone: whatever a client sent under this name is replaced.
  headers.set(REQUEST_ID_HEADER, crypto.randomUUID());
  return headers;
}

const policies = new WeakMap<NextRequest, string>();

function policyFor(request: NextRequest): string {
  let policy = policies.get(request);
  if (!policy) {
    const issuer = env().TRAILSCOPE_OIDC_ISSUER;
    policy = contentSecurityPolicy({
      nonce: newNonce(),
      development: process.env.NODE_ENV === 'development',
      formTargets: issuer ? [new URL(issuer).origin] : [],
    });
    policies.set(request, policy);
  }
  return policy;
}

export default async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const response = malformedPathAnswer(request) ?? (await (await gated)(request, event));
  response.headers.set('content-security-policy', policyFor(request));
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

/** A broken percent-encoding in the path: 400 naming it, for pages and API routes alike. */
function malformedPathAnswer(request: NextRequest): Response | null {
  const segment = malformedPathSegment(request.nextUrl.pathname);
  if (segment === null) return null;
  if (request.nextUrl.pathname.startsWith('/api/')) return invalidParameter('path', `segment ${JSON.stringify(segment.slice(0, 200))} is not valid percent-encoding`);
  return new Response(malformedPathPage(segment), { status: 400, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

export const config = {
  // Everything but Next's own build output and image optimisation: a page whose last segment
  // merely ends in ".png" (an IP, an ARN) is still a page and must pass the gate.
  matcher: ['/((?!_next/static/|_next/image).*)'],
};
