import { eventsHref } from '@/lib/events/params';
import { ipHref } from '@/lib/profiles/params';
import { MAX_SCOPE_MS, type Scope } from '@/lib/params/scope';
import { sourceIp } from '@/lib/params/validators';
import { isoUtc } from '@/lib/time';

/**
 * The events behind a profile's "Events (all data)" count: its first to last observed (the end
 * is exclusive in /events, hence the second added), cut to the longest scope /events accepts.
 * Null when there were none.
 */
export function extentEventsHref(extent: { first: string | null; last: string | null } | undefined, filters: Record<string, string>): string | null {
  if (!extent?.first || !extent.last) return null;
  const to = Date.parse(extent.last) + 1000;
  const from = Math.max(Date.parse(extent.first), to - MAX_SCOPE_MS);
  return eventsHref({ from: isoUtc(from), to: isoUtc(to) }, filters);
}

/** An address's profile, or null for values the IP profile cannot take (`AWS Internal`). */
export function ipProfileHref(ip: string, scope: Scope): string | null {
  return sourceIp.safeParse(ip).success ? ipHref(ip, scope) : null;
}
