/**
 * Finding the first and last folder days with data among a table's candidate days, with probes
 * that each ask "is any event in days [from, to]?". A probe of an empty range reads nothing (Athena
 * still bills its 10 MB minimum); one of a range with data stops at its first row, a file or two.
 *
 * From one end the search gallops in windows of 1, 2, 4, … days until a window has data, then
 * narrows that window down to one day. `fanout` probes run at once: after the end day alone, the
 * gallop asks `fanout` windows per round and the narrowing splits the window into `fanout + 1` parts per round, so with
 * fanout 1 it is a plain gallop and bisection. When the end day itself has data, as today has on a
 * live trail, one probe answers.
 */

/** Whether any event lies in the candidate days with indexes from..to (inclusive). */
export type AnyIn = (from: number, to: number) => Promise<boolean>;

const log = (x: number, base: number) => Math.log(x) / Math.log(base);

/** The most probes one end's search makes over n candidate days (the bound tests hold it to). */
export function maxProbes(n: number, fanout = 1): number {
  if (n <= 0) return 0;
  const windows = Math.ceil(Math.log2(n + 1));
  const widest = 2 ** (windows - 1);
  // +1: the probe that checks nothing lies before a known first day.
  return windows + fanout * Math.ceil(log(widest, fanout + 1) - 1e-9) + 1;
}

/** Rounds of probes (each `fanout` at once) one end's search waits for, at most. */
export function maxRounds(n: number, fanout = 1): number {
  if (n <= 0) return 0;
  const windows = Math.ceil(Math.log2(n + 1));
  return 1 + Math.ceil((windows - 1) / fanout) + Math.ceil(log(2 ** (windows - 1), fanout + 1) - 1e-9) + 1;
}

/** [a, b] (holding data) narrowed to its first day with data. */
async function narrowFirst(a: number, b: number, anyIn: AnyIn, fanout: number): Promise<number> {
  while (a < b) {
    const parts = Math.min(fanout + 1, b - a + 1);
    const size = Math.ceil((b - a + 1) / parts);
    const bounds = Array.from({ length: parts }, (_, i) => [a + i * size, Math.min(b, a + (i + 1) * size - 1)] as const).filter(([x, y]) => x <= y);
    // The last part need not be asked: if no earlier part has data, it does.
    const found = await Promise.all(bounds.slice(0, -1).map(([x, y]) => anyIn(x, y)));
    const i = found.indexOf(true);
    [a, b] = bounds[i === -1 ? bounds.length - 1 : i] as readonly [number, number];
  }
  return a;
}

/**
 * The index of the first candidate day with data, or null. `from` (a day known to have been the
 * first) starts the search there once one probe has shown nothing lies earlier.
 */
export async function firstWithData(n: number, anyIn: AnyIn, options: { from?: number; fanout?: number; maxWindow?: number } = {}): Promise<number | null> {
  // Windows stop growing at maxWindow days: a probe's partitions are its days × the projection's
  // accounts × regions, which the engine enumerates before reading anything.
  const maxWindow = Math.max(1, Math.floor(options.maxWindow ?? Number.POSITIVE_INFINITY));
  const fanout = Math.max(1, Math.floor(options.fanout ?? 1));
  const from = options.from ?? 0;
  const start = from > 0 && from < n && !(await anyIn(0, from - 1)) ? from : 0;
  const windows: [number, number][] = [];
  for (let lo = start, size = 1; lo < n; lo += size, size = Math.min(size * 2, maxWindow)) windows.push([lo, Math.min(n - 1, lo + size - 1)]);
  // The end day alone first: on a live trail (or a projection that starts with the trail) it is
  // the answer, and a batch would spend probes on ranges that also have data.
  for (let i = 0; i < windows.length; i += i === 0 ? 1 : fanout) {
    const batch = windows.slice(i, i === 0 ? 1 : i + fanout);
    const found = await Promise.all(batch.map(([lo, hi]) => anyIn(lo, hi)));
    const hit = found.indexOf(true);
    if (hit !== -1) {
      const [lo, hi] = batch[hit] as [number, number];
      return narrowFirst(lo, hi, anyIn, fanout);
    }
  }
  return null;
}

/** The index of the last candidate day with data, or null: the first search, mirrored. */
export async function lastWithData(n: number, anyIn: AnyIn, options: { fanout?: number; maxWindow?: number } = {}): Promise<number | null> {
  const mirrored: AnyIn = (from, to) => anyIn(n - 1 - to, n - 1 - from);
  const index = await firstWithData(n, mirrored, { fanout: options.fanout, maxWindow: options.maxWindow });
  return index === null ? null : n - 1 - index;
}
