import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  GetTableMetadataCommand,
  MetadataException,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { assumeRoleEvents, NO_MATCH } from '@/lib/attribution/queries/assume-role-events';
import { missingColumnNote } from '@/lib/cloudtrail/columns';
import { EngineError } from '@/lib/engine/types';
import { runPanel } from '@/lib/engine/panel';
import { tableMetadata } from '@/test/fixtures/table-metadata';
import { openMockedAthena } from '@/test/fixtures/athena-trail';

/** Opening the Athena engine reads the table's metadata once; only AWS's API is mocked. */
const athena = mockClient(AthenaClient);
afterAll(() => athena.restore());
beforeEach(() => athena.reset());

const open = openMockedAthena;

async function failure(p: Promise<unknown>): Promise<EngineError> {
  const e = await p.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(EngineError);
  return e as EngineError;
}

describe('opening the Athena engine', () => {
  it('reads the table metadata once, for the configured catalog, database, table and workgroup', async () => {
    athena.on(GetTableMetadataCommand).resolves({ TableMetadata: tableMetadata('project', 'projected-date') });
    const conn = await open();
    expect(athena.commandCalls(GetTableMetadataCommand).map((c) => c.args[0].input)).toEqual([
      { CatalogName: 'AwsDataCatalog', DatabaseName: 'trails', TableName: 'cloudtrail_logs', WorkGroup: 'trailscope' },
    ]);
    expect(conn.tableShape?.partitionKeys).toEqual(['account', 'region', 'timestamp']);
    expect(conn.tableShape?.projection?.keys.region).toEqual({ type: 'enum', values: ['us-east-1', 'eu-west-1'] });
    expect(conn.dialect.optionalColumn('useridentity.sessioncontext.sourceidentity').toQuery().sql).toBe('useridentity.sessioncontext.sourceidentity');
  });

  it("on a table from AWS's DDL, reads the missing sourceidentity as NULL and says so on the panel", async () => {
    athena.on(GetTableMetadataCommand).resolves({ TableMetadata: tableMetadata('aws', 'projected-date') });
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    athena.on(GetQueryExecutionCommand).resolves({ QueryExecution: { QueryExecutionId: 'q-1', Status: { State: 'SUCCEEDED' }, Statistics: { DataScannedInBytes: 0 } } });
    athena.on(GetQueryResultsCommand).resolves({ ResultSet: { ResultSetMetadata: { ColumnInfo: [] }, Rows: [{ Data: [] }] } });
    const conn = await open();
    const panel = await runPanel(conn, assumeRoleEvents, { ...NO_MATCH, from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z', roleArns: ['arn:aws:iam::111122223333:role/R'] });
    const sent = athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input.QueryString ?? '';
    expect(sent).toContain('CAST(NULL AS varchar) AS caller_source_identity');
    expect(sent).not.toMatch(/sessioncontext\.sourceidentity/);
    expect(panel.notes).toEqual([missingColumnNote('useridentity.sessioncontext.sourceidentity')]);
    expect(panel.notes[0]).toBe(
      "This table has no useridentity.sessioncontext.sourceidentity column (as in AWS's DDL): source identities show as empty. Add it: docs/athena.md#missing-optional-columns",
    );
  });

  it("on a table from AWS's older DDL, reads a missing struct as a NULL row of its type and leaves it out of raw records", async () => {
    athena.on(GetTableMetadataCommand).resolves({ TableMetadata: tableMetadata('aws-legacy', 'region-date') });
    const conn = await open({ partitioning: 'region-date' });
    expect(conn.dialect.optionalColumn('tlsdetails').toQuery().sql).toBe('CAST(NULL AS row(tlsversion varchar, ciphersuite varchar, clientprovidedhostheader varchar))');
    const raw = conn.dialect.rawRecord;
    expect(raw.toQuery().sql).not.toMatch(/tlsdetails|eventcategory|addendum/);
    expect(raw.toQuery().sql).toContain("'eventsource'");
    expect(raw.notes()).toHaveLength(7);
  });

  it('stops with a CONFIG error naming a missing required column and the fix', async () => {
    const m = tableMetadata('aws', 'projected-date');
    m.Columns = m.Columns?.filter((c) => c.Name !== 'sharedeventid');
    athena.on(GetTableMetadataCommand).resolves({ TableMetadata: m });
    const e = await failure(open());
    expect(e.code).toBe('CONFIG');
    expect(e.message).toContain('trails.cloudtrail_logs lacks the required column sharedeventid.');
    expect(e.message).toContain('npm run athena:setup');
  });

  it('stops with a CONFIG error when the partitions do not fit TRAILSCOPE_ATHENA_PARTITIONING', async () => {
    athena.on(GetTableMetadataCommand).resolves({ TableMetadata: tableMetadata('aws', 'account-region-date') });
    const e = await failure(open({ partitioning: 'projected-date' }));
    expect(e.code).toBe('CONFIG');
    expect(e.message).toContain('Set TRAILSCOPE_ATHENA_PARTITIONING=account-region-date.');
  });

  it('says which table is missing when Athena does not know it', async () => {
    athena.on(GetTableMetadataCommand).rejects(new MetadataException({ message: 'Table cloudtrail_logs not found in database trails', $metadata: {} }));
    const e = await failure(open());
    expect(e.code).toBe('CONFIG');
    expect(e.message).toContain('Athena has no table trails.cloudtrail_logs in catalog AwsDataCatalog');
    expect(e.message).toContain('TRAILSCOPE_ATHENA_TABLE');
  });

  it('names the permission when GetTableMetadata is denied', async () => {
    athena.on(GetTableMetadataCommand).rejects(
      Object.assign(new Error('User: arn:aws:sts::111122223333:assumed-role/trailscope/app is not authorized to perform: athena:GetTableMetadata on resource: arn:aws:athena:us-east-1:111122223333:datacatalog/AwsDataCatalog'), { name: 'AccessDeniedException' }),
    );
    const e = await failure(open());
    expect(e.code).toBe('ACCESS_DENIED');
    expect(e.message).toContain('athena:GetTableMetadata');
  });
});
