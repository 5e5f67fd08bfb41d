import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachedFact } from './cached-fact';
import type { Connection } from './types';

const conn = () => ({}) as Connection;
afterEach(() => vi.useRealTimers());

describe('facts cached per connection', () => {
  it('computes once for concurrent callers and serves the value until it is stale', async () => {
    vi.useFakeTimers();
    const c = conn();
    const compute = vi.fn(async () => 'v1');
    const [a, b] = await Promise.all([cachedFact(c, 'k', 1000, compute), cachedFact(c, 'k', 1000, compute)]);
    expect([a, b]).toEqual(['v1', 'v1']);
    vi.advanceTimersByTime(999);
    expect(await cachedFact(c, 'k', 1000, compute)).toBe('v1');
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('after the TTL serves the stale value at once and refreshes in the background, with the previous value', async () => {
    vi.useFakeTimers();
    const c = conn();
    let n = 0;
    const compute = vi.fn(async (previous: string | undefined) => `v${++n} after ${previous ?? 'nothing'}`);
    await cachedFact(c, 'k', 1000, compute);
    vi.advanceTimersByTime(1000);
    expect(await cachedFact(c, 'k', 1000, compute)).toBe('v1 after nothing');
    await vi.runAllTimersAsync();
    expect(await cachedFact(c, 'k', 1000, compute)).toBe('v2 after v1 after nothing');
  });

  it('forgets a failed first computation, keeps the last value over a failed refresh', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const c = conn();
    await expect(cachedFact(c, 'k', 1000, async () => Promise.reject(new Error('throttled')))).rejects.toThrow('throttled');
    expect(await cachedFact(c, 'k', 1000, async () => 'ok')).toBe('ok');
    vi.advanceTimersByTime(1000);
    expect(await cachedFact(c, 'k', 1000, async () => Promise.reject(new Error('down')))).toBe('ok');
    await vi.runAllTimersAsync();
    expect(await cachedFact(c, 'k', 1000, async () => 'never')).toBe('ok');
  });

  it('keeps facts apart by connection and key', async () => {
    const a = conn();
    expect(await cachedFact(a, 'x', 1000, async () => 1)).toBe(1);
    expect(await cachedFact(a, 'y', 1000, async () => 2)).toBe(2);
    expect(await cachedFact(conn(), 'x', 1000, async () => 3)).toBe(3);
  });
});
