/**
 * Where to send someone after sign-in. Only same-origin paths are accepted: a shared link must not
 * be able to bounce a freshly signed-in user to another site (open redirect).
 */
export const SIGN_IN_PATH = '/sign-in';

export function safeCallbackUrl(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) return '/';
  // "//host" and "/\host" are protocol-relative to browsers; anything not starting with "/" is absolute or junk.
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (/\p{Cc}/u.test(raw)) return '/';
  // Never come back to the sign-in page itself.
  if (raw === SIGN_IN_PATH || raw.startsWith(`${SIGN_IN_PATH}?`) || raw.startsWith(`${SIGN_IN_PATH}/`)) return '/';
  return raw;
}

export function signInUrl(callbackUrl: string): string {
  const target = safeCallbackUrl(callbackUrl);
  return target === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?${new URLSearchParams({ callbackUrl: target })}`;
}
