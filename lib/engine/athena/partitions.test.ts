import { describe, expect, it } from 'vitest';
import { expectValidTrino } from '@/lib/sql/trino-parse';
import {
  addDays,
  dayOf,
  partitionPredicate,
  slashDate,
  widenedDays,
  yearMonthDaySegments,
  type Segment,
  type UtcDay,
} from './partitions';

const day = (s: string): UtcDay => dayOf(new Date(`${s}T00:00:00Z`));
const key = (d: UtcDay) => slashDate(d).replaceAll('/', '');

/** What a segment selects, evaluated the way Trino compares the zero-padded strings. */
function selects(segments: readonly Segment[], d: UtcDay): boolean {
  const [y, m, dd] = slashDate(d).split('/') as [string, string, string];
  return segments.some((s) => {
    switch (s.kind) {
      case 'days':
        return y === s.year && m === s.month && dd >= s.from && dd <= s.to;
      case 'months':
        return y === s.year && m >= s.from && m <= s.to;
      case 'years':
        return y >= s.from && y <= s.to;
    }
  });
}

describe('widenedDays', () => {
  it('adds a day each side of the event days (delivery date ≠ event date)', () => {
    const { first, last } = widenedDays(new Date('2024-01-30T12:00:00Z'), new Date('2024-02-01T12:00:00Z'));
    expect(slashDate(first)).toBe('2024/01/29');
    expect(slashDate(last)).toBe('2024/02/02');
  });

  it('treats the end as exclusive: a range ending at midnight does not include that day as an event day', () => {
    const { first, last } = widenedDays(new Date('2024-03-01T00:00:00Z'), new Date('2024-03-02T00:00:00Z'));
    expect(slashDate(first)).toBe('2024/02/29');
    expect(slashDate(last)).toBe('2024/03/02');
  });

  it('crosses year boundaries', () => {
    const { first, last } = widenedDays(new Date('2024-01-01T00:10:00Z'), new Date('2024-12-31T23:59:00Z'));
    expect(slashDate(first)).toBe('2023/12/31');
    expect(slashDate(last)).toBe('2025/01/01');
  });
});

describe('yearMonthDaySegments', () => {
  it('uses one day run inside a month', () => {
    expect(yearMonthDaySegments(day('2024-03-04'), day('2024-03-06'))).toEqual([
      { kind: 'days', year: '2024', month: '03', from: '04', to: '06' },
    ]);
  });

  it('splits at a month boundary', () => {
    expect(yearMonthDaySegments(day('2024-01-29'), day('2024-02-02'))).toEqual([
      { kind: 'days', year: '2024', month: '01', from: '29', to: '31' },
      { kind: 'days', year: '2024', month: '02', from: '01', to: '02' },
    ]);
  });

  it('uses whole months and whole years for long ranges', () => {
    expect(yearMonthDaySegments(day('2022-11-15'), day('2025-02-10'))).toEqual([
      { kind: 'days', year: '2022', month: '11', from: '15', to: '30' },
      { kind: 'months', year: '2022', from: '12', to: '12' },
      { kind: 'years', from: '2023', to: '2024' },
      { kind: 'months', year: '2025', from: '01', to: '01' },
      { kind: 'days', year: '2025', month: '02', from: '01', to: '10' },
    ]);
  });

  it('selects exactly the days in range for many random ranges (leap years, month and year ends)', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 400; i++) {
      const first = addDays(day('2019-12-01'), rand(2000));
      const last = addDays(first, rand(i % 4 === 0 ? 900 : 70));
      const segments = yearMonthDaySegments(first, last);
      for (let d = addDays(first, -40); key(d) <= key(addDays(last, 40)); d = addDays(d, 1)) {
        const inRange = key(d) >= key(first) && key(d) <= key(last);
        if (selects(segments, d) !== inRange) {
          throw new Error(`${slashDate(first)}..${slashDate(last)}: ${slashDate(d)} selected=${!inRange}`);
        }
      }
    }
  });
});

describe('partitionPredicate', () => {
  const first = day('2024-01-29');
  const last = day('2024-02-02');

  it('is absent for an unpartitioned table', () => {
    expect(partitionPredicate('none', first, last)).toBeNull();
  });

  it('bounds the projected timestamp with bound yyyy/MM/dd values', () => {
    const q = partitionPredicate('projected-date', first, last)?.toQuery();
    expect(q).toEqual({ sql: '"timestamp" BETWEEN ? AND ?', params: ['2024/01/29', '2024/02/02'] });
  });

  it('ORs year/month/day segments, each with constants only', () => {
    const q = partitionPredicate('account-region-date', first, last)?.toQuery();
    expect(q?.sql).toBe(
      '(("year" = ? AND "month" = ? AND "day" BETWEEN ? AND ?) OR ("year" = ? AND "month" = ? AND "day" BETWEEN ? AND ?))',
    );
    expect(q?.params).toEqual(['2024', '01', '29', '31', '2024', '02', '01', '02']);
  });

  it('produces valid Trino for every layout and range shape', () => {
    const ranges: [string, string][] = [
      ['2024-02-10', '2024-02-10'],
      ['2024-01-29', '2024-02-02'],
      ['2022-11-15', '2025-02-10'],
      ['2023-01-01', '2023-12-31'],
    ];
    for (const layout of ['projected-date', 'region-date', 'account-region-date'] as const) {
      for (const [a, b] of ranges) {
        const q = partitionPredicate(layout, day(a), day(b))?.toQuery();
        expect(q).toBeDefined();
        expectValidTrino(`SELECT 1 FROM t WHERE ${q?.sql}`, q?.params);
      }
    }
  });
});
