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
import { EngineError, type Row } from '@/lib/engine/types';
import type { AthenaTiming } from './config';
import { fromFinalStatus, fromSdkError, isThrottling, type ErrorContext } from './errors';
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

/** Polls until SUCCEEDED (returned) or FAILED/CANCELLED (thrown as EngineError). */
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
    const state = execution?.Status?.State;
    if (state === 'SUCCEEDED' && execution) return execution;
    if (state === 'FAILED' || state === 'CANCELLED') throw fromFinalStatus(execution?.Status, ctx);
    // QUEUED or RUNNING (Athena may move a query from RUNNING back to QUEUED on transient errors).
    const remaining = lc.deadline - Date.now();
    if (remaining <= 0) throw new DeadlineExceeded();
    await sleep(Math.min(delay, remaining), lc.signal);
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
