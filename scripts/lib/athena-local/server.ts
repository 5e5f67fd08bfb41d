import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { columnInfo, renderCell, type TypeSignature } from './render';

/**
 * A local Athena: an HTTP server that speaks the part of Athena's API Trailscope uses
 * (StartQueryExecution, GetQueryExecution, GetQueryResults, StopQueryExecution, GetTableMetadata)
 * over AWS's JSON 1.1 protocol, and runs the SQL on a real Trino, Athena engine v3's engine. The
 * real `@aws-sdk/client-athena` reaches it through TRAILSCOPE_ATHENA_ENDPOINT. Signatures are not
 * checked (it listens on loopback only). Rendering of values: render.ts.
 *
 * What it reproduces from Athena, because Trailscope's correctness depends on it:
 * - ExecutionParameters: each 1–1,024 characters, bound positionally as SQL expressions
 *   (`EXECUTE IMMEDIATE … USING …`, what Athena's parameterised queries are); query text at most
 *   262,144 bytes; ClientRequestToken makes a start idempotent.
 * - States QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED, with StateChangeReason and AthenaError
 *   (category 2 for Trino's user errors, 1 otherwise) on failure.
 * - Statistics.DataScannedInBytes from Trino's physical input bytes (what it read from files, like
 *   Athena's bytes read from S3), also for failed and cancelled queries: they are billed too.
 * - A workgroup's per-query data limit (`bytesScannedCutoffPerQuery`): the query is cancelled once
 *   it has read more, and is CANCELLED with Athena's reason.
 * - GetQueryResults: SELECT results start with a header row of column labels on the first page,
 *   which counts toward MaxResults (≤ 1000); NextToken pages; results only once SUCCEEDED.
 * - GetTableMetadata from the Hive file metastore: Hive type strings and the table's parameters
 *   (Athena's TBLPROPERTIES, `projection.*` included).
 */
export interface LocalAthenaOptions {
  trinoUrl: string;
  /** Athena catalog name (case-insensitive) → Trino catalog; `AwsDataCatalog` by default maps to `awsdatacatalog`. */
  catalogs?: Record<string, string>;
  /** The Hive file metastore folder (`<schema>/<table>/.trinoSchema`), for GetTableMetadata. */
  metastoreDir: string;
  port?: number;
  /** A workgroup's data usage control: bytes a query may scan before Athena cancels it. */
  bytesScannedCutoffPerQuery?: number;
  /**
   * Queries bound with a parameter containing `value` fail as Athena fails a query that reads a bad
   * file (`reason` is its StateChangeReason): how a test makes one page's query fail and no other.
   */
  failingParameter?: { value: string; reason: string };
}

export interface ExecutionRecord {
  id: string;
  query: string;
  parameters: string[];
  state: QueryState;
  reason?: string;
  dataScannedInBytes: number;
  submitted: number;
  completed?: number;
  rows: number;
}

export interface LocalAthena {
  url: string;
  port: number;
  /** Every execution so far, oldest first (also served as JSON on GET /executions). */
  executions(): ExecutionRecord[];
  stop(): Promise<void>;
}

type QueryState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

interface Execution extends ExecutionRecord {
  catalog: string;
  database: string;
  workgroup: string;
  outputLocation?: string;
  columns: { name: string; typeSignature: TypeSignature }[];
  data: (string | undefined)[][];
  hasHeader: boolean;
  errorCategory?: number;
  engineMs: number;
  cancel?: () => Promise<void>;
  stopRequested: boolean;
}

class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const MAX_QUERY_BYTES = 262_144;
const MAX_PARAMETER_LENGTH = 1024;
const CUTOFF_REASON = 'Query cancelled: the query exceeded the data usage limit (bytes scanned cutoff per query) set for the workgroup';

interface TrinoResponse {
  id?: string;
  nextUri?: string;
  columns?: { name: string; typeSignature: TypeSignature }[];
  data?: unknown[][];
  stats?: { state?: string; physicalInputBytes?: number; elapsedTimeMillis?: number };
  error?: { errorName: string; errorType?: string; message: string };
}

