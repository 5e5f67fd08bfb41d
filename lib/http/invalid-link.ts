import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { REQUEST_ID_HEADER } from './request-id';

/**
 * A page opened with a malformed link answers with a 4xx status and says what is wrong. Next's App
 * Router lets a page set only 401, 403 or 404 (through its interrupts), so the page records the
 * message for this request and calls notFound(); app/(dashboard)/not-found.tsx shows it: HTTP 404
 * with "`from` is not a real date and time".
 *
 * Next may render the not-found page in a separate pass with a fresh React cache, so the message is
 * kept under the request id the proxy stamps on every request (REQUEST_ID_HEADER), for a minute.
 */
export interface InvalidLinkDetails {
  parameter: string;
  message: string;
  /** Where "start again" goes: the same page without the bad parameters. */
  resetHref: string;
}

const KEEP_MS = 60_000;

interface Kept {
  details: InvalidLinkDetails;
  at: number;
}

const holder = globalThis as typeof globalThis & { __trailscopeInvalidLinks?: Map<string, Kept> };
const kept = (holder.__trailscopeInvalidLinks ??= new Map());

export async function invalidLink(details: InvalidLinkDetails): Promise<never> {
  const id = (await headers()).get(REQUEST_ID_HEADER);
  if (id) {
    const now = Date.now();
    for (const [key, entry] of kept) if (now - entry.at > KEEP_MS) kept.delete(key);
    kept.set(id, { details, at: now });
  }
  notFound();
}

/** What the not-found page shows, if a page of this request refused its link. */
export async function pendingInvalidLink(): Promise<InvalidLinkDetails | undefined> {
  const id = (await headers()).get(REQUEST_ID_HEADER);
  return id ? kept.get(id)?.details : undefined;
}
