import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Every delivery is signed with its webhook's secret, so a receiver can tell a Trailscope message
 * from anyone else's POST to its URL (Slack ignores the header; its URL is the secret there).
 *
 *   X-Trailscope-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * The time is signed with the body, so a receiver refuses old messages replayed (five minutes is a
 * sensible window); each attempt is signed afresh. `verifySignature` is what a receiver does.
 */

export const SIGNATURE_HEADER = 'x-trailscope-signature';

/** A new webhook's secret: 32 random bytes, shown to the admin once. */
export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signatureHeader(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/** A receiver's check: the header's MAC over the raw body, and a time within `toleranceSeconds` of `nowSeconds`. */
export function verifySignature(secret: string, body: string, header: string | null, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  const given = parts.v1;
  if (!Number.isInteger(timestamp) || typeof given !== 'string' || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(hmac(secret, timestamp, body), 'hex'), Buffer.from(given, 'hex'));
}
