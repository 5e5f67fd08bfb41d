import path from 'node:path';
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  GetTableMetadataCommand,
  StartQueryExecutionCommand,
  type QueryExecution,
} from '@aws-sdk/client-athena';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAthenaConnection } from '@/lib/engine/athena/connection';
import { EngineError } from '@/lib/engine/types';
import { stringList } from '@/lib/detections/grouped-sql';
import { sql } from '@/lib/sql/sql';
import { projectionWarnings } from '@/lib/data-range/projection-coverage';
import type { TableShape } from '@/lib/engine/table-shape';
import { getDataRange } from '@/lib/data-range/get-data-range';
import { startAthenaStack, type AthenaStack } from '@/scripts/lib/athena-local/stack';
import { startLocalAthena, type LocalAthena } from '@/scripts/lib/athena-local/server';
import { isTrinoInstalled } from '@/scripts/lib/trino/install-layout';
import { scenarioStore } from '../fixtures/scenario-store';
import { localAthenaConnection } from '../conformance/engines';

/**
 * The local Athena itself, through the real AWS SDK: what Athena's API does that Trailscope relies
 * on (header row and paging, parameter limits, failure states, the workgroup's data limit, table
 * metadata, values as display text). The conformance suite then trusts it.
 */
const installed = isTrinoInstalled();
if (!installed) console.warn('\n*** Trino is not installed: the local Athena tests did NOT run. `npm run trino:install` installs it. ***\n');

