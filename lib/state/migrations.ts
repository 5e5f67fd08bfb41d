import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Numbered, append-only schema changes for the app-state store. Never edit or reorder a shipped
 * migration: add the next number. Each runs in its own transaction with its version row, so a
 * crash leaves the store at a clean version.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users',
    sql: `
      CREATE TABLE users (
        name          VARCHAR PRIMARY KEY,
        password_hash VARCHAR,
        role          VARCHAR NOT NULL,
        created_at    TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
        updated_at    TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
      )`,
  },
];

export async function migrate(connection: DuckDBConnection, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  await connection.run(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       VARCHAR NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
    )`);
  const applied = await connection.runAndReadAll('SELECT coalesce(max(version), 0) AS version FROM schema_migrations');
  const current = Number(applied.getRowObjectsJS()[0]?.version ?? 0);

  for (const migration of migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version)) {
    await connection.run('BEGIN TRANSACTION');
    try {
      await connection.run(migration.sql);
      await connection.run('INSERT INTO schema_migrations (version, name) VALUES ($version, $name)', {
        version: migration.version,
        name: migration.name,
      });
      await connection.run('COMMIT');
    } catch (error) {
      await connection.run('ROLLBACK');
      throw new Error(`State migration ${migration.version} (${migration.name}) failed`, { cause: error });
    }
  }
}
