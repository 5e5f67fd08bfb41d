import { createHash, timingSafeEqual } from 'node:crypto';

export type BearerCheck = 'absent' | 'valid' | 'invalid';

/** The token from `Authorization: Bearer <token>`, or null. */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  return match?.[1] ?? null;
}

/**
 * Whether the request presents an API token and whether it is one of `allowed`. A presented but
 * wrong token is 'invalid', never 'absent': callers then refuse it even when a session cookie
 * rides along, so a misconfigured script fails loudly instead of borrowing a browser's login.
 */
export function checkBearer(headers: Headers, allowed: readonly string[]): BearerCheck {
  const token = bearerToken(headers);
  if (token === null) return 'absent';
  return isAllowedApiToken(token, allowed) ? 'valid' : 'invalid';
}

/**
 * Constant-time membership test. Hashing first gives equal-length buffers (timingSafeEqual needs
 * them) without leaking the configured tokens' lengths, and every token is compared, so the time
 * taken does not say which one, if any, matched.
 */
export function isAllowedApiToken(token: string, allowed: readonly string[]): boolean {
  const presented = digest(token);
  let ok = false;
  for (const candidate of allowed) {
    if (timingSafeEqual(presented, digest(candidate))) ok = true;
  }
  return ok;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
