/**
 * The Athena query lifecycle: StartQueryExecution (retried when throttled), GetQueryExecution
 * polling with exponential back-off, paged GetQueryResults, and StopQueryExecution when the caller
 * gives up. Athena is asynchronous: a query keeps running (and billing) after we stop waiting
 * unless we stop it, so every early exit after a successful start goes through `stopQuietly`.
 */
import {
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type AthenaClient,
  type QueryExecution,
  type StartQueryExecutionCommandInput,
} from '@aws-sdk/client-athena';
import { EngineError, type QueryStats, type Row } from '@/lib/engine/types';
import type { AthenaTiming } from './config';
import { isBilled, queryCostUsd } from './cost';
import { fromSdkError, isThrottling, type ErrorContext } from './errors';
import { columnsOf, convertRows, type Column } from './results';

/** Thrown inside the lifecycle when the caller's signal fires; the connection maps it. */
export class Aborted extends Error {
  override name = 'Aborted';
}

/** Thrown inside the lifecycle when the deadline passes; the connection maps it. */
export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
}

export interface Lifecycle {
  client: AthenaClient;
  timing: AthenaTiming;
  /** Epoch ms after which we stop waiting. */
  deadline: number;
  signal?: AbortSignal;
  /** Injected for deterministic jitter in tests. */
  random?: () => number;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function checkpoint(lc: Lifecycle): void {
  if (lc.signal?.aborted) throw new Aborted();
  if (Date.now() >= lc.deadline) throw new DeadlineExceeded();
}

/** "Equal jitter": half the exponential delay fixed, half random, so retries from many tabs spread out. */
function backoff(lc: Lifecycle, attempt: number): number {
  const exp = lc.timing.throttleBaseMs * 2 ** attempt;
  return exp / 2 + ((lc.random ?? Math.random)() * exp) / 2;
}

async function withThrottleRetry<T>(lc: Lifecycle, ctx: ErrorContext, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!isThrottling(err) || attempt >= lc.timing.throttleRetries) throw fromSdkError(err, ctx);
      await sleep(backoff(lc, attempt), lc.signal);
    }
  }
}

/** Submits the query; returns its QueryExecutionId. Throttling is retried a few times. */
export async function startQuery(lc: Lifecycle, input: StartQueryExecutionCommandInput): Promise<string> {
  const ctx = { sql: input.QueryString };
  // One token for all attempts: should a throttled-looking attempt have been accepted after all,
  // Athena returns the same execution instead of starting a second, billed one.
  const withToken = { ...input, ClientRequestToken: input.ClientRequestToken ?? crypto.randomUUID() };
  const out = await withThrottleRetry(lc, ctx, () => lc.client.send(new StartQueryExecutionCommand(withToken)));
  if (!out.QueryExecutionId) throw new EngineError('Athena accepted the query but returned no QueryExecutionId', 'QUERY_FAILED', ctx);
  return out.QueryExecutionId;
}

const FINAL_STATES = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** Whether Athena is done with the query (its statistics are final). */
export function isFinal(execution: QueryExecution | undefined): execution is QueryExecution {
  return FINAL_STATES.has(execution?.Status?.State ?? '');
}

/**
 * Polls until the query reaches a final state (SUCCEEDED, FAILED or CANCELLED) and returns that
 * execution: its statistics say what the query cost, whichever way it ended.
 */
export async function waitForQuery(lc: Lifecycle, queryId: string, ctx: ErrorContext): Promise<QueryExecution> {
  let delay = lc.timing.pollInitialMs;
  for (;;) {
    checkpoint(lc);
    let execution: QueryExecution | undefined;
    try {
      execution = (await lc.client.send(new GetQueryExecutionCommand({ QueryExecutionId: queryId }))).QueryExecution;
    } catch (err) {
      // A throttled poll is not a failed query: wait longer and ask again.
      if (!isThrottling(err)) throw fromSdkError(err, ctx);
    }
    if (isFinal(execution)) return execution;
    // QUEUED or RUNNING (Athena may move a query from RUNNING back to QUEUED on transient errors).
    const remaining = lc.deadline - Date.now();
    if (remaining <= 0) throw new DeadlineExceeded();
    await sleep(Math.min(delay, remaining), lc.signal);
    delay = Math.min(delay * 2, lc.timing.pollMaxMs);
  }
}

/**
 * After StopQueryExecution: the execution once Athena has settled it (usually CANCELLED), polled
 * for at most `timing.stopSettleMs` and regardless of the caller's signal, since the point is to
 * learn what the stopped query scanned. Returns the last execution seen (possibly still RUNNING,
 * with the bytes read so far), or undefined when Athena could not be asked.
 */
export async function settleAfterStop(lc: Lifecycle, queryId: string): Promise<QueryExecution | undefined> {
  const until = Date.now() + lc.timing.stopSettleMs;
  let delay = lc.timing.pollInitialMs;
  let last: QueryExecution | undefined;
  for (;;) {
    try {
      last = (await lc.client.send(new GetQueryExecutionCommand({ QueryExecutionId: queryId }))).QueryExecution ?? last;
    } catch {
      // Throttled or refused: keep what we have; the bound below still ends the wait.
    }
    if (isFinal(last)) return last;
    const remaining = until - Date.now();
    if (remaining <= 0) return last;
    await sleep(Math.min(delay, remaining));
    delay = Math.min(delay * 2, lc.timing.pollMaxMs);
  }
}

/** Reads every result page; the first row of the first page is the header and is skipped. */
export async function fetchResults(lc: Lifecycle, queryId: string, ctx: ErrorContext): Promise<Row[]> {
  const rows: Row[] = [];
  let columns: Column[] = [];
  let nextToken: string | undefined;
  let first = true;
  do {
    checkpoint(lc);
    const token = nextToken;
    const page = await withThrottleRetry(lc, ctx, () =>
      lc.client.send(new GetQueryResultsCommand({ QueryExecutionId: queryId, NextToken: token, MaxResults: lc.timing.pageSize })),
    );
    if (first) columns = columnsOf(page.ResultSet?.ResultSetMetadata?.ColumnInfo);
    for (const row of convertRows(columns, page.ResultSet?.Rows ?? [], first)) rows.push(row);
    first = false;
    nextToken = page.NextToken;
  } while (nextToken);
  return rows;
}

/** Best effort: the query may already have finished, and the caller's error matters more. */
export async function stopQuietly(client: AthenaClient, queryId: string): Promise<void> {
  try {
    await client.send(new StopQueryExecutionCommand({ QueryExecutionId: queryId }));
  } catch {
    // Nothing useful to do: Athena will end the query at the workgroup's limits anyway.
  }
}

/**
 * A query's stats from its execution, however it ended: bytes as Athena reports them, and the cost
 * under Athena's billing rule (a failed query costs 0; see cost.ts).
 */
export function statsOf(execution: QueryExecution | undefined, queryId: string, started: number, rowCount = 0): QueryStats {
  const bytes = execution?.Statistics?.DataScannedInBytes ?? null;
  const billed = isBilled(execution?.Status?.State, execution?.Status?.StateChangeReason);
  return { engine: 'athena', elapsedMs: Date.now() - started, bytesScanned: bytes, costUsd: billed ? queryCostUsd(bytes) : 0, queryId, rowCount };
}
