import { env } from '@/lib/env';
import { createDuckDbConnection } from './duckdb/connection';
import type { Connection } from './types';

type Holder = { connection?: Promise<Connection> };
// Next can evaluate a module more than once per process; one engine per process, kept on globalThis.
const holder = globalThis as typeof globalThis & { __trailscopeEngine?: Holder };

async function create(): Promise<Connection> {
  const e = env();
  if (e.TRAILSCOPE_ENGINE === 'athena') {
    const { createAthenaConnectionFromEnv } = await import('./athena/from-env');
    return createAthenaConnectionFromEnv(e);
  }
  if (e.TRAILSCOPE_ENGINE === 'trino') {
    const { createTrinoConnectionFromEnv } = await import('./trino/from-env');
    return createTrinoConnectionFromEnv(e);
  }
  return createDuckDbConnection({ dataDir: e.TRAILSCOPE_DATA_DIR });
}

/** The process's engine, chosen by TRAILSCOPE_ENGINE. Every query in the app goes through it. */
export function getConnection(): Promise<Connection> {
  const h = (holder.__trailscopeEngine ??= {});
  h.connection ??= create().catch((error: unknown) => {
    h.connection = undefined;
    throw error;
  });
  return h.connection;
}
