import type { Dialect } from './dialect';
import { engineFailureDigest } from './failure-digest';
import type { TableShape } from './table-shape';
import type { SqlParam } from '@/lib/sql/sql';

export const ENGINE_NAMES = ['duckdb', 'athena', 'trino'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/**
 * The engines that query the organisation's own CloudTrail table where it lies (Athena's columns,
 * Trino SQL, gzipped JSON in S3), as opposed to DuckDB's ingested copy. What follows from that, for
 * every member alike: one dialect (lib/engine/athena/dialect.ts), raw records rebuilt from the
 * columns (there is no stored raw JSON), and a query costs the files of every day it touches (money
 * on Athena, cluster time on Trino), so whole-trail questions are bounded to a look-back window.
 */
export const TRINO_FAMILY = ['athena', 'trino'] as const satisfies readonly EngineName[];
export type TrinoFamilyEngine = (typeof TRINO_FAMILY)[number];

/** JSON-safe cell values: engines convert BIGINT to number and timestamps to ISO-8601 strings. */
export type Cell = string | number | boolean | null | Cell[] | { [key: string]: Cell };
export type Row = Record<string, Cell>;

export interface QueryRequest {
  sql: string;
  params?: readonly SqlParam[];
  /** Free-form labels for tracing and the "show SQL" panel, e.g. { panel: 'events-search' }. */
  tags?: Record<string, string>;
  signal?: AbortSignal;
}

export interface QueryStats {
  engine: EngineName;
  elapsedMs: number;
  /** Bytes the engine read; null where the engine does not report it. */
  bytesScanned: number | null;
  /** What the query cost in USD (Athena: 5 USD per TB, rounded up to the MB, 10 MB minimum). */
  costUsd: number | null;
  queryId: string | null;
  rowCount: number;
  /** Served from Trailscope's cache of an earlier run of this query: nothing was read or billed now. */
  cached?: boolean;
}

export interface QueryResult<R = Row> {
  rows: R[];
  stats: QueryStats;
  sql: string;
  params: readonly SqlParam[];
}

/** An engine carries its dialect and its executor together so SQL and executor cannot disagree. */
export interface Connection {
  readonly dialect: Dialect;
  /**
   * The CloudTrail table's shape where the engine reads one over S3 (Athena: from its metadata when
   * the connection opened); absent for the embedded store, whose columns Trailscope writes itself.
   */
  readonly tableShape?: TableShape;
  query(request: QueryRequest): Promise<QueryResult>;
  close(): Promise<void>;
}

export interface EngineErrorDetails {
  queryId?: string;
  sql?: string;
  params?: readonly SqlParam[];
  cause?: unknown;
  /**
   * What the failed query read and what it costs, where the engine bills per query: Athena bills a
   * cancelled, timed-out or workgroup-limited query for the data scanned before it stopped, and a
   * failed one not at all (costUsd 0).
   */
  stats?: QueryStats;
}

/** Thrown for every engine failure, with a message fit for the user and a stable code. */
export class EngineError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'QUERY_FAILED'
      | 'CANCELLED'
      | 'THROTTLED'
      | 'ACCESS_DENIED'
      | 'TIMEOUT'
      | 'CONFIG'
      | 'NO_DATA',
    readonly details?: EngineErrorDetails,
  ) {
    super(message);
    this.name = 'EngineError';
    this.digest = engineFailureDigest(message, code, details);
  }

  /** What a page's error boundary is given in place of the message Next hides (failure-digest.ts). */
  readonly digest: string;

  // By name, not prototype: Next may bundle this module twice, and an error from one copy must
  // still be recognised by the other (else an engine failure would surface as a 500).
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'EngineError';
  }
}
