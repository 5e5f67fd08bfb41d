import { describe, expect, it } from 'vitest';
import { toExecutionParameters } from '@/lib/engine/athena/parameters';
import { expectValidTrino } from '@/lib/sql/trino-parse';
import { inPackedList, isPackable, packValues } from './packed-list';
import { code } from './sql';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `ASIA${String(i).padStart(16, '0')}`);

describe('packed value lists', () => {
  it('pack thousands of keys into few parameters, each one Athena accepts, losing none', () => {
    const chunks = packValues(keys(5000));
    expect(chunks.length).toBeLessThan(110);
    expect(() => toExecutionParameters(chunks)).not.toThrow();
    expect(`${chunks.join('')},`).toBe(`,${keys(5000).join(',')},`);
  });

  it('build one strpos over the joined chunks, valid Trino, values bound', () => {
    const q = inPackedList(code('x'), keys(200)).toQuery();
    expect(q.params).toEqual(packValues(keys(200)));
    expect(q.params).toHaveLength(5);
    expect(q.sql).toBe("strpos(? || ? || ? || ? || ? || ',', ',' || x || ',') > 0");
    expectValidTrino(`SELECT 1 FROM t WHERE ${q.sql}`, q.params);
  });

  it('match nothing when empty, and refuse values that would break the packing', () => {
    expect(inPackedList(code('x'), []).toQuery()).toEqual({ sql: 'FALSE', params: [] });
    expect(() => packValues(['a,b'])).toThrow(/containing/);
    expect(() => packValues([''])).toThrow(/empty/);
    expect(() => packValues(['a'.repeat(1022)])).toThrow(/longer than one bound value/);
    // Key ids as sample and sanitised logs write them are packable; what would break the packing is not.
    expect(['1', 'ASIA-MOCKACCESSKEYID-1', "O'Brien"].every(isPackable)).toBe(true);
    expect(['', 'a,b', 'a'.repeat(1022)].some(isPackable)).toBe(false);
  });
});