describe.skipIf(!installed)('the local Athena', () => {
  let stack: AthenaStack;
  let client: AthenaClient;
  let limited: LocalAthena;

  beforeAll(async () => {
    const logs = path.join(path.dirname(await scenarioStore()), 'logs');
    stack = await startAthenaStack({
      sources: [logs],
      tables: [
        { table: 'cloudtrail_logs', partitioning: 'projected-date', tableSchema: 'project' },
        { table: 'aws_legacy', partitioning: 'account-region-date', tableSchema: 'aws-legacy' },
      ],
    });
    client = new AthenaClient({ region: 'us-east-1', endpoint: stack.athena.url, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    limited = await startLocalAthena({ trinoUrl: stack.trino.url, metastoreDir: path.join(stack.trino.lakeDir, 'metastore'), bytesScannedCutoffPerQuery: 1 });
  }, 300_000);

  afterAll(async () => {
    client?.destroy();
    await limited?.stop();
    await stack?.stop();
  });

  async function run(sql: string, parameters?: string[], on: AthenaClient = client): Promise<QueryExecution> {
    const { QueryExecutionId } = await on.send(
      new StartQueryExecutionCommand({ QueryString: sql, QueryExecutionContext: { Database: 'trailscope' }, ExecutionParameters: parameters }),
    );
    for (;;) {
      const { QueryExecution: ex } = await on.send(new GetQueryExecutionCommand({ QueryExecutionId }));
      if (ex?.Status?.State !== 'QUEUED' && ex?.Status?.State !== 'RUNNING') return ex as QueryExecution;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('starts the first page with the header row, which counts toward MaxResults, and pages with NextToken', async () => {
    const ex = await run('SELECT eventid FROM cloudtrail_logs ORDER BY eventid LIMIT 25');
    expect(ex.Status?.State).toBe('SUCCEEDED');
    const first = await client.send(new GetQueryResultsCommand({ QueryExecutionId: ex.QueryExecutionId, MaxResults: 10 }));
    expect(first.ResultSet?.Rows?.[0]?.Data?.[0]?.VarCharValue).toBe('eventid');
    expect(first.ResultSet?.Rows).toHaveLength(10);
    const second = await client.send(new GetQueryResultsCommand({ QueryExecutionId: ex.QueryExecutionId, MaxResults: 10, NextToken: first.NextToken }));
    const third = await client.send(new GetQueryResultsCommand({ QueryExecutionId: ex.QueryExecutionId, MaxResults: 10, NextToken: second.NextToken }));
    expect([second.ResultSet?.Rows?.length, third.ResultSet?.Rows?.length, third.NextToken]).toEqual([10, 6, undefined]);
    // And the app's connection reads all of it across pages of 10.
    const all = await createAthenaConnection(
      { region: 'us-east-1', catalog: 'AwsDataCatalog', database: 'trailscope', table: 'cloudtrail_logs', workgroup: 'primary', partitioning: 'projected-date', timeoutMs: 60_000, timing: { pageSize: 10, pollInitialMs: 10 } },
      client,
    ).query({ sql: 'SELECT eventid FROM cloudtrail_logs ORDER BY eventid LIMIT 25' });
    expect(all.rows).toHaveLength(25);
    expect(all.stats.bytesScanned).toBeGreaterThan(100_000);
  });

  it('binds ExecutionParameters as SQL values and refuses one longer than 1,024 characters', async () => {
    const ex = await run("SELECT count(*) AS n FROM cloudtrail_logs WHERE eventname = ? AND eventsource = ?", ["'AssumeRole'", "'sts.amazonaws.com'"]);
    expect(ex.Status?.State).toBe('SUCCEEDED');
    const rows = (await client.send(new GetQueryResultsCommand({ QueryExecutionId: ex.QueryExecutionId }))).ResultSet?.Rows;
    expect(Number(rows?.[1]?.Data?.[0]?.VarCharValue)).toBeGreaterThan(100);
    await expect(run('SELECT 1 WHERE ? = 1', [`'${'x'.repeat(1023)}'`])).rejects.toMatchObject({ name: 'InvalidRequestException' });
  });

  it('fails a bad query as Athena does, with the engine error and a user-error category', async () => {
    const ex = await run('SELECT no_such_column FROM cloudtrail_logs');
    expect(ex.Status?.State).toBe('FAILED');
    expect(ex.Status?.StateChangeReason).toMatch(/^COLUMN_NOT_FOUND: line 1:8: Column 'no_such_column' cannot be resolved/);
    expect(ex.Status?.AthenaError?.ErrorCategory).toBe(2);
    const conn = await localAthenaConnection(stack, 'cloudtrail_logs', 'projected-date');
    await expect(conn.query({ sql: 'SELECT no_such_column FROM cloudtrail_logs' })).rejects.toSatisfy((e) => e instanceof EngineError && e.code === 'QUERY_FAILED');
  });

  it("cancels a query past the workgroup's data limit, and reports the bytes it read (they are billed)", async () => {
    const other = new AthenaClient({ region: 'us-east-1', endpoint: limited.url, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const ex = await run('SELECT count(*) FROM cloudtrail_logs', undefined, other);
    expect(ex.Status?.State).toBe('CANCELLED');
    expect(ex.Status?.StateChangeReason).toMatch(/data usage limit/);
    expect(ex.Statistics?.DataScannedInBytes).toBeGreaterThan(0);
    other.destroy();
  });

  it("describes a table as Glue does: Hive types, partition keys and Athena's table properties", async () => {
    const meta = (await client.send(new GetTableMetadataCommand({ CatalogName: 'AwsDataCatalog', DatabaseName: 'trailscope', TableName: 'aws_legacy' }))).TableMetadata;
    const columns = meta?.Columns?.map((c) => c.Name);
    expect(columns).toContain('useridentity');
    expect(columns).not.toContain('tlsdetails');
    expect(meta?.Columns?.find((c) => c.Name === 'useridentity')?.Type).not.toMatch(/sourceidentity/);
    expect(meta?.PartitionKeys?.map((c) => c.Name)).toEqual(['account', 'region', 'year', 'month', 'day']);
    const projected = (await client.send(new GetTableMetadataCommand({ CatalogName: 'AwsDataCatalog', DatabaseName: 'trailscope', TableName: 'cloudtrail_logs' }))).TableMetadata;
    expect(projected?.Parameters).toMatchObject({ 'projection.enabled': 'true', 'projection.timestamp.type': 'date', 'projection.timestamp.format': 'yyyy/MM/dd' });
    expect(projected?.Columns?.find((c) => c.Name === 'useridentity')?.Type).toMatch(/sourceidentity:string/);
    await expect(client.send(new GetTableMetadataCommand({ CatalogName: 'AwsDataCatalog', DatabaseName: 'trailscope', TableName: 'nope' }))).rejects.toMatchObject({ name: 'MetadataException' });
  });

  it('returns complex values as display text and NULLs without a value', async () => {
    const ex = await run(
      "SELECT ARRAY['a', NULL] AS arr, MAP(ARRAY['k'], ARRAY['v']) AS m, CAST(ROW(1, 'x') AS ROW(n bigint, s varchar)) AS r, 0.1e0 AS d, CAST(NULL AS varchar) AS nothing, TIMESTAMP '2025-01-05 10:05:00 UTC' AS ts",
    );
    const page = await client.send(new GetQueryResultsCommand({ QueryExecutionId: ex.QueryExecutionId }));
    expect(page.ResultSet?.Rows?.[1]?.Data).toEqual([
      { VarCharValue: '[a, null]' },
      { VarCharValue: '{k=v}' },
      { VarCharValue: '{n=1, s=x}' },
      { VarCharValue: '0.1' },
      {},
      { VarCharValue: '2025-01-05 10:05:00.000 UTC' },
    ]);
    expect(page.ResultSet?.ResultSetMetadata?.ColumnInfo?.map((c) => c.Type)).toEqual(['array', 'map', 'row', 'double', 'varchar', 'timestamp with time zone']);
  });

  it('gives lists as data through the dialect, where the bare array would be display text with NULL as "null" (defects 1 and 9)', async () => {
    const conn = await localAthenaConnection(stack, 'cloudtrail_logs', 'projected-date');
    const list = sql`ARRAY['198.51.100.7', NULL, '203.0.113.9']`;
    const bare = await conn.query({ sql: sql`SELECT ${list} AS ips`.toQuery().sql });
    expect(bare.rows[0]?.ips).toBe('[198.51.100.7, null, 203.0.113.9]');
    const asData = await conn.query({ sql: sql`SELECT ${conn.dialect.arrayResult(list)} AS ips`.toQuery().sql });
    expect(asData.rows[0]?.ips).toEqual(['198.51.100.7', null, '203.0.113.9']);
    expect(stringList.parse(asData.rows[0]?.ips)).toEqual(['198.51.100.7', '203.0.113.9']);
    // The old reading of the display text kept the NULL as an address called "null".
    expect(() => stringList.parse(bare.rows[0]?.ips)).toThrow();
    await conn.close();
  });

  it('warns about accounts the projection does not list, from the table as Athena describes it (defect 8)', async () => {
    // Two of the trail's accounts listed (one would be a table below that account's folder, no enum).
    const listed = [stack.primaryAccount, ...stack.lake.accounts.filter((a) => a !== stack.primaryAccount).slice(0, 1)];
    await stack.createTable({ table: 'partial', partitioning: 'projected-date', tableSchema: 'project', accounts: listed });
    const conn = await localAthenaConnection(stack, 'partial', 'projected-date');
    const range = await getDataRange(conn);
    expect(range.first).not.toBeNull();
    const others = stack.lake.accounts.filter((a) => !listed.includes(a));
    expect(others.length).toBeGreaterThan(0);
    const warnings = projectionWarnings(conn.tableShape as TableShape, range.named, stack.lake.accounts);
    expect(warnings.find((w) => w.key === 'account')?.values).toEqual(others);
    expect(warnings[0]?.message).toMatch(/ALTER TABLE/);
    await conn.close();
  });
});

