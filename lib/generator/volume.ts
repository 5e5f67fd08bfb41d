/**
 * Splits an exact number of records over hours in proportion to weights, so
 * the total written equals --events and the busy hours get more. Largest
 * remainder keeps it exact and deterministic.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const shares = weights.map((w) => (w / sum) * total);
  const counts = shares.map((s) => Math.floor(s));
  let left = total - counts.reduce((a, c) => a + c, 0);
  const order = shares
    .map((s, i) => ({ i, frac: s - Math.floor(s) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const idx = (order[k] as { i: number }).i;
    counts[idx] = (counts[idx] as number) + 1;
  }
  return counts;
}
