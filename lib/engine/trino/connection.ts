/**
 * The Trino `Connection`: the one chokepoint through which Trailscope runs SQL on a Trino or
 * Starburst cluster. Binding, timing, bytes read, cancellation, resubmission and error mapping
 * happen here.
 */
import type { OptionalColumnPath } from '@/lib/cloudtrail/columns';
import type { TableShape } from '@/lib/engine/table-shape';
import type { Query, QueryStats as TrinoStats, Trino } from 'trino-client';
import { createAthenaDialect } from '@/lib/engine/athena/dialect';
import { assertParameterCount, placeholderPositions, toSqlLiteral } from '@/lib/engine/athena/parameters';
import { EngineError, type Connection, type QueryRequest, type QueryResult } from '@/lib/engine/types';
import type { SqlParam } from '@/lib/sql/sql';
import { rowConverter, type TrinoColumn } from './cells';
import { cancelQuietly, openTrino } from './client';
import { DEFAULT_TRINO_TIMEOUT_MS, type TrinoConfig } from './config';
import { fromQueryError, fromTransportError, type TrinoQueryError } from './errors';

/**
 * The statement sent for SQL with `?` placeholders: `EXECUTE IMMEDIATE '<sql>' USING <literal>, …`
 * (Trino ≥ 418), one request whose values Trino binds as Athena binds ExecutionParameters, each
 * rendered by the one function that writes bound values as Trino literals. Without values the SQL
 * goes as it is, so the cluster's query history shows it plainly.
 */
export function boundStatement(sql: string, params: readonly SqlParam[]): string {
  assertParameterCount(placeholderPositions(sql).length, params.length);
  if (params.length === 0) return sql;
  return `EXECUTE IMMEDIATE ${toSqlLiteral(sql)} USING ${params.map(toSqlLiteral).join(', ')}`;
}

/**
 * Tags become Trino client tags (`panel=events-search`): the query history shows them and resource
 * groups can match them. Tags are comma-separated in the header, so only a safe set survives.
 */
export function clientTags(tags: Record<string, string> | undefined): Record<string, string> {
  const parts = Object.entries(tags ?? {})
    .map(([k, v]) => `${k}=${v}`.replace(/[^A-Za-z0-9_.:=/@-]/g, '_'))
    .filter((p) => p.length > 1);
  return parts.length > 0 ? { 'X-Trino-Client-Tags': parts.join(',') } : {};
}

class QueryFailed extends Error {
  override name = 'QueryFailed';
  queryId: string | undefined;
  constructor(readonly error: TrinoQueryError) {
    super(error.message);
  }
}

interface Collected {
  columns: TrinoColumn[];
  data: unknown[][];
  stats?: TrinoStats;
}

/** Follows the query to its last page. A failed query's `error` comes on its last page. */
async function collect(trino: Trino, query: Query): Promise<Collected> {
  const pages = await trino.query(query);
  const data: unknown[][] = [];
  let columns: TrinoColumn[] | undefined;
  for (;;) {
    // After the last page the iterator repeats it with done=true: its rows are already taken.
    const { value, done } = await pages.next();
    if (value.error) throw new QueryFailed(value.error);
    columns ??= value.columns as TrinoColumn[] | undefined;
    if (done) return { columns: columns ?? [], data, stats: value.stats };
    for (const row of value.data ?? []) data.push(row as unknown[]);
  }
}

/** Why a query was stopped from our side. */
type StopReason = 'cancelled' | 'timeout' | 'closed';

class Stopped extends Error {
  override name = 'Stopped';
  constructor(
    readonly reason: StopReason,
    readonly queryId: string | undefined,
  ) {
    super(reason);
  }
}

// How long a stop waits for the POST to name the query it must cancel.
const ID_WAIT_MS = 2_000;

/**
 * Failures that happen before a query runs, when a coordinator is starting, or its only worker
 * briefly drops out of discovery: submitted again (as Athena's throttled starts are) a few times.
 */
const NOT_STARTED = new Set(['NO_NODES_AVAILABLE', 'SERVER_STARTING_UP']);
const RESUBMISSIONS = 3;
const RESUBMIT_BASE_MS = 500;

