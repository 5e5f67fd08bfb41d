/**
 * The Athena `Connection`: the one chokepoint through which Trailscope runs SQL on Athena.
 * Binding, timing, bytes scanned, cost and error mapping happen here and nowhere else.
 */
import type { AthenaClient, QueryExecution } from '@aws-sdk/client-athena';
import type { OptionalColumnPath } from '@/lib/cloudtrail/columns';
import type { TableShape } from '@/lib/engine/table-shape';
import type { Connection, QueryRequest, QueryResult } from '@/lib/engine/types';
import { EngineError } from '@/lib/engine/types';
import { athenaClientFor, DEFAULT_TIMING, type AthenaConfig } from './config';
import { createAthenaDialect } from './dialect';
import { fromFinalStatus, fromSdkError, stoppedByTrailscope } from './errors';
import { Aborted, DeadlineExceeded, fetchResults, isFinal, settleAfterStop, startQuery, statsOf, stopQuietly, waitForQuery, type Lifecycle } from './execution';
import { assertParameterCount, placeholderPositions, toExecutionParameters } from './parameters';

/**
 * Tags become a leading `-- trailscope key=value` line so Athena's query history shows which panel
 * ran (and paid for) a query. A line comment, not a block comment: Athena's DDL parser rejects
 * leading block comments, and Trino accepts line comments before any statement. Only a safe
 * character set survives, so a tag can never end the comment early.
 */
export function tagComment(tags: Record<string, string> | undefined): string {
  const parts = Object.entries(tags ?? {})
    .map(([k, v]) => `${k}=${v}`.replace(/[^A-Za-z0-9_.:=/@-]/g, '_'))
    .filter((p) => p.length > 1);
  return parts.length > 0 ? `-- trailscope ${parts.join(' ')}\n` : '';
}

/** The table as its metadata describes it (open.ts reads it), so the dialect can read around gaps. */
export interface AthenaTable {
  shape: TableShape;
  missingColumns: readonly OptionalColumnPath[];
}

/**
 * Creates the Athena connection. `client` is injectable for tests (aws-sdk-client-mock) or to share
 * credentials; when omitted one is built from `config.region` and the SDK's default credential
 * chain, and destroyed by `close()`. Without `table` every declared column is assumed present
 * (open.ts's `openAthenaConnection` reads the table's metadata first).
 */
export function createAthenaConnection(config: AthenaConfig, client?: AthenaClient, table?: AthenaTable): Connection {
  const athena = client ?? athenaClientFor(config);
  const ownsClient = client === undefined;
  const timing = { ...DEFAULT_TIMING, ...config.timing };
  const dialect = createAthenaDialect({ ...config, missingColumns: table?.missingColumns });
  let closed = false;

  async function query(request: QueryRequest): Promise<QueryResult> {
    if (closed) throw new EngineError('The Athena connection is closed', 'CONFIG');
    const params = request.params ?? [];
    assertParameterCount(placeholderPositions(request.sql).length, params.length);
    const executionParameters = toExecutionParameters(params);
    if (request.signal?.aborted) throw new EngineError('Query cancelled before it started', 'CANCELLED', { sql: request.sql });

    const started = Date.now();
    const lc: Lifecycle = { client: athena, timing, deadline: started + config.timeoutMs, signal: request.signal };

    let queryId: string;
    try {
      queryId = await startQuery(lc, {
        QueryString: tagComment(request.tags) + request.sql,
        QueryExecutionContext: { Catalog: config.catalog, Database: config.database },
        WorkGroup: config.workgroup,
        ResultConfiguration: config.outputLocation ? { OutputLocation: config.outputLocation } : undefined,
        ExecutionParameters: executionParameters,
      });
    } catch (err) {
      // Aborted while waiting to retry a throttled start: nothing is running, nothing to stop.
      if (err instanceof Aborted) throw new EngineError('Query cancelled before it started', 'CANCELLED', { sql: request.sql });
      throw fromSdkError(err, { sql: request.sql });
    }

    const ctx = { queryId, sql: request.sql, params };
    let execution: QueryExecution | undefined;
    try {
      execution = await waitForQuery(lc, queryId, ctx);
      if (execution.Status?.State !== 'SUCCEEDED') throw fromFinalStatus(execution.Status, { ...ctx, stats: statsOf(execution, queryId, started) });
      const rows = await fetchResults(lc, queryId, ctx);
      return { rows, sql: request.sql, params, stats: statsOf(execution, queryId, started, rows.length) };
    } catch (err) {
      if (err instanceof Aborted || err instanceof DeadlineExceeded) {
        // Stopped queries are billed for what they scanned: learn how much before saying so.
        if (execution?.Status?.State !== 'SUCCEEDED') {
          await stopQuietly(athena, queryId);
          execution = await settleAfterStop(lc, queryId);
        }
        const stopped = { ...ctx, stats: statsOf(execution, queryId, started) };
        throw stoppedByTrailscope(err instanceof Aborted ? 'aborted' : 'timeout', config.timeoutMs, stopped, isFinal(execution));
      }
      throw fromSdkError(err, ctx);
    }
  }

  return {
    dialect,
    tableShape: table?.shape,
    query,
    async close() {
      closed = true;
      if (ownsClient) athena.destroy();
    },
  };
}
