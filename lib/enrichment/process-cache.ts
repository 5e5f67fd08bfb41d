/**
 * Next can evaluate a server module more than once (per route bundle, and again on every
 * dev reload), and each copy would otherwise read its own 60 MB database. Loaded data is kept
 * on globalThis instead, keyed by what it was loaded from.
 */
const STORE = Symbol.for('trailscope.enrichment.process-cache');

type Store = Map<string, Promise<unknown>>;
const holder = globalThis as typeof globalThis & { [STORE]?: Store };

/**
 * The value `load` produces for `key`, loaded at most once per process. A failed load is
 * forgotten so the next call reports the error again rather than a stale rejection.
 * Callers keep one key per result type (the key names the kind of data), which is what makes
 * the cast below safe.
 */
export function loadOncePerProcess<T>(key: string, load: () => Promise<T>): Promise<T> {
  const store = (holder[STORE] ??= new Map());
  const existing = store.get(key);
  if (existing !== undefined) return existing as Promise<T>;
  const pending = load();
  store.set(key, pending);
  pending.catch(() => store.delete(key));
  return pending;
}
