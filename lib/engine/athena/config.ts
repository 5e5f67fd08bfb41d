/**
 * Settings of the Athena engine, read from the typed env once (lib/env.ts) and passed down, so the
 * connection itself never touches process.env and tests can build configs directly.
 */
import { AthenaClient } from '@aws-sdk/client-athena';
import type { AthenaPartitioning, Env } from '@/lib/env';

export interface AthenaTiming {
  /** First GetQueryExecution poll delay; doubles up to `pollMaxMs`. */
  pollInitialMs: number;
  pollMaxMs: number;
  /** StartQueryExecution attempts after the first when Athena throttles. */
  throttleRetries: number;
  /** Base of the jittered exponential back-off between those attempts. */
  throttleBaseMs: number;
  /** Rows per GetQueryResults page (the API's maximum is 1000). */
  pageSize: number;
  /** After stopping a query, how long to wait for its final state and bytes scanned (what it cost). */
  stopSettleMs: number;
}

export const DEFAULT_TIMING: AthenaTiming = {
  pollInitialMs: 100,
  pollMaxMs: 2_000,
  throttleRetries: 3,
  throttleBaseMs: 250,
  pageSize: 1_000,
  stopSettleMs: 5_000,
};

export interface AthenaConfig {
  /** AWS region of the Athena workgroup; undefined lets the SDK's default chain decide. */
  region?: string;
  /** API endpoint override (VPC or FIPS endpoint, or a local Athena); undefined: the region's. */
  endpoint?: string;
  catalog: string;
  database: string;
  table: string;
  workgroup: string;
  /** s3:// URI for results; undefined uses the workgroup's configured location. */
  outputLocation?: string;
  partitioning: AthenaPartitioning;
  /** Wall-clock limit from submission to the last result page, queue time included. */
  timeoutMs: number;
  timing?: Partial<AthenaTiming>;
}

/** The SDK client for a config: its region and endpoint, credentials from the SDK's default chain. */
export function athenaClientFor(config: AthenaConfig): AthenaClient {
  return new AthenaClient({
    ...(config.region ? { region: config.region } : {}),
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
  });
}

export function athenaConfigFromEnv(e: Env): AthenaConfig {
  return {
    region: e.AWS_REGION,
    endpoint: e.TRAILSCOPE_ATHENA_ENDPOINT,
    catalog: e.TRAILSCOPE_ATHENA_CATALOG,
    database: e.TRAILSCOPE_ATHENA_DATABASE,
    table: e.TRAILSCOPE_ATHENA_TABLE,
    workgroup: e.TRAILSCOPE_ATHENA_WORKGROUP,
    outputLocation: e.TRAILSCOPE_ATHENA_OUTPUT_LOCATION,
    partitioning: e.TRAILSCOPE_ATHENA_PARTITIONING,
    timeoutMs: e.TRAILSCOPE_ATHENA_TIMEOUT_SECONDS * 1000,
  };
}
