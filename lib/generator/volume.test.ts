import { describe, expect, it } from 'vitest';
import { allocate } from './volume';

describe('allocate', () => {
  it('hands out exactly the total, in proportion', () => {
    const counts = allocate(1000, [1, 2, 3, 4]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(counts).toEqual([100, 200, 300, 400]);
  });

  it('keeps the total exact with awkward fractions', () => {
    const weights = Array.from({ length: 1680 }, (_, i) => 1 + Math.sin(i) ** 2);
    for (const total of [0, 1, 7, 9_999, 123_457]) {
      expect(allocate(total, weights).reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('gives nothing when there is no weight', () => {
    expect(allocate(10, [0, 0])).toEqual([0, 0]);
  });
});
