import type { Dialect } from './dialect';
import type { TableShape } from './table-shape';
import type { SqlParam } from '@/lib/sql/sql';

export const ENGINE_NAMES = ['duckdb', 'athena'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

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
    readonly details?: { queryId?: string; sql?: string; cause?: unknown },
  ) {
    super(message);
    this.name = 'EngineError';
  }

  // By name, not prototype: Next may bundle this module twice, and an error from one copy must
  // still be recognised by the other (else an engine failure would surface as a 500).
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'EngineError';
  }
}
