/**
 * Entry point used by lib/engine/index.ts (loaded lazily, so DuckDB-only installs never load the
 * AWS SDK): the Athena connection configured from the validated TRAILSCOPE_ATHENA_* settings,
 * opened after reading the table's metadata (open.ts).
 */
import type { Connection } from '@/lib/engine/types';
import type { Env } from '@/lib/env';
import { athenaConfigFromEnv } from './config';
import { openAthenaConnection } from './open';

export function createAthenaConnectionFromEnv(e: Env): Promise<Connection> {
  return openAthenaConnection(athenaConfigFromEnv(e));
}
