import { describe, expect, it } from 'vitest';
import { CLOUDTRAIL_COLUMNS } from '@/lib/cloudtrail/columns';
import { ATHENA_PARTITIONINGS } from '@/lib/env';
import { trinoSyntaxErrors } from '@/lib/sql/trino-parse';
import { trinoSetupDdl, type TrinoTableSetup } from './ddl';

const base: TrinoTableSetup = {
  partitioning: 'projected-date',
  catalog: 'hive',
  schema: 'security',
  table: 'cloudtrail_logs',
  root: 's3://amzn-s3-demo-bucket/',
  accounts: ['111122223333'],
  regions: ['us-east-1', 'eu-west-1'],
  startDate: '2024/01/01',
};

describe('trinoSetupDdl', () => {
  it.each(ATHENA_PARTITIONINGS)('%s: a table over the files and a view, in Trino syntax', (partitioning) => {
    const ddl = trinoSetupDdl({ ...base, partitioning });
    expect(trinoSyntaxErrors(ddl.table)).toEqual([]);
    expect(trinoSyntaxErrors(ddl.view)).toEqual([]);
    expect(ddl).toMatchSnapshot();
  });

  it('reads every declared column out of the Records array, and passes the partition columns through', () => {
    const { table, view } = trinoSetupDdl({ ...base, accounts: ['111122223333', '444455556666'], organizationId: 'o-abc123def4', root: 's3://trail-bucket/org-trail/' });
    expect(table).toMatch(/^CREATE TABLE "hive"\."security"\."cloudtrail_logs_files" \(\n {2}records array\(ROW\(\n {4}eventversion varchar,/);
    expect(table).toContain(`"account" varchar WITH (partition_projection_type = 'ENUM', partition_projection_values = ARRAY['111122223333', '444455556666'])`);
    expect(table).toContain("external_location = 's3://trail-bucket/org-trail/AWSLogs/o-abc123def4/'");
    expect(table).toContain("partition_projection_location_template = 's3://trail-bucket/org-trail/AWSLogs/o-abc123def4/${account}/CloudTrail/${region}/${timestamp}'");
    expect(view).toBe(
      `CREATE VIEW "hive"."security"."cloudtrail_logs" AS\nSELECT ${CLOUDTRAIL_COLUMNS.map((c) => c.name).join(', ')}, "account", "region", "timestamp"\nFROM "hive"."security"."cloudtrail_logs_files"\nCROSS JOIN UNNEST(records)`,
    );
  });

  it('puts a one-account table below the account\'s CloudTrail folder (not its digests)', () => {
    const { table } = trinoSetupDdl({ ...base, partitioning: 'none' });
    expect(table).toContain("external_location = 's3://amzn-s3-demo-bucket/AWSLogs/111122223333/CloudTrail/'");
    expect(table).not.toContain('partitioned_by');
  });

  it('refuses what would break the statement or the layout', () => {
    expect(() => trinoSetupDdl({ ...base, root: "s3://bucket/it's/" })).toThrow(/root must be/);
    expect(() => trinoSetupDdl({ ...base, root: 's3://bucket/${x}/' })).toThrow(/root must be/);
    expect(() => trinoSetupDdl({ ...base, root: 's3://bucket' })).toThrow(/ending in \//);
    expect(() => trinoSetupDdl({ ...base, schema: 'a.b' })).toThrow(/schema must match/);
    expect(() => trinoSetupDdl({ ...base, accounts: [] })).toThrow(/account ids/);
    expect(() => trinoSetupDdl({ ...base, partitioning: 'region-date', accounts: ['111122223333', '444455556666'] })).toThrow(/exactly one account/);
    expect(() => trinoSetupDdl({ ...base, regions: ['mars-1'] })).toThrow(/region names/);
    expect(() => trinoSetupDdl({ ...base, startDate: '2024-01-01' })).toThrow(/yyyy\/MM\/dd/);
  });
});
