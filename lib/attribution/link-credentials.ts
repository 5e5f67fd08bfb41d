import type { Assumption, LinkedCredential, ObservedCredential } from './types';

/** STS stamps creationDate with the AssumeRole call's time; allow for clock rounding between copies. */
const SAME_INSTANT_MS = 2_000;
/** An inferred link (no key, no id) only within this distance of the session's creation time. */
const INFERENCE_WINDOW_MS = 5 * 60_000;

function ms(iso: string | null): number {
  return iso ? Date.parse(iso) : Number.NaN;
}

/**
 * Ties each set of credentials a session used to the AssumeRole* event that issued them. Proven
 * links first (the access key, or the session id with its creation time); otherwise an inferred
 * link within minutes, labelled as such; otherwise none, with the likely reason. Never guesses
 * across different role sessions.
 */
export function linkCredentials(
  principalId: string,
  observed: readonly ObservedCredential[],
  assumptions: readonly Assumption[],
  dataStart: string | null,
): LinkedCredential[] {
  const sessionName = principalId.slice(principalId.indexOf(':') + 1);
  return observed.map((credential) => {
    const byKey = credential.accessKeyId ? assumptions.find((a) => a.accessKeyId === credential.accessKeyId) : undefined;
    if (byKey) return { credential, assumption: byKey, link: 'access-key', confidence: 'proven', reason: null };

    const created = ms(credential.creationDate);
    const byIdAndTime = assumptions.find(
      (a) => a.assumedRoleId === principalId && Math.abs(ms(a.issuedAt) - created) <= SAME_INSTANT_MS,
    );
    if (byIdAndTime) return { credential, assumption: byIdAndTime, link: 'session-and-time', confidence: 'proven', reason: null };

    const candidates = assumptions.filter(
      (a) =>
        (a.assumedRoleId === principalId || (a.assumedRoleId === null && a.sessionName === sessionName)) &&
        Math.abs(ms(a.issuedAt) - created) <= INFERENCE_WINDOW_MS,
    );
    if (candidates.length === 1) {
      return {
        credential,
        assumption: candidates[0] as Assumption,
        link: 'inferred',
        confidence: 'inferred',
        reason: 'same role session name within minutes of the session’s creation, but neither the access key nor the creation time matches',
      };
    }

    let reason: string;
    if (candidates.length > 1) reason = `${candidates.length} AssumeRole calls could have issued these credentials; none is proven`;
    else if (dataStart && Number.isFinite(created) && credential.creationDate && credential.creationDate < dataStart)
      reason = `the credentials were issued at ${credential.creationDate}, before the data starts (${dataStart})`;
    else
      reason =
        'no AssumeRole* event in the data issued these credentials: the call may be logged in an account or region whose trail is not ingested, or in a logging gap';
    return { credential, assumption: null, link: 'none', confidence: 'unknown', reason };
  });
}
