import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { REQUEST_ID_HEADER } from './request-id';

/**
 * A page opened with a malformed link answers with a 4xx status and says what is wrong. Next's App
 * Router lets a page set only 401, 403 or 404 (through its interrupts), so the page calls
 * `invalidLink()`, which hands the message to app/(dashboard)/not-found.tsx and calls notFound():
 * HTTP 404 with "`from` is not a real date and time".
 *
 * The hand-over has to wait: Next renders the not-found element at the same time as the page, for
 * every page, before the page has decided anything. So the not-found page waits, per request (the
 * proxy stamps an id on each), until the page either refuses its link or says its link is fine
 * (`linkIsValid()`: the page loaders call it once the URL has validated). A page that says neither
 * costs its response FALLBACK_WAIT_MS. Problems found only after loading data (a ParamError from a
 * query) are shown inside the page, with the data's status, as the link itself was well-formed.
 */
export interface InvalidLinkDetails {
  parameter: string;
  message: string;
  /** Where "start again" goes: the same page without the bad parameters. */
  resetHref: string;
}

const FALLBACK_WAIT_MS = 250;
const KEEP_MS = 60_000;

interface Verdict {
  promise: Promise<InvalidLinkDetails | undefined>;
  settle: (details: InvalidLinkDetails | undefined) => void;
  at: number;
}

const holder = globalThis as typeof globalThis & { __trailscopeLinkVerdicts?: Map<string, Verdict> };
const verdicts = (holder.__trailscopeLinkVerdicts ??= new Map());

function verdictFor(id: string): Verdict {
  let verdict = verdicts.get(id);
  if (!verdict) {
    const now = Date.now();
    for (const [key, old] of verdicts) if (now - old.at > KEEP_MS) verdicts.delete(key);
    let settle!: Verdict['settle'];
    const promise = new Promise<InvalidLinkDetails | undefined>((resolve) => (settle = resolve));
    verdict = { promise, settle, at: now };
    verdicts.set(id, verdict);
  }
  return verdict;
}

async function requestId(): Promise<string | null> {
  return (await headers()).get(REQUEST_ID_HEADER);
}

/** The page's link is malformed: 404 with this message. */
export async function invalidLink(details: InvalidLinkDetails): Promise<never> {
  const id = await requestId();
  if (id) verdictFor(id).settle(details);
  notFound();
}

/** The page's link validated: the not-found page rendered beside it need not wait. */
export async function linkIsValid(): Promise<void> {
  const id = await requestId();
  if (id) verdictFor(id).settle(undefined);
}

/** What the not-found page shows: the refused link of this request, if a page refused one. */
export async function pendingInvalidLink(): Promise<InvalidLinkDetails | undefined> {
  const id = await requestId();
  if (!id) return undefined;
  const verdict = verdictFor(id);
  const timer = setTimeout(() => verdict.settle(undefined), FALLBACK_WAIT_MS);
  const details = await verdict.promise;
  clearTimeout(timer);
  return details;
}
