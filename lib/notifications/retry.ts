/**
 * When a delivery tries again. Pure, so the policy is tested without a network or a clock.
 *
 * Up to four attempts: the first at once, then after 1 s, 4 s and 16 s. Retried: no answer (a
 * network error, a timeout), 5xx, and 429 after the receiver's Retry-After when it names one (a
 * Retry-After longer than MAX_RETRY_AFTER ends the delivery rather than being cut short). Not
 * retried: any other answer, 2xx being success, other 4xx a mistake that repeating will not fix
 * (a revoked Slack webhook answers 404 or 410), and 3xx (redirects are not followed: a webhook's
 * address is what was configured, and a redirect could lead to plain http).
 */

export interface RetryPolicy {
  /** One attempt's limit, answer included. */
  timeoutMs: number;
  /** The wait before each retry; its length is the number of retries. */
  retryDelaysMs: readonly number[];
  /** The longest Retry-After honoured. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { timeoutMs: 10_000, retryDelaysMs: [1_000, 4_000, 16_000], maxRetryAfterMs: 60_000 };

export type AttemptResult = { kind: 'answer'; status: number; retryAfter: string | null } | { kind: 'no answer'; error: string };

export function delivered(result: AttemptResult): boolean {
  return result.kind === 'answer' && result.status >= 200 && result.status < 300;
}

/** Retry-After in milliseconds from `nowMs`: delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * How long to wait before attempt `attempt + 1` after `result` of attempt `attempt` (1-based), or
 * null to stop (delivered, not worth repeating, or no retries left).
 */
export function retryDelay(result: AttemptResult, attempt: number, policy: RetryPolicy, nowMs: number): number | null {
  if (delivered(result) || attempt > policy.retryDelaysMs.length) return null;
  const planned = policy.retryDelaysMs[attempt - 1] as number;
  if (result.kind === 'no answer') return planned;
  if (result.status === 429) {
    const asked = parseRetryAfter(result.retryAfter, nowMs);
    if (asked === null) return planned;
    return asked > policy.maxRetryAfterMs ? null : Math.max(asked, 0);
  }
  return result.status >= 500 ? planned : null;
}
