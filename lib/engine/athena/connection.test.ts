import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  TooManyRequestsException,
  type GetQueryExecutionCommandOutput,
  type QueryExecutionState,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { EngineError } from '@/lib/engine/types';
import { formatUsd } from '@/lib/format';
import type { AthenaConfig } from './config';
import { createAthenaConnection, tagComment } from './connection';
import { queryCostUsd } from './cost';

const athena = mockClient(AthenaClient);
afterAll(() => athena.restore());

const CONFIG: AthenaConfig = {
  region: 'us-east-1',
  catalog: 'AwsDataCatalog',
  database: 'trails',
  table: 'cloudtrail_logs',
  workgroup: 'trailscope',
  outputLocation: 's3://results-bucket/trailscope/',
  partitioning: 'projected-date',
  timeoutMs: 5_000,
  // Real timers, tiny delays: the lifecycle is exercised as written, in milliseconds.
  timing: { pollInitialMs: 1, pollMaxMs: 4, throttleBaseMs: 1, throttleRetries: 3, stopSettleMs: 30 },
};

const QUERY_ID = '6c2b8c5e-0000-4000-8000-000000000001';

function execution(State: QueryExecutionState, extra: Partial<NonNullable<GetQueryExecutionCommandOutput['QueryExecution']>> = {}) {
  return { QueryExecution: { QueryExecutionId: QUERY_ID, Status: { State }, ...extra } };
}

const COLUMNS = [
  { Name: 'eventname', Type: 'varchar' },
  { Name: 'n', Type: 'bigint' },
  { Name: 'ratio', Type: 'double' },
  { Name: 'readonly', Type: 'boolean' },
  { Name: 'at', Type: 'timestamp(3) with time zone' },
  { Name: 'doc', Type: 'json' },
  { Name: 'tags', Type: 'array(varchar)' },
];
const cells = (...v: (string | undefined)[]) => ({ Data: v.map((x) => (x === undefined ? {} : { VarCharValue: x })) });
const HEADER = cells('eventname', 'n', 'ratio', 'readonly', 'at', 'doc', 'tags');

function connection(overrides: Partial<AthenaConfig> = {}) {
  return createAthenaConnection({ ...CONFIG, ...overrides }, new AthenaClient({ region: 'us-east-1' }));
}

function succeedWith(rows = [HEADER]) {
  athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
  athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED', { Statistics: { DataScannedInBytes: 0 } }));
  athena.on(GetQueryResultsCommand).resolves({ ResultSet: { ResultSetMetadata: { ColumnInfo: COLUMNS }, Rows: rows } });
}

async function engineError(p: Promise<unknown>): Promise<EngineError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

beforeEach(() => athena.reset());

