import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, type Migration } from './migrations';

async function memory() {
  const instance = await DuckDBInstance.create(':memory:');
  return instance.connect();
}

async function tables(connection: Awaited<ReturnType<typeof memory>>) {
  const reader = await connection.runAndReadAll("SELECT table_name FROM information_schema.tables ORDER BY table_name");
  return reader.getRowObjectsJS().map((r) => r.table_name);
}

describe('migrate', () => {
  it('numbers migrations uniquely and in order', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    expect(versions.every((v) => Number.isInteger(v) && v > 0)).toBe(true);
  });

  it('applies a migration whose lower number arrives after a higher one was applied', async () => {
    const connection = await memory();
    const early: Migration[] = [
      { version: 1, name: 'one', sql: 'CREATE TABLE one (x INTEGER)' },
      { version: 3, name: 'three', sql: 'CREATE TABLE three (x INTEGER)' },
    ];
    await migrate(connection, early);
    await migrate(connection, [...early, { version: 2, name: 'two', sql: 'CREATE TABLE two (x INTEGER)' }].sort((a, b) => a.version - b.version));
    expect(await tables(connection)).toEqual(['one', 'schema_migrations', 'three', 'two']);
    const reader = await connection.runAndReadAll('SELECT version FROM schema_migrations ORDER BY version');
    expect(reader.getRowObjectsJS().map((r) => r.version)).toEqual([1, 2, 3]);
  });

  it('applies pending migrations once', async () => {
    const connection = await memory();
    await migrate(connection);
    const once = await tables(connection);
    await migrate(connection);
    expect(await tables(connection)).toEqual(once);
    // Named rather than listed in full, so the next migration does not have to edit this test.
    expect(once).toEqual(expect.arrayContaining(['schema_migrations', 'users', 'findings', 'audit_log']));
  });

  it('rolls back a failing migration and records nothing for it', async () => {
    const connection = await memory();
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: latest + 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); SELECT * FROM missing_table' },
    ];
    const shipped = await memory();
    await migrate(shipped);
    await expect(migrate(connection, broken)).rejects.toThrow(/broken/);
    expect(await tables(connection)).toEqual(await tables(shipped));
    expect(await tables(connection)).not.toContain('half');
    const reader = await connection.runAndReadAll('SELECT max(version) AS v FROM schema_migrations');
    expect(reader.getRowObjectsJS()[0]?.v).toBe(latest);
  });
});
