import { isIP } from 'node:net';

/**
 * The address a request came from, as the audit log records it: the rightmost entry of
 * `X-Forwarded-For`, normalised (port, brackets and the `::ffff:` IPv4-mapped prefix dropped), or
 * null when there is none or it is not an IP address.
 *
 * Trust assumptions (checked against next 16.4.5, `server/base-server.js`):
 * - `next start` sets `X-Forwarded-For` to the socket's peer address only when the request has no
 *   such header (`??=`); it does not append. Served directly, a client that sends the header itself
 *   therefore chooses the address recorded: it is a claim, not proof.
 * - Behind a reverse proxy that appends the peer it saw (nginx `$proxy_add_x_forwarded_for`, an AWS
 *   load balancer, Caddy, Traefik), the rightmost entry is written by that proxy, so it is the
 *   address that connected to the proxy, whatever the client put to the left of it. With several
 *   proxies in a chain it is the previous hop's, which may itself be a proxy.
 * So run Trailscope behind one such proxy and do not expose its port directly; then the address is
 * trustworthy. Leftmost entries are never used: any client can write them.
 */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  if (!forwarded) return null;
  const last = forwarded
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .at(-1);
  return last === undefined ? null : normaliseAddress(last);
}

function normaliseAddress(raw: string): string | null {
  let address = raw;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1] as string;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  // An IPv6 zone (`fe80::1%eth0`) names an interface of this host: not part of who the client is.
  address = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1] as string;
  return isIP(address) === 0 ? null : address.toLowerCase();
}
