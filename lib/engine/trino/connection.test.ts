import { describe, expect, it } from 'vitest';
import { expectValidTrino } from '@/lib/sql/trino-parse';
import { boundStatement, clientTags, createTrinoConnection } from './connection';

describe('boundStatement', () => {
  it('sends SQL without values as it is', () => {
    expect(boundStatement("SELECT '?' AS q -- ?\nFROM t", [])).toBe("SELECT '?' AS q -- ?\nFROM t");
  });

  it('binds values with EXECUTE IMMEDIATE, the SQL and each value written as Trino literals', () => {
    const statement = boundStatement("SELECT x FROM t WHERE a = ? AND b = ? AND c = 'it''s' AND d = ? AND e = ?", ["o'brien", 42, 0.5, null]);
    expect(statement).toBe("EXECUTE IMMEDIATE 'SELECT x FROM t WHERE a = ? AND b = ? AND c = ''it''''s'' AND d = ? AND e = ?' USING 'o''brien', 42, 5e-1, NULL");
    expectValidTrino(statement, []);
  });

  it('refuses a count mismatch before anything is sent', () => {
    expect(() => boundStatement('SELECT ?', [])).toThrow('The query has 1 placeholder(s) but 0 bound value(s)');
    expect(() => boundStatement('SELECT 1', [1])).toThrow('The query has 0 placeholder(s) but 1 bound value(s)');
  });
});

describe('clientTags', () => {
  it('sends tags as Trino client tags, with nothing that could split or end the header', () => {
    expect(clientTags({ panel: 'events-search', note: 'a,b\r\nX-Evil: 1' })).toEqual({ 'X-Trino-Client-Tags': 'panel=events-search,note=a_b__X-Evil:_1' });
    expect(clientTags(undefined)).toEqual({});
  });
});

describe('createTrinoConnection', () => {
  it('speaks the Athena dialect under its own name, over the configured table', () => {
    const conn = createTrinoConnection({ url: 'http://127.0.0.1:1', catalog: 'hive', schema: 'security', table: 'cloudtrail_logs', partitioning: 'projected-date' });
    expect(conn.dialect.name).toBe('trino');
    expect(conn.dialect.table.toQuery().sql).toBe('"hive"."security"."cloudtrail_logs"');
    expect(conn.dialect.timeRange('2024-01-02T00:00:00Z', '2024-01-03T00:00:00Z').toQuery().sql).toContain('"timestamp" BETWEEN');
  });

  it('refuses a table name that is not an identifier', () => {
    expect(() => createTrinoConnection({ url: 'http://127.0.0.1:1', catalog: 'hive', schema: 'a"b', table: 't', partitioning: 'none' })).toThrow(RangeError);
  });
});
