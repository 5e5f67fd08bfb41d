/**
 * The Poisson upper tail P(X ≥ k | mean μ), computed in log space so that large counts (k in the
 * thousands, p far below 1e-300) neither overflow nor round to zero before we compare them.
 *
 * P(X ≥ k) equals the regularised lower incomplete gamma P(k, μ). Its series converges fast when
 * μ < k + 1 (the surprising side, the only one we flag); on the other side the tail is large, and
 * 1 − Q(k, μ) from the continued fraction is accurate enough.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: ~15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

const EPS = 1e-15;
const MAX_ITER = 100_000;

/** ln of the sum in P(a, x) = e^(−x) x^a / Γ(a+1) · Σ xⁿ / ((a+1)…(a+n)). */
function logLowerSeries(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 1; n < MAX_ITER; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < sum * EPS) break;
  }
  return -x + a * Math.log(x) - logGamma(a + 1) + Math.log(sum);
}

/** ln Q(a, x) by Lentz's continued fraction (for x ≥ a + 1). */
function logUpperContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return -x + a * Math.log(x) - logGamma(a) + Math.log(h);
}

/** ln P(X ≥ k) for X ~ Poisson(mean); k a whole number ≥ 0, mean ≥ 0. */
export function logPoissonUpperTail(k: number, mean: number): number {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a whole number ≥ 0, got ${k}`);
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`mean must be finite and ≥ 0, got ${mean}`);
  if (k === 0) return 0;
  if (mean === 0) return Number.NEGATIVE_INFINITY;
  if (mean < k + 1) return logLowerSeries(k, mean);
  const q = Math.exp(logUpperContinuedFraction(k, mean));
  return Math.log1p(-Math.min(q, 1));
}

/** P(X ≥ k) for X ~ Poisson(mean); underflows to 0 only below ~1e-308 (use the log form to rank those). */
export function poissonUpperTail(k: number, mean: number): number {
  return Math.exp(logPoissonUpperTail(k, mean));
}