function bytesRead(stats: TrinoStats | undefined): number | null {
  // Bytes read from storage (compressed, as Athena's DataScannedInBytes); a string past 2^53.
  const bytes = Number(stats?.physicalInputBytes);
  return Number.isFinite(bytes) ? bytes : null;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * One submission: its own trino-client, whose requests `stop` aborts. A stopped query is cancelled
 * on the cluster (DELETE), not abandoned, and surfaces as `Stopped`.
 */
async function execute(config: TrinoConfig, query: Query, stop: AbortSignal): Promise<Collected & { queryId: string | undefined }> {
  const http = new AbortController();
  let queryId: string | undefined;
  let idKnown: (id: string) => void = () => undefined;
  const idPromise = new Promise<string>((resolve) => (idKnown = resolve));
  const trino = openTrino(config, {
    signal: http.signal,
    onResponse: (body) => {
      const id = (body as { id?: unknown } | null)?.id;
      if (queryId === undefined && typeof id === 'string') {
        queryId = id;
        idKnown(id);
      }
    },
  });
  const run = collect(trino, query);
  const stopped = new Promise<never>((_, reject) => stop.addEventListener('abort', () => reject(new Error('stopped')), { once: true }));
  // Whichever loses the race below settles unobserved.
  run.catch(() => undefined);
  stopped.catch(() => undefined);
  try {
    return { ...(await Promise.race([run, stopped])), queryId };
  } catch (err) {
    if (!stop.aborted) {
      if (err instanceof QueryFailed) err.queryId = queryId;
      throw err;
    }
    // The POST may still be on its way: wait briefly for the id, so the query is cancelled rather
    // than left to run until the cluster notices nobody polls it (query.client.timeout).
    const id = queryId ?? (await Promise.race([idPromise, new Promise<undefined>((r) => setTimeout(r, ID_WAIT_MS))]));
    http.abort();
    if (id !== undefined) await cancelQuietly(config, id);
    throw new Stopped(stop.reason as StopReason, id);
  }
}

/** Creates the Trino connection: the one chokepoint through which Trailscope runs SQL on Trino. */
export function createTrinoConnection(config: TrinoConfig, table?: { shape?: TableShape; missingColumns: readonly OptionalColumnPath[] }): Connection {
  const dialect = createAthenaDialect(
    { catalog: config.catalog, database: config.schema, table: config.table, partitioning: config.partitioning, missingColumns: table?.missingColumns },
    'trino',
  );
  const timeoutMs = config.timeoutMs ?? DEFAULT_TRINO_TIMEOUT_MS;
  const running = new Set<AbortController>();
  let closed = false;

  async function query(request: QueryRequest): Promise<QueryResult> {
    if (closed) throw new EngineError('The Trino connection is closed', 'CONFIG');
    const params = request.params ?? [];
    const statement = { query: boundStatement(request.sql, params), extraHeaders: clientTags(request.tags) };
    if (request.signal?.aborted) throw new EngineError('Query cancelled before it started', 'CANCELLED', { sql: request.sql });

    const started = performance.now();
    const stop = new AbortController();
    const stopWith = (reason: StopReason) => () => stop.abort(reason);
    const onCallerAbort = stopWith('cancelled');
    const timer = setTimeout(stopWith('timeout'), timeoutMs);
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });
    running.add(stop);
    const ctx = (queryId: string | undefined) => ({ url: config.url, queryId, sql: request.sql });

    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const { columns, data, stats, queryId } = await execute(config, statement, stop.signal);
          const rows = data.map(rowConverter(columns));
          return {
            rows,
            sql: request.sql,
            params,
            stats: {
              engine: 'trino',
              elapsedMs: Math.round(performance.now() - started),
              bytesScanned: bytesRead(stats),
              costUsd: null,
              queryId: queryId ?? null,
              rowCount: rows.length,
            },
          };
        } catch (err) {
          if (err instanceof QueryFailed && NOT_STARTED.has(err.error.errorName) && attempt < RESUBMISSIONS) {
            await sleep(RESUBMIT_BASE_MS * 2 ** attempt, stop.signal);
            if (!stop.signal.aborted) continue;
            throw new Stopped(stop.signal.reason as StopReason, undefined);
          }
          throw err;
        }
      }
    } catch (err) {
      if (err instanceof Stopped) {
        if (err.reason === 'timeout') {
          throw new EngineError(
            `Trino query did not finish within ${Math.round(timeoutMs / 1000)} s and was cancelled; narrow the time range or raise TRAILSCOPE_TRINO_TIMEOUT_SECONDS`,
            'TIMEOUT',
            ctx(err.queryId),
          );
        }
        const why = err.reason === 'closed' ? 'the connection was closed' : 'the request was cancelled';
        throw new EngineError(`Query cancelled (${why}); Trailscope asked Trino to stop it`, 'CANCELLED', ctx(err.queryId));
      }
      if (err instanceof QueryFailed) throw fromQueryError(err.error, ctx(err.queryId));
      throw fromTransportError(err, ctx(undefined));
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCallerAbort);
      running.delete(stop);
    }
  }

  return {
    dialect,
    query,
    tableShape: table?.shape,
    async close() {
      closed = true;
      for (const stop of running) stop.abort('closed' satisfies StopReason);
    },
  };
}
