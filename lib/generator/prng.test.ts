import { describe, expect, it } from 'vitest';
import { hash128, Rng } from './prng';

describe('Rng', () => {
  it('repeats exactly for the same seed and labels', () => {
    const a = Rng.from('1', 'sara');
    const b = Rng.from('1', 'sara');
    expect(Array.from({ length: 50 }, () => a.nextUint32())).toEqual(Array.from({ length: 50 }, () => b.nextUint32()));
  });

  it('differs across seeds and labels', () => {
    expect(Rng.from('1', 'sara').nextUint32()).not.toBe(Rng.from('2', 'sara').nextUint32());
    expect(Rng.from('1', 'sara').nextUint32()).not.toBe(Rng.from('1', 'vendor').nextUint32());
  });

  it('stays in range', () => {
    const rng = Rng.from('range');
    for (let i = 0; i < 10_000; i++) {
      const n = rng.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('picks by weight', () => {
    const rng = Rng.from('weights');
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) if (rng.weighted([['heavy', 9], ['light', 1]] as const) === 'heavy') heavy++;
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);
  });

  it('hashes deterministically', () => {
    expect(hash128('abc')).toEqual(hash128('abc'));
    expect(hash128('abc')).not.toEqual(hash128('abd'));
  });
});