/** `'…'` with quotes doubled: the SQL as a Trino string literal for EXECUTE IMMEDIATE. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function startLocalAthena(options: LocalAthenaOptions): Promise<LocalAthena> {
  const executions = new Map<string, Execution>();
  const tokens = new Map<string, string>();
  const catalogs = new Map(Object.entries({ awsdatacatalog: 'awsdatacatalog', ...options.catalogs }).map(([k, v]) => [k.toLowerCase(), v]));

  function trinoCatalog(name: string | undefined): string {
    const catalog = catalogs.get((name ?? 'AwsDataCatalog').toLowerCase());
    if (!catalog) throw new ApiError('InvalidRequestException', `Catalog ${name} was not found`);
    return catalog;
  }

  async function run(ex: Execution): Promise<void> {
    const failing = options.failingParameter;
    if (failing && ex.parameters.some((p) => p.includes(failing.value))) {
      ex.state = 'FAILED';
      ex.reason = failing.reason;
      ex.completed = Date.now();
      return;
    }
    const sql = ex.parameters.length > 0 ? `EXECUTE IMMEDIATE ${literal(ex.query)} USING ${ex.parameters.join(', ')}` : ex.query;
    const headers = { 'X-Trino-User': 'athena-local', 'X-Trino-Catalog': ex.catalog, 'X-Trino-Schema': ex.database, 'X-Trino-Source': 'athena-local' };
    const started = Date.now();
    let nextUri: string | undefined;
    ex.cancel = async () => {
      if (nextUri) await fetch(nextUri, { method: 'DELETE', headers }).catch(() => undefined);
    };
    try {
      let response = (await (await fetch(`${options.trinoUrl}/v1/statement`, { method: 'POST', body: sql, headers })).json()) as TrinoResponse;
      ex.state = ex.stopRequested ? ex.state : 'RUNNING';
      for (;;) {
        ex.dataScannedInBytes = Math.max(ex.dataScannedInBytes, response.stats?.physicalInputBytes ?? 0);
        if (response.error) {
          if (ex.state !== 'CANCELLED') {
            ex.state = 'FAILED';
            ex.reason = `${response.error.errorName}: ${response.error.message}`;
            ex.errorCategory = response.error.errorType === 'USER_ERROR' ? 2 : 1;
          }
          break;
        }
        if (response.columns && ex.columns.length === 0) ex.columns = response.columns;
        for (const row of response.data ?? []) ex.data.push(row.map((v, i) => renderCell(v, ex.columns[i]?.typeSignature ?? { rawType: 'varchar' })));
        if (options.bytesScannedCutoffPerQuery !== undefined && ex.dataScannedInBytes > options.bytesScannedCutoffPerQuery && ex.state === 'RUNNING') {
          ex.state = 'CANCELLED';
          ex.reason = CUTOFF_REASON;
        }
        nextUri = response.nextUri;
        if (!nextUri) break;
        if (ex.state === 'CANCELLED') {
          await ex.cancel();
          break;
        }
        response = (await (await fetch(nextUri, { headers })).json()) as TrinoResponse;
      }
      if (ex.state === 'RUNNING') {
        ex.state = 'SUCCEEDED';
        ex.hasHeader = ex.columns.length > 0;
        ex.rows = ex.data.length;
      }
    } catch (error) {
      if (ex.state === 'QUEUED' || ex.state === 'RUNNING') {
        ex.state = 'FAILED';
        ex.reason = `INTERNAL_ERROR_QUERY_ENGINE: the local Athena could not reach Trino: ${(error as Error).message}`;
        ex.errorCategory = 1;
      }
    } finally {
      ex.engineMs = Date.now() - started;
      ex.completed = Date.now();
    }
  }

  function start(body: Record<string, unknown>): { QueryExecutionId: string } {
    const query = body.QueryString;
    if (typeof query !== 'string' || query.length === 0) throw new ApiError('InvalidRequestException', 'QueryString is required');
    if (Buffer.byteLength(query) > MAX_QUERY_BYTES) {
      throw new ApiError('InvalidRequestException', `1 validation error detected: Value at 'queryString' failed to satisfy constraint: Member must have length less than or equal to ${MAX_QUERY_BYTES}`);
    }
    const parameters = body.ExecutionParameters ?? [];
    if (!Array.isArray(parameters) || (body.ExecutionParameters !== undefined && parameters.length === 0)) {
      throw new ApiError('InvalidRequestException', "1 validation error detected: Value at 'executionParameters' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
    parameters.forEach((p: unknown, i) => {
      if (typeof p !== 'string' || p.length < 1 || p.length > MAX_PARAMETER_LENGTH) {
        throw new ApiError(
          'InvalidRequestException',
          `1 validation error detected: Value at 'executionParameters.${i + 1}.member' failed to satisfy constraint: Member must have length less than or equal to ${MAX_PARAMETER_LENGTH}`,
        );
      }
    });
    const token = typeof body.ClientRequestToken === 'string' ? body.ClientRequestToken : undefined;
    const known = token ? tokens.get(token) : undefined;
    if (known) return { QueryExecutionId: known };
    const context = (body.QueryExecutionContext ?? {}) as { Catalog?: string; Database?: string };
    const id = crypto.randomUUID();
    const ex: Execution = {
      id,
      query,
      parameters: parameters as string[],
      state: 'QUEUED',
      dataScannedInBytes: 0,
      submitted: Date.now(),
      rows: 0,
      catalog: trinoCatalog(context.Catalog),
      database: context.Database ?? 'default',
      workgroup: typeof body.WorkGroup === 'string' ? body.WorkGroup : 'primary',
      outputLocation: (body.ResultConfiguration as { OutputLocation?: string } | undefined)?.OutputLocation,
      columns: [],
      data: [],
      hasHeader: false,
      engineMs: 0,
      stopRequested: false,
    };
    executions.set(id, ex);
    if (token) tokens.set(token, id);
    void run(ex);
    return { QueryExecutionId: id };
  }

  function find(body: Record<string, unknown>): Execution {
    const id = body.QueryExecutionId;
    const ex = typeof id === 'string' ? executions.get(id) : undefined;
    if (!ex) throw new ApiError('InvalidRequestException', `QueryExecution ${String(id)} was not found`);
    return ex;
  }

  function describe(ex: Execution) {
    const seconds = (ms: number) => ms / 1000;
    return {
      QueryExecution: {
        QueryExecutionId: ex.id,
        Query: ex.query,
        StatementType: 'DML',
        ResultConfiguration: { OutputLocation: `${ex.outputLocation ?? 's3://athena-local-results/'}${ex.id}.csv` },
        QueryExecutionContext: { Database: ex.database, Catalog: 'AwsDataCatalog' },
        Status: {
          State: ex.state,
          ...(ex.reason ? { StateChangeReason: ex.reason } : {}),
          SubmissionDateTime: seconds(ex.submitted),
          ...(ex.completed && ex.state !== 'RUNNING' && ex.state !== 'QUEUED' ? { CompletionDateTime: seconds(ex.completed) } : {}),
          ...(ex.state === 'FAILED' ? { AthenaError: { ErrorCategory: ex.errorCategory ?? 1, Retryable: false, ErrorMessage: ex.reason } } : {}),
        },
        Statistics: {
          EngineExecutionTimeInMillis: ex.engineMs,
          DataScannedInBytes: ex.dataScannedInBytes,
          TotalExecutionTimeInMillis: (ex.completed ?? Date.now()) - ex.submitted,
          QueryQueueTimeInMillis: 0,
          ServicePreProcessingTimeInMillis: 0,
          QueryPlanningTimeInMillis: 0,
          ServiceProcessingTimeInMillis: 0,
        },
        WorkGroup: ex.workgroup,
        EngineVersion: { SelectedEngineVersion: 'AUTO', EffectiveEngineVersion: 'Athena engine version 3' },
        ...(ex.parameters.length > 0 ? { ExecutionParameters: ex.parameters } : {}),
      },
    };
  }

  function results(body: Record<string, unknown>) {
    const ex = find(body);
    if (ex.state === 'FAILED' || ex.state === 'CANCELLED') throw new ApiError('InvalidRequestException', `Query has ${ex.state === 'FAILED' ? 'failed' : 'been cancelled'}: ${ex.reason ?? ''}`);
    if (ex.state !== 'SUCCEEDED') throw new ApiError('InvalidRequestException', `Query has not yet finished. Current state: ${ex.state}`);
    const max = body.MaxResults === undefined ? 1000 : Number(body.MaxResults);
    if (!Number.isInteger(max) || max < 1 || max > 1000) {
      throw new ApiError('InvalidRequestException', "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000");
    }
    let offset = 0;
    if (body.NextToken !== undefined) {
      const decoded = /^offset:(\d+):(.+)$/.exec(Buffer.from(String(body.NextToken), 'base64url').toString('utf8'));
      if (!decoded || decoded[2] !== ex.id) throw new ApiError('InvalidRequestException', 'The NextToken is not valid');
      offset = Number(decoded[1]);
    }
    const header = ex.hasHeader && offset === 0 ? [{ Data: ex.columns.map((c) => ({ VarCharValue: c.name })) }] : [];
    const take = max - header.length;
    const page = ex.data.slice(offset, offset + take).map((row) => ({ Data: row.map((v) => (v === undefined ? {} : { VarCharValue: v })) }));
    const next = offset + take < ex.data.length ? Buffer.from(`offset:${offset + take}:${ex.id}`).toString('base64url') : undefined;
    return {
      UpdateCount: 0,
      ResultSet: {
        Rows: [...header, ...page],
        ResultSetMetadata: { ColumnInfo: ex.columns.map((c) => columnInfo(c.name, c.typeSignature, 'hive')) },
      },
      ...(next ? { NextToken: next } : {}),
    };
  }

  async function stopQuery(body: Record<string, unknown>): Promise<Record<string, never>> {
    const ex = find(body);
    if (ex.state === 'QUEUED' || ex.state === 'RUNNING') {
      ex.stopRequested = true;
      ex.state = 'CANCELLED';
      ex.reason = 'Query cancelled by user';
      await ex.cancel?.();
    }
    return {};
  }

  function tableMetadata(body: Record<string, unknown>) {
    const database = String(body.DatabaseName ?? '');
    const table = String(body.TableName ?? '');
    trinoCatalog(String(body.CatalogName ?? 'AwsDataCatalog'));
    if (!/^[A-Za-z0-9_]+$/.test(database) || !/^[A-Za-z0-9_]+$/.test(table)) throw new ApiError('InvalidRequestException', 'Invalid database or table name');
    const file = path.join(options.metastoreDir, database.toLowerCase(), table.toLowerCase(), '.trinoSchema');
    if (!fs.existsSync(file)) throw new ApiError('MetadataException', `Table ${table} not found in database ${database}`);
    const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      tableType?: string;
      dataColumns: { name: string; type: string }[];
      partitionColumns?: { name: string; type: string }[];
      parameters?: Record<string, string>;
    };
    const parameters = Object.fromEntries(Object.entries(meta.parameters ?? {}).filter(([k]) => !k.startsWith('trino_')));
    return {
      TableMetadata: {
        Name: table.toLowerCase(),
        CreateTime: fs.statSync(file).mtimeMs / 1000,
        TableType: meta.tableType ?? 'EXTERNAL_TABLE',
        Columns: meta.dataColumns.map((c) => ({ Name: c.name, Type: c.type })),
        PartitionKeys: (meta.partitionColumns ?? []).map((c) => ({ Name: c.name, Type: c.type })),
        Parameters: parameters,
      },
    };
  }

  const operations: Record<string, (body: Record<string, unknown>) => unknown> = {
    StartQueryExecution: start,
    GetQueryExecution: (body) => describe(find(body)),
    GetQueryResults: results,
    StopQueryExecution: stopQuery,
    GetTableMetadata: tableMetadata,
  };

  const server = http.createServer((req, res) => {
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.method === 'GET' && req.url === '/executions') {
      send(200, [...executions.values()].map(record));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const target = String(req.headers['x-amz-target'] ?? '');
        const operation = target.startsWith('AmazonAthena.') ? target.slice('AmazonAthena.'.length) : '';
        try {
          const handler = operations[operation];
          if (req.method !== 'POST' || !handler) throw new ApiError('UnknownOperationException', `The local Athena does not implement ${operation || req.method}`);
          const text = Buffer.concat(chunks).toString('utf8');
          const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
          send(200, await handler(body));
        } catch (error) {
          const e = error instanceof ApiError ? error : new ApiError('InternalServerException', (error as Error).message, 500);
          send(e.status, { __type: e.type, Message: e.message }, { 'x-amzn-errortype': e.type });
        }
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    executions: () => [...executions.values()].map(record),
    async stop() {
      for (const ex of executions.values()) if (ex.state === 'RUNNING' || ex.state === 'QUEUED') await ex.cancel?.();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function record(ex: Execution): ExecutionRecord {
  return {
    id: ex.id,
    query: ex.query,
    parameters: ex.parameters,
    state: ex.state,
    reason: ex.reason,
    dataScannedInBytes: ex.dataScannedInBytes,
    submitted: ex.submitted,
    completed: ex.completed,
    rows: ex.rows,
  };
}
