import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('forgets entries after their time to live', () => {
    let now = 0;
    const cache = new TtlCache<string>(10, 1000, () => now);
    cache.set('a', 'A');
    now = 999;
    expect(cache.get('a')).toBe('A');
    now = 1000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxEntries (least recently used first out: lib/enrichment/bounded-cache.ts)', () => {
    const cache = new TtlCache<number>(2, 60_000);
    for (const [i, k] of ['a', 'b', 'c'].entries()) cache.set(k, i);
    expect([cache.size, cache.get('a'), cache.get('c')]).toEqual([2, undefined, 2]);
  });

  it('deletes an entry only while it holds the value given', () => {
    const cache = new TtlCache<string>(2, 60_000);
    cache.set('a', 'old');
    cache.set('a', 'new');
    cache.deleteIf('a', 'old');
    expect(cache.get('a')).toBe('new');
    cache.deleteIf('a', 'new');
    expect(cache.get('a')).toBeUndefined();
  });
});
