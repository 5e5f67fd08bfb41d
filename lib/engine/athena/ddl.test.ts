import fs from 'node:fs';
import path from 'node:path';
import { HiveSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import { ATHENA_PARTITIONINGS, type AthenaPartitioning } from '@/lib/env';
import { addPartitionExample, createTableDdl, SetupError, type TableSetup } from './ddl';
import { createAthenaDialect } from './dialect';

const hive = new HiveSQL();
function expectValidHive(ddl: string): void {
  const errors = hive.validate(ddl).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);
  expect(errors, ddl).toEqual([]);
}

const BASE: TableSetup = {
  partitioning: 'projected-date',
  table: 'cloudtrail_logs',
  database: 'trails',
  bucket: 'my-trail-bucket',
  prefix: 'org-trail',
  accounts: ['111122223333'],
  regions: ['us-east-1', 'eu-west-1'],
  startDate: '2023/06/01',
  projection: true,
};

const setups: Record<AthenaPartitioning, TableSetup> = {
  none: { ...BASE, partitioning: 'none' },
  'region-date': { ...BASE, partitioning: 'region-date' },
  'account-region-date': { ...BASE, partitioning: 'account-region-date', accounts: ['111122223333', '444455556666'], organizationId: 'o-abc123def4' },
  'projected-date': BASE,
};

// The official AWS CloudTrail table's columns (create-cloudtrail-table*.html), in our order.
const OFFICIAL_COLUMNS = [
  'eventversion', 'useridentity', 'eventtime', 'eventsource', 'eventname', 'awsregion', 'sourceipaddress',
  'useragent', 'errorcode', 'errormessage', 'requestparameters', 'responseelements', 'additionaleventdata',
  'requestid', 'eventid', 'resources', 'eventtype', 'apiversion', 'readonly', 'recipientaccountid',
  'serviceeventdetails', 'sharedeventid', 'vpcendpointid', 'vpcendpointaccountid', 'eventcategory', 'addendum',
  'sessioncredentialfromconsole', 'edgedevicedetails', 'tlsdetails',
];

