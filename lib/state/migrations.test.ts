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
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('applies pending migrations once', async () => {
    const connection = await memory();
    await migrate(connection);
    const once = await tables(connection);
    await migrate(connection);
    expect(await tables(connection)).toEqual(once);
    // Named rather than listed in full, so the next migration does not have to edit this test.
    expect(once).toEqual(expect.arrayContaining(['schema_migrations', 'users', 'findings']));
  });

  it('rolls back a failing migration and records nothing for it', async () => {
    const connection = await memory();
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); SELECT * FROM missing_table' },
    ];
    const shipped = await memory();
    await migrate(shipped);
    await expect(migrate(connection, broken)).rejects.toThrow(/broken/);
    expect(await tables(connection)).toEqual(await tables(shipped));
    expect(await tables(connection)).not.toContain('half');
    const reader = await connection.runAndReadAll('SELECT max(version) AS v FROM schema_migrations');
    expect(reader.getRowObjectsJS()[0]?.v).toBe(MIGRATIONS.length);
  });
});
