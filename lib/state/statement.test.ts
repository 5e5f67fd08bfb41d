import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { code, sql } from '@/lib/sql/sql';
import { execute, select, whereAll } from './statement';

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe('state statements', () => {
  it('binds every value: text that looks like SQL stays a value', async () => {
    await execute(connection, code('CREATE TABLE t (name VARCHAR); CREATE TABLE u (n INTEGER)'));
    const payload = "x'); DROP TABLE t; --";
    expect(await execute(connection, sql`INSERT INTO t VALUES (${payload}), (${'plain'})`)).toBe(2);
    expect(await select(connection, sql`SELECT name FROM t ${whereAll([sql`name = ${payload}`, false])}`)).toEqual([{ name: payload }]);
    expect(await select(connection, sql`SELECT count(*)::INTEGER AS n FROM t ${whereAll([false])}`)).toEqual([{ n: 2 }]);
  });

  it('WHERE joins the clauses that are set with AND, and is empty when none is', () => {
    expect(whereAll([sql`a = ${1}`, false, sql`b = ${'x'}`]).toQuery()).toEqual({ sql: 'WHERE a = ? AND b = ?', params: [1, 'x'] });
    expect(whereAll([false]).toQuery()).toEqual({ sql: '', params: [] });
  });
});