describe('createAthenaConnection', () => {
  it('starts the query with context, workgroup, output location and literal execution parameters, then polls QUEUED → RUNNING → SUCCEEDED', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce(execution('QUEUED'))
      .resolvesOnce(execution('RUNNING'))
      .resolvesOnce(execution('RUNNING'))
      .resolves(execution('SUCCEEDED', { Statistics: { DataScannedInBytes: 25 * 2 ** 20 + 1 } }));
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: { ResultSetMetadata: { ColumnInfo: COLUMNS }, Rows: [HEADER, cells('AssumeRole', '3', '0.5', 'true', '2024-01-02 03:04:05.000 UTC', '{"a":1}', '[x, y]')] },
    });

    const conn = connection();
    const sql = 'SELECT eventname FROM t WHERE useridentity.accesskeyid = ? AND n > ?';
    const result = await conn.query({ sql, params: ["' OR 1=1 --", 2], tags: { panel: 'events-search' } });

    const start = athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input;
    expect(start).toMatchObject({
      QueryString: `-- trailscope panel=events-search\n${sql}`,
      QueryExecutionContext: { Catalog: 'AwsDataCatalog', Database: 'trails' },
      WorkGroup: 'trailscope',
      ResultConfiguration: { OutputLocation: 's3://results-bucket/trailscope/' },
      ExecutionParameters: ["''' OR 1=1 --'", '2'],
    });
    expect(start?.ClientRequestToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(4);

    expect(result.rows).toEqual([
      { eventname: 'AssumeRole', n: 3, ratio: 0.5, readonly: true, at: '2024-01-02T03:04:05Z', doc: { a: 1 }, tags: '[x, y]' },
    ]);
    expect(result.sql).toBe(sql);
    expect(result.params).toEqual(["' OR 1=1 --", 2]);
    expect(result.stats).toMatchObject({ engine: 'athena', queryId: QUERY_ID, rowCount: 1, bytesScanned: 25 * 2 ** 20 + 1 });
    expect(result.stats.costUsd).toBeCloseTo((26 * 5) / 2 ** 20, 15);
    expect(result.stats.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(0);
  });

  it('omits ExecutionParameters and ResultConfiguration when there is nothing to send', async () => {
    succeedWith();
    const result = await connection({ outputLocation: undefined }).query({ sql: 'SELECT 1' });
    const start = athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input;
    expect(start?.ExecutionParameters).toBeUndefined();
    expect(start?.ResultConfiguration).toBeUndefined();
    expect(start?.QueryString).toBe('SELECT 1');
    expect(result.rows).toEqual([]);
    expect(result.stats.costUsd).toBeCloseTo((10 * 5) / 2 ** 20, 15);
  });

  it('reads every page, passing NextToken, skipping only the first page header, converting by type', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED', { Statistics: { DataScannedInBytes: 1 } }));
    athena
      .on(GetQueryResultsCommand)
      .resolvesOnce({
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: COLUMNS },
          Rows: [HEADER, cells('GetObject', '10', '1.25', 'false', '2024-01-02 00:00:00.000 UTC', 'null', '[]'), cells('PutObject', undefined, undefined, undefined, undefined, undefined, undefined)],
        },
        NextToken: 'page-2',
      })
      .resolvesOnce({
        ResultSet: { ResultSetMetadata: { ColumnInfo: COLUMNS }, Rows: [cells('eventname', '9007199254740993', 'NaN', 'true', '2024-01-03 10:00:00.250 UTC', '[1,"a"]', '[z]')] },
        NextToken: undefined,
      });

    const result = await connection().query({ sql: 'SELECT * FROM t' });

    const calls = athena.commandCalls(GetQueryResultsCommand).map((c) => c.args[0].input);
    expect(calls).toEqual([
      { QueryExecutionId: QUERY_ID, NextToken: undefined, MaxResults: 1000 },
      { QueryExecutionId: QUERY_ID, NextToken: 'page-2', MaxResults: 1000 },
    ]);
    expect(result.rows).toEqual([
      { eventname: 'GetObject', n: 10, ratio: 1.25, readonly: false, at: '2024-01-02T00:00:00Z', doc: null, tags: '[]' },
      { eventname: 'PutObject', n: null, ratio: null, readonly: null, at: null, doc: null, tags: null },
      // A data row that happens to equal the header text is kept: only page one has a header.
      { eventname: 'eventname', n: '9007199254740993', ratio: 'NaN', readonly: true, at: '2024-01-03T10:00:00.250Z', doc: [1, 'a'], tags: '[z]' },
    ]);
    expect(result.stats.rowCount).toBe(3);
  });

  it('maps FAILED to QUERY_FAILED with the reason and Athena error details', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena.on(GetQueryExecutionCommand).resolvesOnce(execution('RUNNING')).resolves(
      execution('FAILED', {
        Status: {
          State: 'FAILED',
          StateChangeReason: 'SYNTAX_ERROR: line 1:8: Column \'nope\' cannot be resolved',
          AthenaError: { ErrorCategory: 2, ErrorType: 1006, Retryable: false },
        },
      }),
    );
    const e = await engineError(connection().query({ sql: 'SELECT nope FROM t' }));
    expect(e.code).toBe('QUERY_FAILED');
    expect(e.message).toContain("Column 'nope' cannot be resolved");
    expect(e.message).toContain('category 2 (user), type 1006');
    expect(e.details).toMatchObject({ queryId: QUERY_ID, sql: 'SELECT nope FROM t' });
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it('retries a throttled StartQueryExecution with the same idempotency token, then succeeds', async () => {
    const throttled = new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {}, Reason: 'CONCURRENT_QUERY_LIMIT_EXCEEDED' });
    athena
      .on(StartQueryExecutionCommand)
      .rejectsOnce(throttled)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }))
      .resolves({ QueryExecutionId: QUERY_ID });
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
    athena.on(GetQueryResultsCommand).resolves({ ResultSet: { ResultSetMetadata: { ColumnInfo: COLUMNS }, Rows: [HEADER] } });

    const result = await connection().query({ sql: 'SELECT 1' });
    const tokens = athena.commandCalls(StartQueryExecutionCommand).map((c) => c.args[0].input.ClientRequestToken);
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(1);
    expect(result.stats.queryId).toBe(QUERY_ID);
    expect(result.stats.bytesScanned).toBeNull();
    expect(result.stats.costUsd).toBeNull();
  });

  it('gives up after the configured retries with THROTTLED', async () => {
    athena.on(StartQueryExecutionCommand).rejects(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }));
    const e = await engineError(connection().query({ sql: 'SELECT 1' }));
    expect(e.code).toBe('THROTTLED');
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(4);
  });

  it('keeps polling when GetQueryExecution itself is throttled', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena
      .on(GetQueryExecutionCommand)
      .rejectsOnce(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }))
      .resolves(execution('SUCCEEDED'));
    athena.on(GetQueryResultsCommand).resolves({ ResultSet: { ResultSetMetadata: { ColumnInfo: COLUMNS }, Rows: [HEADER] } });
    await expect(connection().query({ sql: 'SELECT 1' })).resolves.toMatchObject({ rows: [] });
  });

  it('maps AccessDeniedException to ACCESS_DENIED naming the missing permission', async () => {
    athena
      .on(StartQueryExecutionCommand)
      .rejects(
        Object.assign(
          new Error(
            'User: arn:aws:sts::111122223333:assumed-role/trailscope/app is not authorized to perform: athena:StartQueryExecution on resource: arn:aws:athena:us-east-1:111122223333:workgroup/trailscope because no identity-based policy allows the athena:StartQueryExecution action',
          ),
          { name: 'AccessDeniedException' },
        ),
      );
    const e = await engineError(connection().query({ sql: 'SELECT 1' }));
    expect(e.code).toBe('ACCESS_DENIED');
    expect(e.message).toContain('athena:StartQueryExecution');
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);
  });

  it('maps a FAILED query caused by a missing Glue permission to ACCESS_DENIED', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena.on(GetQueryExecutionCommand).resolves(
      execution('FAILED', {
        Status: {
          State: 'FAILED',
          StateChangeReason:
            'Insufficient permissions to execute the query. User: arn:aws:sts::111122223333:assumed-role/trailscope/app is not authorized to perform: glue:GetTable on resource: arn:aws:glue:us-east-1:111122223333:table/trails/cloudtrail_logs',
        },
      }),
    );
    const e = await engineError(connection().query({ sql: 'SELECT 1' }));
    expect(e.code).toBe('ACCESS_DENIED');
    expect(e.message).toContain('glue:GetTable');
  });

  it('stops the query and throws CANCELLED when the caller aborts', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena.on(GetQueryExecutionCommand).resolves(execution('RUNNING'));
    athena.on(StopQueryExecutionCommand).resolves({});
    const controller = new AbortController();
    const pending = connection().query({ sql: 'SELECT 1', signal: controller.signal });
    setTimeout(() => controller.abort(), 20);

    const e = await engineError(pending);
    expect(e.code).toBe('CANCELLED');
    expect(e.details?.queryId).toBe(QUERY_ID);
    expect(athena.commandCalls(StopQueryExecutionCommand).map((c) => c.args[0].input)).toEqual([{ QueryExecutionId: QUERY_ID }]);
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it('does not start a query whose signal has already fired', async () => {
    const controller = new AbortController();
    controller.abort();
    const e = await engineError(connection().query({ sql: 'SELECT 1', signal: controller.signal }));
    expect(e.code).toBe('CANCELLED');
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(0);
  });

  it('still reports CANCELLED when StopQueryExecution itself fails', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena.on(GetQueryExecutionCommand).resolves(execution('RUNNING'));
    athena.on(StopQueryExecutionCommand).rejects(new Error('InvalidRequestException: already finished'));
    const controller = new AbortController();
    const pending = connection().query({ sql: 'SELECT 1', signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    expect((await engineError(pending)).code).toBe('CANCELLED');
  });

  it('stops the query and throws TIMEOUT when it outlives the configured timeout', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena.on(GetQueryExecutionCommand).resolves(execution('RUNNING'));
    athena.on(StopQueryExecutionCommand).resolves({});
    const started = Date.now();
    const e = await engineError(connection({ timeoutMs: 60 }).query({ sql: 'SELECT 1' }));
    expect(e.code).toBe('TIMEOUT');
    expect(e.message).toContain('TRAILSCOPE_ATHENA_TIMEOUT_SECONDS');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(1);
  });

  it('reports a query cancelled outside Trailscope as CANCELLED without stopping it again', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena.on(GetQueryExecutionCommand).resolves(
      execution('CANCELLED', { Status: { State: 'CANCELLED', StateChangeReason: 'Query cancelled by user' } }),
    );
    const e = await engineError(connection().query({ sql: 'SELECT 1' }));
    expect(e.code).toBe('CANCELLED');
    expect(e.message).toContain('cancelled by user');
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(0);
  });

  it('refuses a parameter count mismatch before calling AWS', async () => {
    const e = await engineError(connection().query({ sql: 'SELECT 1 FROM t WHERE a = ?', params: [] }));
    expect(e.code).toBe('QUERY_FAILED');
    expect(athena.calls()).toHaveLength(0);
  });

  it('exposes the Athena dialect for the configured table and closes cleanly', async () => {
    succeedWith();
    const conn = connection();
    expect(conn.dialect.name).toBe('athena');
    expect(conn.dialect.table.toQuery().sql).toBe('"AwsDataCatalog"."trails"."cloudtrail_logs"');
    await conn.close();
    expect((await engineError(conn.query({ sql: 'SELECT 1' }))).code).toBe('CONFIG');
  });
});

