import { AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand } from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, it } from 'vitest';
import { createAthenaConnection } from '@/lib/engine/athena/connection';
import { eventSearchParams } from '@/lib/events/params';
import { expectValidTrino, placeholdersOutsideWhere } from '@/lib/sql/trino-parse';
import { searchEvents } from './search-events';

/**
 * The event search through the Athena engine, with only AWS mocked: the SQL it sends, how Athena's
 * rows come back as CloudTrail records, and the cost it reports.
 */
const athena = mockClient(AthenaClient);
afterAll(() => athena.restore());

// Athena renders the row as JSON with its lower-case column names; JSON-text columns stay text.
const athenaRaw = JSON.stringify({
  eventversion: '1.08',
  useridentity: {
    type: 'AssumedRole',
    principalid: 'AROAEXAMPLEROLEID0001:sara',
    arn: 'arn:aws:sts::123456789012:assumed-role/DemoRole1/sara',
    accountid: '123456789012',
    accesskeyid: 'ASIAEXAMPLEKEY000001',
    sessioncontext: { sessionissuer: { type: 'Role', arn: 'arn:aws:iam::123456789012:role/DemoRole1' }, sourceidentity: null },
  },
  eventtime: '2026-11-19T10:00:00Z',
  eventsource: 'ec2.amazonaws.com',
  eventname: 'RunInstances',
  sourceipaddress: '198.51.100.7',
  requestparameters: '{"instancesSet":{"items":[{"imageId":"ami-1"}]}}',
  responseelements: null,
  eventid: 'e-1',
  readonly: 'false',
  recipientaccountid: '123456789012',
  resources: [{ arn: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1', accountid: '123456789012', type: 'AWS::EC2::Instance' }],
});

describe('event search on Athena', () => {
  it('sends valid, partition-pruned Trino and returns CloudTrail records with their cost', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: { QueryExecutionId: 'q-1', Status: { State: 'SUCCEEDED' }, Statistics: { DataScannedInBytes: 52_428_800 } },
    });
    const cell = (v: string) => ({ VarCharValue: v });
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: [{ Name: 'eventid', Type: 'varchar' }, { Name: 'eventtime', Type: 'varchar' }, { Name: 'raw', Type: 'varchar' }] },
        Rows: [{ Data: [cell('eventid'), cell('eventtime'), cell('raw')] }, { Data: [cell('e-1'), cell('2026-11-19T10:00:00Z'), cell(athenaRaw)] }],
      },
    });
    const conn = createAthenaConnection(
      {
        region: 'us-east-1',
        catalog: 'AwsDataCatalog',
        database: 'trails',
        table: 'cloudtrail_logs',
        workgroup: 'primary',
        outputLocation: 's3://results/trailscope/',
        partitioning: 'projected-date',
        timeoutMs: 5000,
        timing: { pollInitialMs: 1, pollMaxMs: 2, throttleBaseMs: 1, throttleRetries: 1 },
      },
      new AthenaClient({ region: 'us-east-1' }),
    );
    const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };
    const page = await searchEvents(conn, eventSearchParams.parse({ ...scope, accessKeyId: 'ASIAEXAMPLEKEY000001' }), scope);

    const sent = athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input;
    const sentSql = (sent?.QueryString ?? '').replace(/^-- .*\n/, '');
    expectValidTrino(sentSql, sent?.ExecutionParameters);
    expect(placeholdersOutsideWhere(sentSql)).toEqual([]);
    expect(sentSql).toContain('"timestamp" BETWEEN ? AND ?');
    expect(sent?.ExecutionParameters).toContain("'ASIAEXAMPLEKEY000001'");

    expect(page.events).toHaveLength(1);
    expect(page.events[0]).toMatchObject({
      eventID: 'e-1',
      eventName: 'RunInstances',
      sourceIPAddress: '198.51.100.7',
      userIdentity: { accessKeyId: 'ASIAEXAMPLEKEY000001', sessionContext: { sessionIssuer: { arn: 'arn:aws:iam::123456789012:role/DemoRole1' } } },
      requestParameters: { instancesSet: { items: [{ imageId: 'ami-1' }] } },
      resources: [{ ARN: 'arn:aws:ec2:us-east-1:123456789012:instance/i-1' }],
    });
    expect(page.panel.stats).toMatchObject({ engine: 'athena', bytesScanned: 52_428_800, queryId: 'q-1' });
    expect(page.panel.stats.costUsd).toBeGreaterThan(0);
  });
});