describe('createTableDdl', () => {
  it.each(ATHENA_PARTITIONINGS)('%s: valid Hive DDL with the official columns plus sourceidentity', (layout) => {
    const ddl = createTableDdl(setups[layout]);
    expectValidHive(ddl);
    const topLevel = [...ddl.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]);
    expect(topLevel).toEqual(OFFICIAL_COLUMNS);
    expect(ddl).toMatch(/sessioncontext: STRUCT<[\s\S]*webidfederationdata: STRUCT<[\s\S]*attributes: MAP<STRING, STRING>>,\n\s+sourceidentity: STRING>/);
    expect(ddl).toContain("ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'");
    expect(ddl).toContain("STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'");
  });

  it('projected-date, one account: AWS projection properties, region enum, location below the account', () => {
    const ddl = createTableDdl(BASE);
    expect(ddl).toContain('CREATE EXTERNAL TABLE trails.cloudtrail_logs (');
    expect(ddl).toContain('PARTITIONED BY (region STRING, `timestamp` STRING)');
    expect(ddl).toContain("LOCATION 's3://my-trail-bucket/org-trail/AWSLogs/111122223333/CloudTrail/'");
    for (const prop of [
      "'projection.enabled'='true'",
      "'projection.region.type'='enum'",
      "'projection.region.values'='us-east-1,eu-west-1'",
      "'projection.timestamp.type'='date'",
      "'projection.timestamp.format'='yyyy/MM/dd'",
      "'projection.timestamp.range'='2023/06/01,NOW'",
      "'projection.timestamp.interval'='1'",
      "'projection.timestamp.interval.unit'='DAYS'",
      "'storage.location.template'='s3://my-trail-bucket/org-trail/AWSLogs/111122223333/CloudTrail/${region}/${timestamp}'",
    ]) {
      expect(ddl).toContain(prop);
    }
  });

  it('organization trail: account partition, org folder in the template', () => {
    const ddl = createTableDdl(setups['account-region-date']);
    expect(ddl).toContain('PARTITIONED BY (account STRING, region STRING, year STRING, month STRING, day STRING)');
    expect(ddl).toContain("LOCATION 's3://my-trail-bucket/org-trail/AWSLogs/o-abc123def4/'");
    expect(ddl).toContain("'projection.account.values'='111122223333,444455556666'");
    expect(ddl).toContain("'projection.month.digits'='2'");
    expect(ddl).toContain(
      "'storage.location.template'='s3://my-trail-bucket/org-trail/AWSLogs/o-abc123def4/${account}/CloudTrail/${region}/${year}/${month}/${day}'",
    );
    const multi = createTableDdl({ ...BASE, accounts: ['111122223333', '444455556666'] });
    expect(multi).toContain('PARTITIONED BY (account STRING, region STRING, `timestamp` STRING)');
  });

  it('none: no partitions, no properties', () => {
    const ddl = createTableDdl(setups.none);
    expect(ddl).not.toContain('PARTITIONED BY');
    expect(ddl).not.toContain('TBLPROPERTIES');
  });

  it('manual partitions: no projection, plus a valid ALTER TABLE ADD PARTITION example', () => {
    const manual = { ...setups['region-date'], projection: false };
    const ddl = createTableDdl(manual);
    expect(ddl).toContain('PARTITIONED BY (region STRING, year STRING, month STRING, day STRING)');
    expect(ddl).not.toContain('TBLPROPERTIES');
    const example = addPartitionExample(manual);
    expect(example).toBe(
      "ALTER TABLE trails.cloudtrail_logs ADD IF NOT EXISTS PARTITION (region='us-east-1', year='2023', month='06', day='01')\nLOCATION 's3://my-trail-bucket/org-trail/AWSLogs/111122223333/CloudTrail/us-east-1/2023/06/01/'",
    );
    expectValidHive(example ?? '');
    expect(addPartitionExample(BASE)).toBeNull();
  });

  it('declares every partition column the dialect filters on', () => {
    for (const layout of ATHENA_PARTITIONINGS) {
      const ddl = createTableDdl(setups[layout]);
      const declared = /PARTITIONED BY \(([^)]*)\)/.exec(ddl)?.[1] ?? '';
      const dialect = createAthenaDialect({ catalog: 'AwsDataCatalog', database: 'trails', table: 'cloudtrail_logs', partitioning: layout });
      const used = [...dialect.timeRange('2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z').toQuery().sql.matchAll(/"(year|month|day|timestamp)"/g)].map((m) => m[1]);
      for (const column of new Set(used)) expect(declared).toMatch(new RegExp(`\`?${column}\`? STRING`));
    }
  });

  it('rejects settings that would produce a broken or unsafe statement', () => {
    const bad: Partial<TableSetup>[] = [
      { bucket: "b'; DROP" },
      { table: 'x y' },
      { accounts: ['12345'] },
      { regions: [] },
      { regions: ["us-east-1'"] },
      { startDate: '2023-06-01' },
      { organizationId: 'org-1' },
      { prefix: "a'b" },
      { partitioning: 'region-date', accounts: ['111122223333', '444455556666'] },
      { partitioning: 'account-region-date', accounts: [] },
      { partitioning: 'projected-date', projection: false },
    ];
    for (const b of bad) expect(() => createTableDdl({ ...BASE, ...b }), JSON.stringify(b)).toThrow(SetupError);
  });
});

describe('docs/athena.md', () => {
  it('shows exactly the DDL the setup script prints for its example', () => {
    const doc = fs.readFileSync(path.resolve(process.cwd(), 'docs/athena.md'), 'utf8');
    const shown = /```sql\n(CREATE EXTERNAL TABLE[\s\S]*?)\n```/.exec(doc)?.[1];
    const printed = createTableDdl({
      partitioning: 'projected-date',
      table: 'cloudtrail_logs',
      database: 'default',
      bucket: 'amzn-s3-demo-bucket',
      accounts: ['111122223333'],
      regions: ['us-east-1', 'us-west-2', 'eu-west-1'],
      startDate: '2024/01/01',
      projection: true,
    });
    expect(shown).toBe(`${printed};`);
  });
});
