import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assumeRoleEvents, NO_MATCH } from '@/lib/attribution/queries/assume-role-events';
import { sessionCredentials } from '@/lib/attribution/queries/session-credentials';
import { columnsOf, MISSING_COLUMNS, type TableSchema } from '@/lib/cloudtrail/columns';
import { trinoType } from '@/lib/engine/athena/dialect';
import { checkTableShape, tableShapeFromCatalog, type TableShape } from '@/lib/engine/table-shape';
import type { Connection } from '@/lib/engine/types';
import { createTrinoConnection } from '@/lib/engine/trino/connection';
import type { AthenaPartitioning } from '@/lib/env';
import { userAccessKeys } from '@/lib/profiles/queries/user-access-keys';
import { eventSearch } from '@/lib/events/queries/event-search';
import { runPanel, type QueryModule } from '@/lib/engine/panel';
import { dataEventSources } from '@/lib/reviews/queries/data-event-sources';
import { sessionNameUsage } from '@/lib/reviews/queries/session-name-usage';
import { getDataRange, getProjectionWarnings } from '@/lib/data-range/get-data-range';
import { isTrinoInstalled } from '@/scripts/lib/trino/install-layout';
import { startTrino, type TrinoServer } from '@/scripts/lib/trino/server';
import { ACCOUNT, event } from '../fixtures/cloudtrail-records';

/**
 * The CloudTrail table as users have it, on Trino (Athena's engine): a table from AWS's older DDL,
 * which lacks every optional column, and tables partitioned by projection and by registered
 * partitions. The table shape is read from Trino's own catalog (information_schema types and the
 * `$properties` table, which carries Athena's `projection.*` keys), so this checks the parsing on
 * real catalog answers, the NULLs the dialect reads for missing columns, and the data-range probes.
 */
const installed = isTrinoInstalled();
if (!installed) console.warn('\n*** Trino is not installed: the Athena-table tests did NOT run. `npm run trino:install` installs it. ***\n');

/** One file per region and day, in CloudTrail's S3 layout (folder date = delivery day). */
const FILES: Record<string, Record<string, unknown>[]> = {
  'us-east-1/2026/11/17': [event('e1', '2026-11-17T00:00:05Z'), event('e2', '2026-11-17T23:59:30Z')],
  'eu-west-1/2026/11/18': [event('e3', '2026-11-18T12:00:00Z', { awsRegion: 'eu-west-1' })],
  // Not in the region projection: never read.
  'ap-southeast-7/2026/11/19': [event('e-unread', '2026-11-19T12:00:00Z', { awsRegion: 'ap-southeast-7' })],
  'us-east-1/2026/11/20': [
    event('e4', '2026-11-20T08:00:00Z', {
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      requestParameters: { roleArn: 'arn:aws:iam::999988887777:role/Partner', roleSessionName: 'alice' },
      responseElements: { assumedRoleUser: { assumedRoleId: 'AROAPARTNER:alice', arn: 'arn:aws:sts::999988887777:assumed-role/Partner/alice' }, credentials: { accessKeyId: 'ASIAPARTNER0001' } },
    }),
    event('e5', '2026-11-20T09:30:00Z', { eventSource: 'account.amazonaws.com', eventName: 'EnableRegion', requestParameters: { regionName: 'ap-southeast-7' } }),
  ],
};

const columnsDdl = (schema: TableSchema) => columnsOf(schema).map((c) => `${c.name} ${trinoType(c.type)}`).join(',\n  ');

