import { isLoopbackHttp } from '@/lib/env';

/**
 * Which URLs a webhook may post to, and how one is shown back. Deliveries carry who did what in the
 * organisation's accounts, so they go over https; plain http only to this machine (a local relay or
 * a test receiver). Credentials in the URL are refused: fetch will not send them, and they would be
 * one more secret to mask. A Slack webhook URL is itself a secret (anyone holding it can post to
 * the channel), so listings show scheme, host and the start of the path only.
 */

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** Why `url` cannot be a webhook's address, or null when it can. */
export function webhookUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must be an https:// URL';
  if (parsed.username !== '' || parsed.password !== '') return 'must not carry credentials (user:password@): put a token in the path or query instead';
  if (parsed.protocol === 'http:' && !isLoopbackHttp(parsed.href)) {
    return 'must be https:// (plain http:// only to this machine: 127.0.0.1, localhost or [::1]); deliveries carry findings and must not cross a network in clear text';
  }
  if (parsed.hash !== '') return 'must not have a #fragment';
  return null;
}

/** `https://hooks.slack.com/services/…`: scheme, host (with port) and the first path segment, never the rest or the query. */
export function maskWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(not a URL)';
  }
  const segments = parsed.pathname.split('/').filter((s) => s.length > 0);
  const first = segments[0] ?? '';
  const prefix = first.length > 24 ? `${first.slice(0, 24)}…` : first;
  const rest = segments.length > 1 ? '/…' : parsed.search !== '' ? '?…' : '';
  return `${parsed.protocol}//${parsed.host}/${prefix}${rest}`;
}
