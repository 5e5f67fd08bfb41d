import { describe, expect, it } from 'vitest';
import { BYTES_PER_MB, billedMegabytes, queryCostUsd } from './cost';

const MB = BYTES_PER_MB;
const TB = 2 ** 40;

describe('Athena cost', () => {
  it('bills at least 10 MB per query', () => {
    expect(billedMegabytes(0)).toBe(10);
    expect(billedMegabytes(1)).toBe(10);
    expect(billedMegabytes(10 * MB)).toBe(10);
  });

  it('rounds up to the next megabyte', () => {
    expect(billedMegabytes(10 * MB + 1)).toBe(11);
    expect(billedMegabytes(123.4 * MB)).toBe(124);
  });

  it('charges 5 USD per (binary) terabyte', () => {
    expect(queryCostUsd(TB)).toBeCloseTo(5, 12);
    expect(queryCostUsd(3 * TB)).toBeCloseTo(15, 12);
    expect(queryCostUsd(0)).toBeCloseTo((10 * 5) / 2 ** 20, 15);
  });

  it('is unknown when Athena does not report bytes', () => {
    expect(queryCostUsd(undefined)).toBeNull();
    expect(queryCostUsd(null)).toBeNull();
    expect(() => billedMegabytes(-1)).toThrow(RangeError);
  });
});
