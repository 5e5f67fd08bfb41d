import { describe, expect, it } from 'vitest';
import { logGamma, logPoissonUpperTail, poissonUpperTail } from './poisson';

// Reference values from mpmath (50 digits): gammainc(k, 0, μ, regularized=True) = P(X ≥ k | μ).
const REFERENCE: [k: number, mean: number, p: number, logP: number][] = [
  [5, 1, 0.0036598468273437123, -5.6103339828971544],
  [10, 1, 1.1142547833872068e-7, -16.009909825202022],
  [1, 0.5, 0.39346934028736658, -0.93275212956718857],
  [3, 2.5, 0.45618688411667048, -0.78485271983740808],
  [20, 5, 3.4521358209144602e-7, -14.879102532939179],
  [100, 50, 3.2000653245851253e-10, -21.862679706410286],
  [1000, 800, 5.5014197761792281e-12, -25.926014915879314],
  [5, 10, 0.97074731192303893, -0.029689079446520874],
  [50, 50, 0.51880831547204328, -0.65622079838756868],
  [7, 0.01, 1.9668428025533502e-18, -40.770102055039224],
  [10000, 9000, 2.073299202433928e-25, -56.835486168752249],
  [5, 0.0225, Math.exp(-23.777436563036486), -23.777436563036486],
];

describe('Poisson upper tail', () => {
  it.each(REFERENCE)('P(X ≥ %d | μ = %d) matches mpmath', (k, mean, p, logP) => {
    expect(logPoissonUpperTail(k, mean)).toBeCloseTo(logP, 9);
    expect(poissonUpperTail(k, mean) / p).toBeCloseTo(1, 9);
  });

  it('stays finite in log space where the probability underflows', () => {
    expect(poissonUpperTail(100_000, 10)).toBe(0);
    expect(logPoissonUpperTail(100_000, 10) / -821050.7124997133).toBeCloseTo(1, 10);
    expect(logPoissonUpperTail(500, 1)).toBeCloseTo(-2612.3284604654614, 6);
  });

  it('handles the edges: k = 0 is certain, a zero mean makes any call impossible, the bulk is ~1', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(logPoissonUpperTail(3, 0)).toBe(Number.NEGATIVE_INFINITY);
    expect(poissonUpperTail(2, 100)).toBeCloseTo(1, 12);
  });

  it('rejects what is not a count or a mean', () => {
    expect(() => logPoissonUpperTail(1.5, 1)).toThrow(RangeError);
    expect(() => logPoissonUpperTail(-1, 1)).toThrow(RangeError);
    expect(() => logPoissonUpperTail(1, Number.NaN)).toThrow(RangeError);
  });

  it('logGamma agrees with factorials', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});
