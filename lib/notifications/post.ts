import { delivered, retryDelay, type AttemptResult, type RetryPolicy } from './retry';
import type { AttemptLog } from './types';

/**
 * One delivery: POST the body, and again as retry.ts says, each attempt with its own timeout.
 * Never throws: what happened is the result (and each attempt goes to `onAttempt` as it ends, for
 * the delivery log). Redirects are not followed (retry.ts says why).
 */

export interface PostRequest {
  url: string;
  body: string;
  /** Headers for one attempt (signed afresh each time: the signature carries the attempt's time). */
  headers: (nowMs: number) => Record<string, string>;
}

export interface PostDeps {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  onAttempt?: (attempt: AttemptLog, attemptNumber: number) => void | Promise<void>;
}

export interface PostResult {
  ok: boolean;
  attempts: AttemptLog[];
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** How much of a refusal's body is kept as its error: Slack says why in a word (`invalid_blocks`, `no_service`). */
const ERROR_BODY_CHARS = 200;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function errorText(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const code = cause && 'code' in cause ? String((cause as { code: unknown }).code) : null;
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

async function attemptOnce(request: PostRequest, policy: RetryPolicy, doFetch: typeof fetch, nowMs: number): Promise<{ result: AttemptResult; error: string | null }> {
  try {
    const response = await doFetch(request.url, {
      method: 'POST',
      headers: request.headers(nowMs),
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(policy.timeoutMs),
    });
    // Read the answer within the same timeout; a refusal's first words say why.
    const text = await response.text();
    const ok = response.status >= 200 && response.status < 300;
    const error = ok ? null : `HTTP ${response.status}${text.trim() ? `: ${text.trim().slice(0, ERROR_BODY_CHARS)}` : ''}`;
    return { result: { kind: 'answer', status: response.status, retryAfter: response.headers.get('retry-after') }, error };
  } catch (error) {
    const message = errorText(error, policy.timeoutMs);
    return { result: { kind: 'no answer', error: message }, error: message };
  }
}

export async function postWithRetries(request: PostRequest, policy: RetryPolicy, deps: PostDeps = {}): Promise<PostResult> {
  const doFetch = deps.fetch ?? fetch;
  const sleep = deps.sleep ?? defaultSleep;
  const now = deps.now ?? Date.now;
  const attempts: AttemptLog[] = [];
  const started = now();
  for (let attempt = 1; ; attempt++) {
    const at = now();
    const { result, error } = await attemptOnce(request, policy, doFetch, at);
    const wait = retryDelay(result, attempt, policy, now());
    const log: AttemptLog = { at: new Date(at).toISOString(), status: result.kind === 'answer' ? result.status : null, error, ms: Math.max(0, now() - at), ...(wait === null ? {} : { retryInMs: wait }) };
    attempts.push(log);
    try {
      await deps.onAttempt?.(log, attempt);
    } catch {
      // The log is the caller's; a failure there must not stop the delivery.
    }
    if (wait === null) {
      return { ok: delivered(result), attempts, status: log.status, error: log.error, durationMs: Math.max(0, now() - started) };
    }
    await sleep(wait);
  }
}
