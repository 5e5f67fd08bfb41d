import { describe, expect, it } from 'vitest';
import { planCompaction } from './compact';
import type { Segment } from './manifest';

const seg = (name: string, rows: number, sidecars = true): Segment => ({
  file: `tmin=20261101000000/tmax=20261101010000/${name}.parquet`,
  rows,
  minTime: '2026-11-01T00:00:00Z',
  maxTime: '2026-11-01T01:00:00Z',
  createdAt: '2026-11-01T02:00:00Z',
  ...(sidecars ? { summary: `${name}.hourly.parquet`, ids: `${name}.ids.parquet`, sts: `${name}.sts.parquet` } : {}),
});
const names = (runs: Segment[][]) => runs.map((r) => r.map((s) => s.file.split('/').pop()!.replace('.parquet', '')));
const limits = { smallRows: 100, mergedRows: 250 };

describe('planCompaction', () => {
  it('merges neighbouring small segments up to the merged size, in manifest order', () => {
    expect(names(planCompaction([seg('a', 50), seg('b', 50), seg('c', 99), seg('d', 60), seg('e', 10)], limits))).toEqual([['a', 'b', 'c'], ['d', 'e']]);
  });

  it('never merges across a large segment, a lone small one, or one without sidecars (the next ingest upgrades it first)', () => {
    expect(names(planCompaction([seg('a', 50), seg('big', 100), seg('b', 50), seg('c', 50, false), seg('d', 50)], limits))).toEqual([]);
    expect(names(planCompaction([seg('a', 50), seg('b', 50), seg('big', 500), seg('c', 50), seg('d', 50)], limits))).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('leaves a store of large segments alone', () => {
    expect(planCompaction([seg('a', 1_000_000), seg('b', 300_000)])).toEqual([]);
  });
});
