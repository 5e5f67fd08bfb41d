/**
 * Settings of the Trino engine, read from the typed env once (lib/env.ts) and passed down, so the
 * connection never touches process.env and tests (the conformance suite) build configs directly.
 */
import fs from 'node:fs';
import type { AthenaPartitioning, Env } from '@/lib/env';
import { EngineError } from '@/lib/engine/types';

export interface TrinoConfig {
  /** The coordinator, `https://host:port` (http on loopback; lib/env.ts decides what is allowed). */
  url: string;
  catalog: string;
  schema: string;
  table: string;
  /** How the table is partitioned; the same layouts and predicates as Athena's. */
  partitioning: AthenaPartitioning;
  /** Who queries run as. Default `trailscope`. */
  user?: string;
  /** Basic authentication; only over https. */
  password?: string;
  /** PEM text of CA certificates to trust beyond Node's (a private CA). */
  ca?: string;
  /** Wall-clock limit from submission to the last result page, queue time included. Default 300 s. */
  timeoutMs?: number;
}

export const DEFAULT_TRINO_USER = 'trailscope';
export const DEFAULT_TRINO_TIMEOUT_MS = 300_000;

export function trinoConfigFromEnv(e: Env): TrinoConfig {
  const { TRAILSCOPE_TRINO_URL: url, TRAILSCOPE_TRINO_CATALOG: catalog, TRAILSCOPE_TRINO_SCHEMA: schema } = e;
  // parseEnv refuses TRAILSCOPE_ENGINE=trino without these; this is for callers that skipped it.
  if (!url || !catalog || !schema) {
    throw new EngineError('The Trino engine needs TRAILSCOPE_TRINO_URL, TRAILSCOPE_TRINO_CATALOG and TRAILSCOPE_TRINO_SCHEMA (docs/trino.md)', 'CONFIG');
  }
  return {
    url,
    catalog,
    schema,
    table: e.TRAILSCOPE_TRINO_TABLE,
    partitioning: e.TRAILSCOPE_TRINO_PARTITIONING,
    user: e.TRAILSCOPE_TRINO_USER,
    password: e.TRAILSCOPE_TRINO_PASSWORD,
    ca: e.TRAILSCOPE_TRINO_CA_FILE === undefined ? undefined : fs.readFileSync(e.TRAILSCOPE_TRINO_CA_FILE, 'utf8'),
    timeoutMs: e.TRAILSCOPE_TRINO_TIMEOUT_SECONDS * 1000,
  };
}
