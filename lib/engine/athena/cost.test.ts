import { describe, expect, it } from 'vitest';
import { BYTES_PER_MB, billedMegabytes, isBilled, queryCostUsd } from './cost';

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

describe('what Athena bills by how a query ended', () => {
  it('bills finished and cancelled queries, the data usage control whichever state it reports, not failed ones', () => {
    expect(isBilled('SUCCEEDED')).toBe(true);
    expect(isBilled('CANCELLED', 'Query cancelled by user')).toBe(true);
    expect(isBilled('CANCELLED', 'Bytes scanned limit was exceeded')).toBe(true);
    expect(isBilled('FAILED', 'Query cancelled! : Bytes scanned limit was exceeded')).toBe(true);
    expect(isBilled('FAILED', "SYNTAX_ERROR: line 1:8: Column 'nope' cannot be resolved")).toBe(false);
    // Stopped by Trailscope and not settled yet: on its way to CANCELLED.
    expect(isBilled('RUNNING')).toBe(true);
    expect(isBilled(undefined)).toBe(true);
  });
});
