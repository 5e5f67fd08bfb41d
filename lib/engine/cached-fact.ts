/**
 * Facts about the data behind a connection that cost a query to learn and change slowly (the data
 * range, the organisation's accounts). Each is computed once per process and shared by concurrent
 * callers; after `ttlMs` the next caller still gets the stale value at once while one refresh runs
 * in the background, so no page view waits for, or repeats, the queries behind it. A failed first
 * computation is forgotten (the next caller retries); a failed refresh keeps the last good value.
 *
 * Not tied to any caller's AbortSignal: the computation is shared, and a page navigated away from
 * must not cancel it for the others.
 */
import type { Connection } from './types';

interface Entry<T> {
  value?: T;
  at: number;
  pending?: Promise<T>;
}

const facts = new WeakMap<Connection, Map<string, Entry<unknown>>>();

export function cachedFact<T>(conn: Connection, key: string, ttlMs: number, compute: (previous: T | undefined) => Promise<T>): Promise<T> {
  let byKey = facts.get(conn);
  if (!byKey) facts.set(conn, (byKey = new Map()));
  const entry = (byKey.get(key) ?? { at: 0 }) as Entry<T>;
  byKey.set(key, entry);
  const fresh = entry.value !== undefined && Date.now() - entry.at < ttlMs;
  if (fresh) return Promise.resolve(entry.value as T);
  if (!entry.pending) {
    const previous = entry.value;
    entry.pending = compute(previous).then(
      (value) => {
        entry.value = value;
        entry.at = Date.now();
        entry.pending = undefined;
        return value;
      },
      (error: unknown) => {
        entry.pending = undefined;
        if (previous === undefined) throw error;
        console.warn(`Trailscope kept the last ${key} after a failed refresh: ${error instanceof Error ? error.message : String(error)}`);
        return previous;
      },
    );
  }
  return entry.value !== undefined ? Promise.resolve(entry.value) : entry.pending;
}
