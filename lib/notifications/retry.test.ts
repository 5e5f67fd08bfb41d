import { describe, expect, it } from 'vitest';
import { postWithRetries } from './post';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay, type AttemptResult } from './retry';
import { signatureHeader, verifySignature } from './sign';
import { maskWebhookUrl, webhookUrlProblem } from './webhook-url';

const answer = (status: number, retryAfter: string | null = null): AttemptResult => ({ kind: 'answer', status, retryAfter });
const noAnswer: AttemptResult = { kind: 'no answer', error: 'ECONNREFUSED' };
const NOW = Date.parse('2026-11-18T10:00:00Z');

describe('the retry policy', () => {
  it('retries no answer and 5xx after 1 s, 4 s and 16 s, then stops', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(noAnswer, n, DEFAULT_RETRY_POLICY, NOW))).toEqual([1000, 4000, 16000, null]);
    expect([1, 2, 3, 4].map((n) => retryDelay(answer(503), n, DEFAULT_RETRY_POLICY, NOW))).toEqual([1000, 4000, 16000, null]);
    expect(retryDelay(answer(500), 1, DEFAULT_RETRY_POLICY, NOW)).toBe(1000);
  });

  it('stops on success, on other 4xx and on redirects', () => {
    for (const status of [200, 204, 400, 401, 403, 404, 410, 301, 302]) expect(retryDelay(answer(status), 1, DEFAULT_RETRY_POLICY, NOW), String(status)).toBeNull();
  });

  it('waits as long as a 429 asks (seconds or a date), its own delay without Retry-After, and gives up past the longest it honours', () => {
    expect(retryDelay(answer(429, '7'), 1, DEFAULT_RETRY_POLICY, NOW)).toBe(7000);
    expect(retryDelay(answer(429, 'Wed, 18 Nov 2026 10:00:30 GMT'), 1, DEFAULT_RETRY_POLICY, NOW)).toBe(30000);
    expect(retryDelay(answer(429), 2, DEFAULT_RETRY_POLICY, NOW)).toBe(4000);
    expect(retryDelay(answer(429, 'soon'), 1, DEFAULT_RETRY_POLICY, NOW)).toBe(1000);
    expect(retryDelay(answer(429, '3600'), 1, DEFAULT_RETRY_POLICY, NOW)).toBeNull();
    expect(retryDelay(answer(429, '5'), 4, DEFAULT_RETRY_POLICY, NOW)).toBeNull();
  });

  it('reads Retry-After', () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter(' 12 ', NOW)).toBe(12000);
    expect(parseRetryAfter('Wed, 18 Nov 2026 09:00:00 GMT', NOW)).toBe(0);
  });
});

/** A fetch that answers from a script, and a clock that only moves when slept on. */
function scripted(script: (Response | Error)[]) {
  let now = NOW;
  const slept: number[] = [];
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = script.shift();
    if (!next) throw new Error('script ran out');
    if (next instanceof Error) throw next;
    return next;
  }) as unknown as typeof globalThis.fetch;
  const sleep = async (ms: number) => {
    slept.push(ms);
    now += ms;
  };
  return { deps: { fetch, sleep, now: () => now }, slept, calls };
}

const request = { url: 'https://hooks.example.com/x', body: '{"a":1}', headers: (nowMs: number) => ({ 'x-at': String(nowMs) }) };

