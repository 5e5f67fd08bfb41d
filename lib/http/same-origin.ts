/**
 * Cross-site request forgery defence for cookie-authenticated writes. Browsers attach the session
 * cookie to a form post or fetch from any page (another port of the same host is "same-site", so
 * SameSite=Lax does not help), but they always say where the request came from: `Origin` on every
 * POST/PUT/PATCH/DELETE, and `Sec-Fetch-Site` in every current browser. A write is accepted only
 * when those name this app. A request with neither header does not come from a browser and so
 * cannot be forged by a page.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function changesState(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export interface OriginCheck {
  /** The request's headers. */
  headers: Headers;
  /** Origins this app answers on, e.g. `http://127.0.0.1:3000` and the `AUTH_URL` one. */
  appOrigins: readonly string[];
}

export function isSameOriginRequest({ headers, appOrigins }: OriginCheck): boolean {
  const origin = headers.get('origin');
  if (origin !== null) return appOrigins.includes(normaliseOrigin(origin) ?? '\u0000');
  const site = headers.get('sec-fetch-site');
  // `none` is a user typing the URL or using a bookmark: not a page's doing.
  return site === null || site === 'same-origin' || site === 'none';
}

/**
 * The origins the request itself names as this app: the Host it was sent to (and, behind a
 * trusted reverse proxy, X-Forwarded-Host and -Proto), plus a configured public URL.
 */
export function appOriginsOf(headers: Headers, options: { requestUrl: string; publicUrl?: string; trustForwarded: boolean }): string[] {
  const origins = new Set<string>();
  const own = normaliseOrigin(options.requestUrl);
  const protocol = own ? new URL(own).protocol : 'http:';
  const host = headers.get('host');
  if (host) add(origins, `${protocol}//${host}`);
  if (own) origins.add(own);
  if (options.trustForwarded) {
    const forwardedHost = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
    const forwardedProto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
    if (forwardedHost) add(origins, `${forwardedProto === 'https' ? 'https:' : protocol}//${forwardedHost}`);
  }
  if (options.publicUrl) add(origins, options.publicUrl);
  return [...origins];
}

function add(origins: Set<string>, candidate: string): void {
  const origin = normaliseOrigin(candidate);
  if (origin) origins.add(origin);
}

/** `scheme://host[:port]` with default ports dropped, or null for `null` and anything unparsable. */
function normaliseOrigin(value: string): string | null {
  if (value === 'null') return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}
