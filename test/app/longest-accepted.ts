/** How far the search goes: far beyond any limit a schema should have, so "no limit" shows as this. */
export const SEARCH_LIMIT = 20_000;

/** Characters to lengthen a value with: a quote (doubled in an SQL literal), and plain ones. */
const FILLERS = ["'", 'a', 'A', '0'] as const;

/**
 * The longest values `accepts` takes that are `value` lengthened at its end or its start with one
 * repeated character: for each filler and side, the longest such value (binary search; schemas
 * accept a prefix of lengths), when it is longer than `value`. Quote-heavy values come first.
 */
export function longestAccepted(value: string, accepts: (v: string) => boolean): string[] {
  const out = new Set<string>();
  for (const filler of FILLERS) {
    for (const make of [(k: number) => value + filler.repeat(k), (k: number) => filler.repeat(k) + value]) {
      if (!accepts(make(1))) continue;
      let lo = 1;
      let hi = SEARCH_LIMIT;
      if (accepts(make(hi))) lo = hi;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (accepts(make(mid))) lo = mid;
        else hi = mid - 1;
      }
      out.add(make(lo));
    }
  }
  return [...out];
}
