/**
 * The headers every response carries, and the Content-Security-Policy pages render under.
 *
 * Scripts: only this origin's files and inline scripts carrying the request's nonce (Next reads the
 * nonce from the request's CSP header and stamps it on its own inline scripts); 'strict-dynamic'
 * lets those load the chunks they import. No 'unsafe-eval' outside `next dev`, whose React
 * tooling needs it. Styles allow inline: React Flow, Recharts and the map position elements with
 * style attributes, which nonces cannot cover, and a style cannot run code.
 */

export interface CspOptions {
  nonce: string;
  /** `next dev` only. */
  development: boolean;
  /** Where a sign-in form may send the browser on (the OIDC issuer), besides this origin. */
  formTargets: readonly string[];
}

export function contentSecurityPolicy({ nonce, development, formTargets }: CspOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(development ? ['ws:'] : [])],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'", ...formTargets],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Headers for every response, page or API; HSTS only when the request reached us over HTTPS. */
export function securityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'cross-origin-opener-policy': 'same-origin',
    ...(options.https ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/** 128 random bits, base64: a fresh one per page request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
