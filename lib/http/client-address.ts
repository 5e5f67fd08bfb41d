import { isIP } from 'node:net';

/**
 * The address a request came from, as far as this server can tell. `next start` puts the socket's
 * peer into X-Forwarded-For only when the header is absent, and a reverse proxy (nginx's
 * `$proxy_add_x_forwarded_for`, an ALB) appends the peer it saw, so the last entry is the one
 * written by the nearest hop we trust. Served directly, a client can write the header itself: the
 * address is then a claim, which is why sign-in throttling also counts per user name.
 */
export function clientAddress(headers: Headers): string | null {
  const entries = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const last = entries.at(-1);
  if (!last) return null;
  const bare = last.replace(/^\[(.*)\]$/, '$1').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
  return isIP(bare) ? bare : null;
}
