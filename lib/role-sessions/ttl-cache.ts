import { BoundedCache } from '@/lib/enrichment/bounded-cache';

/**
 * A least-recently-used cache whose entries also expire after `ttlMs`: bounded memory, and
 * bounded staleness, for per-process caches of query results.
 */
export class TtlCache<V> {
  private readonly entries: BoundedCache<string, { at: number; value: V }>;

  constructor(
    maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = new BoundedCache(maxEntries);
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at < this.ttlMs) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V): void {
    this.entries.set(key, { at: this.now(), value });
  }

  /** Removes `key` only while it still holds `value` (a newer entry under the key stays). */
  deleteIf(key: string, value: V): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
