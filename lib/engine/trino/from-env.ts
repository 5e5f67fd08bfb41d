/**
 * Entry point used by lib/engine/index.ts (loaded lazily, so other installs never load the Trino
 * client): the Trino connection configured from the validated TRAILSCOPE_TRINO_* settings.
 */
import type { Connection } from '@/lib/engine/types';
import type { Env } from '@/lib/env';
import { trinoConfigFromEnv } from './config';
import { openTrinoConnection } from './open';

export function createTrinoConnectionFromEnv(e: Env): Promise<Connection> {
  return openTrinoConnection(trinoConfigFromEnv(e));
}
