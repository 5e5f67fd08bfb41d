import { describe, expect, it } from 'vitest';
import type { TableShape } from '@/lib/engine/table-shape';
import { candidateDays, daysBetween, partitionDay, projectionDay } from './candidate-days';

const NOW = Date.parse('2026-12-03T15:00:00Z');
const shape = (partitionKeys: string[], projection: TableShape['projection']): TableShape => ({ name: 't', columns: new Set(), partitionKeys, projection });

describe('candidate days from table metadata', () => {
  it('reads date projection bounds: fixed days, NOW, and NOW with an offset', () => {
    expect(projectionDay('2024/01/31', NOW)).toBe('2024-01-31');
    expect(projectionDay('NOW', NOW)).toBe('2026-12-03');
    expect(projectionDay('NOW-3YEARS', NOW)).toBe('2023-12-03');
    expect(projectionDay('NOW-1MONTH', NOW)).toBe('2026-11-03');
    expect(projectionDay('now - 2 weeks', NOW)).toBe('2026-11-19');
    expect(projectionDay('NOW+1DAYS', NOW)).toBe('2026-12-04');
    expect(projectionDay('NOW-16HOURS', NOW)).toBe('2026-12-02');
    expect(projectionDay('2024/02/30', NOW)).toBeNull();
    expect(projectionDay('yesterday', NOW)).toBeNull();
  });

  it('a date projection: its range, ending today at the latest', () => {
    const date = (range: [string, string]) => shape(['region', 'timestamp'], { keys: { timestamp: { type: 'date', format: 'yyyy/MM/dd', range, interval: 1, unit: 'DAYS' } } });
    expect(candidateDays(date(['2024/01/01', 'NOW']), NOW)).toEqual({ kind: 'range', first: '2024-01-01', last: '2026-12-03' });
    expect(candidateDays(date(['2024/01/01', '2030/01/01']), NOW)).toEqual({ kind: 'range', first: '2024-01-01', last: '2026-12-03' });
    expect(candidateDays(date(['2024/01/01', '2025/06/30']), NOW)).toEqual({ kind: 'range', first: '2024-01-01', last: '2025-06-30' });
  });

  it('projected years: from January 1st of the first to today', () => {
    const ymd = shape(['region', 'year', 'month', 'day'], { keys: { region: { type: 'enum', values: ['us-east-1'] }, year: { type: 'integer', range: [2024, 2099] } } });
    expect(candidateDays(ymd, NOW)).toEqual({ kind: 'range', first: '2024-01-01', last: '2026-12-03' });
  });

  it('registered partitions: ask the catalog, by timestamp or by year, month and day', () => {
    expect(candidateDays(shape(['timestamp'], null), NOW)).toEqual({ kind: 'registered', keys: 'timestamp' });
    expect(candidateDays(shape(['account', 'region', 'year', 'month', 'day'], null), NOW)).toEqual({ kind: 'registered', keys: 'year-month-day' });
    expect(candidateDays(shape([], null), NOW)).toEqual({ kind: 'unpartitioned' });
  });

  it('lists days and reads partition values as days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(daysBetween('2024-03-01', '2024-02-28')).toEqual([]);
    expect(partitionDay('2024/01/02')).toBe('2024-01-02');
    expect(partitionDay('2024/1/2')).toBe('2024-01-02');
    expect(partitionDay('2024/13/02')).toBeNull();
    expect(partitionDay('us-east-1')).toBeNull();
  });
});
