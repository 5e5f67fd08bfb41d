import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { storeLayout } from '@/lib/event-store/layout';
import { manifestToken, readManifest } from '@/lib/event-store/manifest';
import { EMPTY_TABLES, storeViews } from './store-views';
import { duckdbDialect } from './dialect';
import { cellConverter } from './cells';
import { EngineError, type Connection, type QueryRequest, type QueryResult, type Row } from '../types';

/**
 * The embedded engine: an in-memory DuckDB whose `cloudtrail_logs` view reads the store's
 * parquet segments. It never writes them (ingest is the one writer), so the app and an ingest
 * run side by side; when ingest swaps the manifest, the next query re-points the view.
 */
export async function createDuckDbConnection(options: { dataDir: string; threads?: number }): Promise<Connection> {
  const layout = storeLayout(options.dataDir);
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads ?? 2),
    memory_limit: '2GB',
  });
  const admin = await instance.connect();
  let viewToken = '';
  let refreshing: Promise<void> | null = null;

  const refreshView = async () => {
    const token = await manifestToken(layout);
    if (token === viewToken) return;
    const manifest = await readManifest(layout);
    for (const statement of [...EMPTY_TABLES, ...storeViews(layout, manifest)]) await admin.run(statement);
    viewToken = token;
  };

  const ensureView = async () => {
    // One refresh at a time; concurrent queries wait for it rather than racing CREATE VIEW.
    while (refreshing) await refreshing;
    refreshing = refreshView().finally(() => {
      refreshing = null;
    });
    await refreshing;
  };

  return {
    dialect: duckdbDialect,
    async query(request: QueryRequest): Promise<QueryResult> {
      const started = performance.now();
      if (request.signal?.aborted) throw new EngineError('The query was cancelled.', 'CANCELLED');
      await ensureView();
      const conn = await DuckDBConnection.create(instance);
      const onAbort = () => conn.interrupt();
      request.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const reader = await conn.runAndReadAll(request.sql, (request.params ?? []) as DuckDBValue[]);
        const rows = reader.convertRowObjects(cellConverter) as Row[];
        return {
          rows,
          sql: request.sql,
          params: request.params ?? [],
          stats: {
            engine: 'duckdb',
            elapsedMs: Math.round(performance.now() - started),
            bytesScanned: null,
            costUsd: null,
            queryId: null,
            rowCount: rows.length,
          },
        };
      } catch (error) {
        if (request.signal?.aborted) throw new EngineError('The query was cancelled.', 'CANCELLED', { sql: request.sql });
        const message = error instanceof Error ? error.message : String(error);
        throw new EngineError(`The embedded engine could not run the query: ${message}`, 'QUERY_FAILED', {
          sql: request.sql,
          cause: error,
        });
      } finally {
        request.signal?.removeEventListener('abort', onAbort);
        conn.closeSync();
      }
    },
    async close() {
      admin.closeSync();
      instance.closeSync();
    },
  };
}
