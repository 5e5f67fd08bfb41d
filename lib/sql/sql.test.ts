import { describe, expect, it } from 'vitest';
import { allow, join, sql, trusted } from './sql';

describe('sql tagged template', () => {
  it('turns every interpolated value into a positional parameter', () => {
    const q = sql`SELECT * FROM t WHERE a = ${"x' OR 1=1 --"} AND b = ${42}`.toQuery();
    expect(q.sql).toBe('SELECT * FROM t WHERE a = ? AND b = ?');
    expect(q.params).toEqual(["x' OR 1=1 --", 42]);
  });

  it('flattens nested fragments keeping parameter order', () => {
    const inner = sql`c IN (${1}, ${2})`;
    const q = sql`SELECT ${'a'} WHERE ${inner} AND d = ${3}`.toQuery();
    expect(q.sql).toBe('SELECT ? WHERE c IN (?, ?) AND d = ?');
    expect(q.params).toEqual(['a', 1, 2, 3]);
  });

  it('joins fragments with a separator', () => {
    const q = join([sql`a = ${1}`, sql`b = ${2}`, sql`c`], ' AND ').toQuery();
    expect(q.sql).toBe('a = ? AND b = ? AND c');
    expect(q.params).toEqual([1, 2]);
    expect(join([], ',').toQuery().sql).toBe('');
  });

  it('splices only allowlisted text', () => {
    expect(sql`date_trunc('${trusted(allow('hour', ['hour', 'day']))}', x)`.toQuery().sql).toBe("date_trunc('hour', x)");
    expect(() => allow("hour'); DROP TABLE x; --", ['hour', 'day'])).toThrow(/not allowed/);
    expect(() => trusted(Number.NaN)).toThrow();
  });
});

describe('fragments from another copy of this module', () => {
  it('are still spliced as SQL, not bound as values', async () => {
    const copy = (await import(`./sql?copy=${Date.now()}`)) as typeof import('./sql');
    const q = sql`SELECT 1 FROM ${copy.sql`cloudtrail_logs`} WHERE a = ${1}`.toQuery();
    expect(q.sql).toBe('SELECT 1 FROM cloudtrail_logs WHERE a = ?');
    expect(q.params).toEqual([1]);
  });
});
