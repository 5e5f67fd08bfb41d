/**
 * Entry point used by lib/engine/index.ts (loaded lazily, so DuckDB-only installs never load the
 * AWS SDK): the Athena connection configured from the validated TRAILSCOPE_ATHENA_* settings.
 */
import type { Connection } from '@/lib/engine/types';
import type { Env } from '@/lib/env';
import { athenaConfigFromEnv } from './config';
import { createAthenaConnection } from './connection';

export function createAthenaConnectionFromEnv(e: Env): Connection {
  return createAthenaConnection(athenaConfigFromEnv(e));
}
