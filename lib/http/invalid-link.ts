import { notFound } from 'next/navigation';
import { cache } from 'react';

/**
 * A page opened with a malformed link answers with a 4xx status and says what is wrong. Next's App
 * Router lets a page set only 401, 403 or 404 (through its interrupts), so the page records the
 * message for this request and calls notFound(); app/(dashboard)/not-found.tsx, rendered in the
 * same request, shows it: HTTP 404 with "`from` must be an ISO-8601 instant".
 */
export interface InvalidLinkDetails {
  parameter: string;
  message: string;
  /** Where "start again" goes: the same page without the bad parameters. */
  resetHref: string;
}

const pending = cache((): { details?: InvalidLinkDetails } => ({}));

export function invalidLink(details: InvalidLinkDetails): never {
  pending().details = details;
  notFound();
}

/** What the not-found page shows, if a page of this request refused its link. */
export function pendingInvalidLink(): InvalidLinkDetails | undefined {
  return pending().details;
}
