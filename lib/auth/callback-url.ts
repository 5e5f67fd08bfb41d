/**
 * Where to send someone after sign-in. Only same-origin paths are accepted: a shared link must not
 * be able to bounce a freshly signed-in user to another site (open redirect).
 */
export const SIGN_IN_PATH = '/sign-in';

/** A stand-in origin: what matters is whether resolving the value against it leaves it. */
const PLACEHOLDER = 'http://trailscope.invalid';

/**
 * The value as the browser will finally read it, or "/". The check runs on the fully resolved URL,
 * not the text: `/.//evil.example`, `/..//evil.example`, `/%2e//evil.example` and
 * `/./\evil.example` all look like paths but normalise to `//evil.example`, which a browser reads
 * as another host. So the resolved URL must stay on this origin and its path must not start with
 * two slashes, and what is returned is the normalised form, never the raw text.
 */
export function safeCallbackUrl(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return '/';
  if (!raw.startsWith('/') || /\p{Cc}/u.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER);
  } catch {
    return '/';
  }
  if (url.origin !== PLACEHOLDER || url.username || url.password) return '/';
  if (url.pathname.startsWith('//') || url.pathname.includes('\\')) return '/';
  // Never come back to the sign-in page itself.
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith(`${SIGN_IN_PATH}/`)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

export function signInUrl(callbackUrl: string): string {
  const target = safeCallbackUrl(callbackUrl);
  return target === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?${new URLSearchParams({ callbackUrl: target })}`;
}
