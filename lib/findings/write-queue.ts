const WRITE_QUEUE = Symbol.for('trailscope.findings.write-queue');
const holder = globalThis as typeof globalThis & { [WRITE_QUEUE]?: Promise<unknown> };

/**
 * Runs findings writes one after another across every copy of this module in the process: DuckDB's
 * optimistic transactions would fail two concurrent writes that touch the same id, and a
 * read-merge-write must see the row the previous write left.
 */
export function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const previous = holder[WRITE_QUEUE] ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(fn);
  holder[WRITE_QUEUE] = next;
  return next;
}