describe('postWithRetries', () => {
  it('retries a 503 and a network error, then delivers; every attempt logged with its wait', async () => {
    const { deps, slept, calls } = scripted([new Response('busy', { status: 503 }), new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) }), new Response('ok')]);
    const logged: number[] = [];
    const result = await postWithRetries(request, DEFAULT_RETRY_POLICY, { ...deps, onAttempt: (_a, n) => void logged.push(n) });
    expect(result).toMatchObject({ ok: true, status: 200, error: null, durationMs: 5000 });
    expect(result.attempts).toEqual([
      { at: '2026-11-18T10:00:00.000Z', status: 503, error: 'HTTP 503: busy', ms: 0, retryInMs: 1000 },
      { at: '2026-11-18T10:00:01.000Z', status: null, error: 'connect ECONNREFUSED 127.0.0.1:9', ms: 0, retryInMs: 4000 },
      { at: '2026-11-18T10:00:05.000Z', status: 200, error: null, ms: 0 },
    ]);
    expect(slept).toEqual([1000, 4000]);
    expect(logged).toEqual([1, 2, 3]);
    // Headers are made per attempt (a fresh signature time), redirects are not followed.
    expect(calls.map((c) => (c.init.headers as Record<string, string>)['x-at'])).toEqual([String(NOW), String(NOW + 1000), String(NOW + 5000)]);
    expect(calls.every((c) => c.init.redirect === 'manual' && c.init.method === 'POST' && c.init.body === '{"a":1}')).toBe(true);
  });

  it('gives up after four attempts, and at once on a 404', async () => {
    const failing = scripted(Array.from({ length: 4 }, () => new Response('', { status: 502 })));
    expect(await postWithRetries(request, DEFAULT_RETRY_POLICY, failing.deps)).toMatchObject({ ok: false, status: 502, error: 'HTTP 502', attempts: { length: 4 } });
    expect(failing.slept).toEqual([1000, 4000, 16000]);
    const gone = scripted([new Response('no_service', { status: 404 })]);
    expect(await postWithRetries(request, DEFAULT_RETRY_POLICY, gone.deps)).toMatchObject({ ok: false, status: 404, error: 'HTTP 404: no_service', attempts: { length: 1 } });
    expect(gone.slept).toEqual([]);
  });

  it('honours a 429\'s Retry-After', async () => {
    const limited = scripted([new Response('', { status: 429, headers: { 'retry-after': '2' } }), new Response(null, { status: 204 })]);
    expect(await postWithRetries(request, DEFAULT_RETRY_POLICY, limited.deps)).toMatchObject({ ok: true, status: 204 });
    expect(limited.slept).toEqual([2000]);
  });

  it('names a timeout, and never throws even when the attempt log does', async () => {
    const timedOut = scripted([new DOMException('The operation was aborted due to timeout', 'TimeoutError')]);
    const result = await postWithRetries(request, { ...DEFAULT_RETRY_POLICY, retryDelaysMs: [] }, { ...timedOut.deps, onAttempt: () => Promise.reject(new Error('store closed')) });
    expect(result).toMatchObject({ ok: false, status: null, error: 'no answer within 10 s' });
  });
});

describe('signatures', () => {
  it('verifies its own signature over the raw body and time, and refuses another body, secret or an old time', () => {
    const header = signatureHeader('whsec_x', '{"a":1}', 1_800_000_000);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature('whsec_x', '{"a":1}', header, 1_800_000_100)).toBe(true);
    expect(verifySignature('whsec_x', '{"a":2}', header, 1_800_000_100)).toBe(false);
    expect(verifySignature('whsec_y', '{"a":1}', header, 1_800_000_100)).toBe(false);
    expect(verifySignature('whsec_x', '{"a":1}', header, 1_800_001_000)).toBe(false);
    expect(verifySignature('whsec_x', '{"a":1}', null, 1_800_000_000)).toBe(false);
  });
});

describe('webhook URLs', () => {
  it('takes https anywhere and http only to this machine', () => {
    expect(webhookUrlProblem('https://hooks.slack.com/services/T0/B0/abc')).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:4567/hook')).toBeNull();
    expect(webhookUrlProblem('http://localhost/hook')).toBeNull();
    expect(webhookUrlProblem('http://[::1]:80/')).toBeNull();
    for (const url of ['http://hooks.example.com/x', 'http://127.0.0.1.evil.example/x', 'http://10.0.0.5/x']) expect(webhookUrlProblem(url), url).toMatch(/^must be https:\/\//);
    expect(webhookUrlProblem('ftp://x.example/')).toBe('must be an https:// URL');
    expect(webhookUrlProblem('https://user:pw@x.example/')).toMatch(/must not carry credentials/);
    expect(webhookUrlProblem('not a url')).toBe('is not a URL');
  });

  it('shows scheme, host and the first path segment only', () => {
    expect(maskWebhookUrl('https://hooks.slack.com/services/T000/B000/XXXXSECRET')).toBe('https://hooks.slack.com/services/…');
    expect(maskWebhookUrl('http://127.0.0.1:4567/hook')).toBe('http://127.0.0.1:4567/hook');
    expect(maskWebhookUrl('https://x.example/hook?token=secret')).toBe('https://x.example/hook?…');
    expect(maskWebhookUrl('https://x.example/0123456789abcdef0123456789abcdef')).toBe('https://x.example/0123456789abcdef01234567…');
  });
});
