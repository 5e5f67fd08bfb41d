import type { BearerCheck } from './api-tokens';
import { SIGN_IN_PATH, safeCallbackUrl, signInUrl } from './callback-url';

/**
 * What the proxy does with a request, as a pure function of what it knows. Pages need a session;
 * API routes take a session or an API token; sign-in and Auth.js's own endpoints are open.
 */
export type AccessDecision =
  | { action: 'allow' }
  | { action: 'redirect'; location: string }
  | { action: 'unauthorized' };

export interface AccessRequest {
  method: string;
  pathname: string;
  /** The query string including its "?", or "". */
  search: string;
  signedIn: boolean;
  /** The request's API token, if any; only consulted for /api routes. */
  bearer: BearerCheck;
  /** `callbackUrl` of the request, used when a signed-in user opens the sign-in page. */
  callbackUrl: string | null;
}

/**
 * The files of public/ (the app's icons), open to everyone so the sign-in page shows them. Named one
 * by one, not by folder or extension, so no page or route can be reached through this door.
 */
export const PUBLIC_FILES = ['/favicon.ico', '/icon.svg', '/apple-touch-icon.png'] as const;

export function decideAccess(request: AccessRequest): AccessDecision {
  const { pathname } = request;

  if ((request.method === 'GET' || request.method === 'HEAD') && (PUBLIC_FILES as readonly string[]).includes(pathname)) return { action: 'allow' };

  if (isUnder(pathname, '/api/auth')) return { action: 'allow' };
  if (isUnder(pathname, '/api')) {
    if (request.bearer !== 'absent') return request.bearer === 'valid' ? { action: 'allow' } : { action: 'unauthorized' };
    return request.signedIn ? { action: 'allow' } : { action: 'unauthorized' };
  }
  if (isUnder(pathname, SIGN_IN_PATH)) {
    // Only a page view is sent on; a form post (server action) from a second tab must reach its action.
    return request.signedIn && request.method === 'GET'
      ? { action: 'redirect', location: safeCallbackUrl(request.callbackUrl) }
      : { action: 'allow' };
  }
  if (request.signedIn) return { action: 'allow' };
  return { action: 'redirect', location: signInUrl(`${pathname}${request.search}`) };
}

function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}