describe.skipIf(!installed)('the CloudTrail table as users have it, on Trino', () => {
  let trino: TrinoServer;

  beforeAll(async () => {
    trino = await startTrino();
    for (const [folder, records] of Object.entries(FILES)) {
      const dir = path.join(trino.lakeDir, 'ct', 'AWSLogs', ACCOUNT, 'CloudTrail', folder);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'records.json.gz'), zlib.gzipSync(`${records.map((r) => JSON.stringify(r)).join('\n')}\n`));
    }
    const root = `local:///ct/AWSLogs/${ACCOUNT}/CloudTrail`;
    // In the file metastore's own folder, where Trino writes managed tables (the registered copy).
    await trino.query('CREATE SCHEMA hive.trailscope');
    await trino.query(`CREATE TABLE hive.trailscope.legacy (\n  ${columnsDdl('aws-legacy')}) WITH (format = 'OPENX_JSON', external_location = '${root}')`);
    await trino.query(`CREATE TABLE hive.trailscope.projected (
  ${columnsDdl('project')},
  region varchar WITH (partition_projection_type = 'enum', partition_projection_values = ARRAY['us-east-1', 'eu-west-1']),
  "timestamp" varchar WITH (partition_projection_type = 'date', partition_projection_format = 'yyyy/MM/dd',
    partition_projection_range = ARRAY['2026/11/01', 'NOW'], partition_projection_interval = 1, partition_projection_interval_unit = 'DAYS'))
WITH (format = 'OPENX_JSON', external_location = '${root}', partitioned_by = ARRAY['region', 'timestamp'],
  partition_projection_enabled = true, partition_projection_location_template = '${root}/\${region}/\${timestamp}')`);
    // Registered partitions: a copy written by Trino, each partition recorded in the metastore.
    await trino.query(`CREATE TABLE hive.trailscope.registered WITH (format = 'ORC', partitioned_by = ARRAY['region', 'timestamp']) AS SELECT * FROM hive.trailscope.projected`);
  }, 240_000);

  afterAll(async () => {
    await trino?.stop();
  });

  /** The table's shape from Trino's catalog, as an engine over Trino would read it. */
  async function shapeOf(table: string, partitionKeys: string[]): Promise<TableShape> {
    const columns = await trino.query(`SELECT column_name, data_type FROM hive.information_schema.columns WHERE table_schema = 'trailscope' AND table_name = '${table}' ORDER BY ordinal_position`);
    const props = await trino.query(`SELECT * FROM hive.trailscope."${table}$properties"`);
    const properties = Object.fromEntries(props.columns.map((c, i) => [c.name, String(props.rows[0]?.[i] ?? '')]));
    return tableShapeFromCatalog({
      name: `trailscope.${table}`,
      columns: columns.rows.map((r) => ({ name: String(r[0]), type: String(r[1]) })).filter((c) => !partitionKeys.includes(c.name)),
      partitionKeys: partitionKeys.map((name) => ({ name })),
      properties,
    });
  }

  /** A Connection to the table as the Trino engine opens one. */
  async function connection(table: string, partitioning: AthenaPartitioning, partitionKeys: string[]): Promise<Connection> {
    const shape = await shapeOf(table, partitionKeys);
    const { missingOptional } = checkTableShape(shape, { partitioning, partitioningSetting: 'TRAILSCOPE_ATHENA_PARTITIONING', setupHint: '' });
    // The Trino engine itself, with the shape read from Trino's catalog: the same SQL and cell conversion as the app.
    return createTrinoConnection({ url: trino.url, catalog: 'hive', schema: 'trailscope', table, partitioning }, { shape, missingColumns: missingOptional });
  }

  const scope = { from: '2026-11-17T00:00:00Z', to: '2026-11-21T00:00:00Z' };

  it("reads the older DDL's table: its missing columns are found in Trino's catalog and read as NULL, with notes", async () => {
    const conn = await connection('legacy', 'none', []);
    expect(conn.dialect.optionalColumn('tlsdetails').toQuery().sql).toContain('CAST(NULL AS row(');
    expect(checkTableShape(conn.tableShape as TableShape, { partitioning: 'none', partitioningSetting: 'X', setupHint: '' }).missingOptional).toEqual(MISSING_COLUMNS['aws-legacy']);
    const cases: [QueryModule<never, unknown>, unknown][] = [
      [assumeRoleEvents as QueryModule<never, unknown>, { ...NO_MATCH, ...scope, roleArns: ['arn:aws:iam::999988887777:role/Partner'] }],
      [sessionCredentials as QueryModule<never, unknown>, { ...scope, principalIds: ['AROAEXAMPLEROLEID0001:alice'] }],
      [userAccessKeys as QueryModule<never, unknown>, { ...scope, arn: `arn:aws:iam::${ACCOUNT}:user/alice` }],
      [dataEventSources as QueryModule<never, unknown>, scope],
      [sessionNameUsage as QueryModule<never, unknown>, scope],
    ];
    for (const [module, params] of cases) {
      const panel = await runPanel(conn, module, params as never);
      expect(panel.notes.length, module.name).toBeGreaterThan(0);
    }
    const assumed = await runPanel(conn, assumeRoleEvents, { ...NO_MATCH, ...scope, roleArns: ['arn:aws:iam::999988887777:role/Partner'] });
    expect(assumed.rows.map((r) => [r.eventId, r.callerSourceIdentity])).toEqual([['e4', null]]);
    const credentials = await runPanel(conn, sessionCredentials, { ...scope, principalIds: ['AROAEXAMPLEROLEID0001:alice'] });
    expect(credentials.rows[0]?.source_identity).toBeNull();
  });

  it('rebuilds raw records without the columns the table lacks', async () => {
    const conn = await connection('legacy', 'none', []);
    const page = await runPanel(conn, eventSearch, { ...scope, limit: 10 });
    // Unpartitioned: every folder is read, the unlisted region's too.
    expect(page.rows.length).toBe(6);
    const record = conn.dialect.parseRawRecord(page.rows[0]?.raw as string);
    expect(record).toMatchObject({ eventID: page.rows[0]?.eventid, recipientAccountId: ACCOUNT });
    expect(record).not.toHaveProperty('tlsDetails');
    expect(record).not.toHaveProperty('eventCategory');
    expect(page.notes).toHaveLength(7);
  });

  it('finds the data range of a projected table with probes, and what it does not read', async () => {
    const conn = await connection('projected', 'projected-date', ['region', 'timestamp']);
    expect(conn.tableShape?.projection?.keys.region).toEqual({ type: 'enum', values: ['us-east-1', 'eu-west-1'] });
    const range = await getDataRange(conn);
    expect(range).toMatchObject({ events: null, first: '2026-11-17T00:00:05Z', last: '2026-11-20T09:30:00Z' });
    expect(range.queries.filter((q) => q.sql.includes('LIMIT 1')).length).toBeGreaterThan(0);
    expect(range.named?.assumedAccounts).toEqual(['999988887777']);
    const warnings = await getProjectionWarnings(conn);
    expect(warnings.map((w) => [w.key, w.values])).toEqual([['region', ['ap-southeast-7']]]);
  });

  it('finds the data range of a table with registered partitions from its $partitions table', async () => {
    const conn = await connection('registered', 'projected-date', ['region', 'timestamp']);
    expect(conn.tableShape?.projection).toBeNull();
    const range = await getDataRange(conn);
    expect(range).toMatchObject({ first: '2026-11-17T00:00:05Z', last: '2026-11-20T09:30:00Z' });
    expect(range.queries[0]?.sql).toContain('"registered$partitions"');
  });
});