describe('what a stopped or failed query cost (issue 12, defect 5)', () => {
  const GB = 2 ** 30;

  /** RUNNING with the bytes read so far until StopQueryExecution arrives, then CANCELLED with the final figure. */
  function runningUntilStopped(final: number, soFar = final / 2) {
    let stopped = false;
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena.on(StopQueryExecutionCommand).callsFake(() => {
      stopped = true;
      return {};
    });
    athena.on(GetQueryExecutionCommand).callsFake(() =>
      stopped
        ? execution('CANCELLED', { Status: { State: 'CANCELLED', StateChangeReason: 'Query cancelled by user' }, Statistics: { DataScannedInBytes: final } })
        : execution('RUNNING', { Statistics: { DataScannedInBytes: soFar } }),
    );
  }

  it('a query the caller abandons reports the data Athena scanned before it stopped, and bills it', async () => {
    runningUntilStopped(3 * GB);
    const controller = new AbortController();
    const pending = connection().query({ sql: 'SELECT 1', signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const e = await engineError(pending);
    expect(e.code).toBe('CANCELLED');
    expect(e.details?.stats).toMatchObject({ engine: 'athena', queryId: QUERY_ID, bytesScanned: 3 * GB, rowCount: 0 });
    expect(e.details?.stats?.costUsd).toBeCloseTo(queryCostUsd(3 * GB) as number, 15);
    expect(e.message).toContain('3 GB');
    expect(e.message).toContain(`which Athena bills: ${formatUsd(queryCostUsd(3 * GB))}`);
  });

  it('a query stopped at the timeout reports what it scanned and cost', async () => {
    runningUntilStopped(40 * GB);
    const e = await engineError(connection({ timeoutMs: 60 }).query({ sql: 'SELECT 1' }));
    expect(e.code).toBe('TIMEOUT');
    expect(e.details?.stats).toMatchObject({ bytesScanned: 40 * GB, queryId: QUERY_ID });
    expect(e.details?.stats?.costUsd).toBeCloseTo(queryCostUsd(40 * GB) as number, 15);
    expect(e.message).toContain('40 GB');
  });

  it('waits a bounded time for the final figure; a query still running after it reports at least what was read', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena.on(StopQueryExecutionCommand).resolves({});
    athena.on(GetQueryExecutionCommand).resolves(execution('RUNNING', { Statistics: { DataScannedInBytes: 2 * GB } }));
    const started = Date.now();
    const e = await engineError(connection({ timeoutMs: 40, timing: { ...CONFIG.timing, stopSettleMs: 50 } }).query({ sql: 'SELECT 1' }));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(e.code).toBe('TIMEOUT');
    expect(e.details?.stats?.bytesScanned).toBe(2 * GB);
    expect(e.message).toContain('at least 2 GB');
  });

  it("a query the workgroup's data usage control cancelled is billed for what it scanned", async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena.on(GetQueryExecutionCommand).resolves(
      execution('CANCELLED', { Status: { State: 'CANCELLED', StateChangeReason: 'Bytes scanned limit was exceeded' }, Statistics: { DataScannedInBytes: 10 * GB } }),
    );
    const e = await engineError(connection().query({ sql: 'SELECT 1' }));
    expect(e.code).toBe('CANCELLED');
    expect(e.details?.stats?.bytesScanned).toBe(10 * GB);
    expect(e.details?.stats?.costUsd).toBeCloseTo(queryCostUsd(10 * GB) as number, 15);
    expect(e.message).toContain('data usage control');
    expect(e.message).toContain('10 GB');
  });

  it('the same cutoff reported as FAILED is billed too', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena.on(GetQueryExecutionCommand).resolves(
      execution('FAILED', { Status: { State: 'FAILED', StateChangeReason: 'Query cancelled! : Bytes scanned limit was exceeded' }, Statistics: { DataScannedInBytes: 5 * GB } }),
    );
    const e = await engineError(connection().query({ sql: 'SELECT 1' }));
    expect(e.details?.stats?.costUsd).toBeCloseTo(queryCostUsd(5 * GB) as number, 15);
    expect(e.message).toContain('5 GB');
  });

  it('a failed query is shown as not billed, with the bytes Athena reports', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena.on(GetQueryExecutionCommand).resolves(
      execution('FAILED', {
        Status: { State: 'FAILED', StateChangeReason: "SYNTAX_ERROR: line 1:8: Column 'nope' cannot be resolved" },
        Statistics: { DataScannedInBytes: 0 },
      }),
    );
    const e = await engineError(connection().query({ sql: 'SELECT nope FROM t' }));
    expect(e.code).toBe('QUERY_FAILED');
    expect(e.details?.stats).toMatchObject({ bytesScanned: 0, costUsd: 0, queryId: QUERY_ID });
    expect(e.message).toContain('Not billed: Athena does not charge for failed queries');
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(0);
  });

  it('a query that finished just as the caller left is billed in full', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    athena.on(StopQueryExecutionCommand).resolves({});
    athena.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED', { Statistics: { DataScannedInBytes: GB } }));
    const controller = new AbortController();
    athena.on(GetQueryResultsCommand).callsFake(() => {
      controller.abort();
      return { ResultSet: { ResultSetMetadata: { ColumnInfo: COLUMNS }, Rows: [HEADER] }, NextToken: 'more' };
    });
    const e = await engineError(connection().query({ sql: 'SELECT 1', signal: controller.signal }));
    expect(e.code).toBe('CANCELLED');
    expect(e.details?.stats?.bytesScanned).toBe(GB);
    expect(e.details?.stats?.costUsd).toBeCloseTo(queryCostUsd(GB) as number, 15);
  });
});

describe('tagComment', () => {
  it('writes safe tags as one leading line comment', () => {
    expect(tagComment(undefined)).toBe('');
    expect(tagComment({ panel: 'events-search', user: 'a@b.example' })).toBe('-- trailscope panel=events-search user=a@b.example\n');
    expect(tagComment({ evil: "x\nDROP TABLE t; --'?" })).toBe('-- trailscope evil=x_DROP_TABLE_t__--__\n');
  });
});
