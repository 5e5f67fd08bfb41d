import { describe, expect, it } from 'vitest';
import { DEFAULT_REGIONS } from '@/lib/engine/athena/ddl';
import { parseTrinoSetupArgs, renderTrinoSetup } from './setup';

describe('parseTrinoSetupArgs', () => {
  it('builds the S3 root from the bucket and prefix, with the configured names as defaults', () => {
    expect(parseTrinoSetupArgs(['--bucket', 'trail', '--prefix', '/org/', '--account', '111122223333,444455556666'], { catalog: 'lake', schema: 'security', partitioning: 'account-region-date' })).toEqual({
      partitioning: 'account-region-date',
      catalog: 'lake',
      schema: 'security',
      table: 'cloudtrail_logs',
      root: 's3://trail/org/',
      accounts: ['111122223333', '444455556666'],
      organizationId: undefined,
      regions: [...DEFAULT_REGIONS],
      startDate: '2020/01/01',
    });
  });

  it('takes another file system through --root', () => {
    const setup = parseTrinoSetupArgs(['--root', 's3a://minio-bucket/trail', '--account', '111122223333', '--regions', 'eu-west-1', '--partitioning', 'none']);
    expect(setup).toMatchObject({ root: 's3a://minio-bucket/trail/', regions: ['eu-west-1'], partitioning: 'none' });
  });

  it('asks for exactly one of --bucket and --root, and a known layout', () => {
    expect(() => parseTrinoSetupArgs(['--account', '111122223333'])).toThrow('give either --bucket or --root');
    expect(() => parseTrinoSetupArgs(['--bucket', 'b', '--root', 's3://b/'])).toThrow('give either --bucket or --root');
    expect(() => parseTrinoSetupArgs(['--bucket', 'b', '--partitioning', 'daily'])).toThrow(/--partitioning must be one of/);
    expect(parseTrinoSetupArgs(['--help'])).toBe('help');
  });
});

describe('renderTrinoSetup', () => {
  it('prints the catalog setting the layout needs, then both statements', () => {
    const text = renderTrinoSetup({ partitioning: 'projected-date', catalog: 'hive', schema: 's', table: 't', root: 's3://b/', accounts: ['111122223333'], regions: ['us-east-1'], startDate: '2024/01/01' });
    expect(text).toMatch(/^-- The catalog needs hive\.ignore-absent-partitions=true .*\n\nCREATE TABLE "hive"\."s"\."t_files" \([\s\S]*\);\n\nCREATE VIEW "hive"\."s"\."t" AS[\s\S]*CROSS JOIN UNNEST\(records\);\n$/);
  });
});
