import { describe, expect, it } from 'vitest';
import { createAthenaDialect } from '@/lib/engine/athena/dialect';
import { duckdbDialect } from '@/lib/engine/duckdb/dialect';
import { expectValidTrino, placeholdersOutsideWhere } from '@/lib/sql/trino-parse';
import { dataRange, dataRangeExtent, dataRangeProbe, registeredPartitionDays } from './data-range';

const athena = (partitioning: 'none' | 'projected-date' | 'region-date') =>
  createAthenaDialect({ catalog: 'AwsDataCatalog', database: 'trails', table: 'cloudtrail_logs', partitioning });

describe('data range queries', () => {
  it('list registered partition days from the catalog’s partitions table, by timestamp or year/month/day', () => {
    const ts = registeredPartitionDays.build(athena('projected-date'), { keys: 'timestamp' }).toQuery();
    expect(ts.sql).toContain('SELECT DISTINCT "timestamp" AS day\nFROM "AwsDataCatalog"."trails"."cloudtrail_logs$partitions"');
    const ymd = registeredPartitionDays.build(athena('region-date'), { keys: 'year-month-day' }).toQuery();
    expect(ymd.sql).toContain(`"year" || '/' || "month" || '/' || "day" AS day`);
    for (const q of [ts, ymd]) expectValidTrino(q.sql, q.params);
    expect(() => registeredPartitionDays.build(duckdbDialect, { keys: 'timestamp' })).toThrow('no partitions table');
  });

  it('the whole-store count is valid Trino (used on unpartitioned tables only)', () => {
    const q = dataRange.build(athena('none'), {}).toQuery();
    expectValidTrino(q.sql, q.params);
  });

  it('a probe of an unpartitioned Athena table bounds the event time instead', () => {
    const q = dataRangeProbe.build(athena('none'), { firstDay: '2024-01-30', lastDay: '2024-01-31' }).toQuery();
    expect(q.params).toEqual(['2024-01-30T00:00:00.000Z', '2024-02-01T00:00:00.000Z']);
    expectValidTrino(q.sql, q.params);
    expect(placeholdersOutsideWhere(q.sql)).toEqual([]);
  });

  it('the extent of one day reads that day alone', () => {
    const q = dataRangeExtent.build(athena('projected-date'), { days: ['2026-11-19'] }).toQuery();
    expect(q.params).toEqual(['2026/11/19', '2026/11/19']);
    expectValidTrino(q.sql, q.params);
  });

  it('refuses what is not a day, or days in the wrong order', () => {
    expect(() => dataRangeProbe.params.parse({ firstDay: "2024-01-01' OR 1=1", lastDay: '2024-01-02' })).toThrow();
    expect(() => dataRangeProbe.params.parse({ firstDay: '2024-01-03', lastDay: '2024-01-02' })).toThrow();
    expect(() => dataRangeExtent.params.parse({ days: [] })).toThrow();
    expect(() => athena('projected-date').deliveredOn('2024-02-30', '2024-03-01')).toThrow('Not a day');
  });
});
