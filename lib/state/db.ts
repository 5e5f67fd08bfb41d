import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { env } from '@/lib/env';
import { migrate } from './migrations';
import { ensurePrivateDir, makePrivate } from './private-files';

/**
 * The app-state store: one embedded DuckDB file beside the event data, for what Trailscope itself
 * owns (users now; findings, settings and saved lists later). CloudTrail events live elsewhere.
 *
 * DuckDB takes an exclusive lock on the file, so a process opens it once and shares it. Next can
 * evaluate this module more than once per process (proxy, route and RSC bundles), so the instance
 * is cached on globalThis rather than in a module variable.
 */

const STATE_FILE = 'state.duckdb';

interface StateDbCache {
  opening?: Promise<DuckDBInstance>;
}

const cache = globalThis as typeof globalThis & { __trailscopeStateDb?: StateDbCache };

function stateCache(): StateDbCache {
  cache.__trailscopeStateDb ??= {};
  return cache.__trailscopeStateDb;
}

export function stateDbPath(): string {
  return path.join(env().TRAILSCOPE_DATA_DIR, STATE_FILE);
}

async function open(file: string): Promise<DuckDBInstance> {
  ensurePrivateDir(path.dirname(file));
  const instance = await DuckDBInstance.create(file);
  for (const own of [file, `${file}.wal`]) makePrivate(own);
  const connection = await instance.connect();
  try {
    await migrate(connection);
  } finally {
    connection.closeSync();
  }
  return instance;
}

function stateDb(): Promise<DuckDBInstance> {
  const c = stateCache();
  if (!c.opening) {
    const opening = open(stateDbPath());
    // A failed open (locked file, bad migration) must not be cached: the next call retries.
    opening.catch(() => {
      if (c.opening === opening) c.opening = undefined;
    });
    c.opening = opening;
  }
  return c.opening;
}

/** The state file is open in another process (the app, while a CLI tries): DuckDB allows one. */
export function isStateLockedElsewhere(error: unknown): boolean {
  return error instanceof Error && /Could not set lock on file/.test(error.message);
}

/**
 * Runs `fn` on a fresh connection. Connections are cheap in DuckDB and one per call keeps
 * concurrent requests from sharing a transaction.
 */
export async function withStateConnection<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const connection = await (await stateDb()).connect();
  try {
    return await fn(connection);
  } finally {
    connection.closeSync();
  }
}

/**
 * Releases the file lock. CLIs (demo, e2e) that bootstrap state and then start the server must
 * call this first, or the server cannot open the file.
 */
export async function closeStateDb(): Promise<void> {
  const c = stateCache();
  const opening = c.opening;
  c.opening = undefined;
  if (!opening) return;
  const instance = await opening.catch(() => undefined);
  instance?.closeSync();
}
