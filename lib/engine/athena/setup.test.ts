import { describe, expect, it } from 'vitest';
import { SetupError } from './ddl';
import { athenaIamPolicy } from './iam-policy';
import { parseSetupArgs, renderSetup, type SetupPlan } from './setup';

function plan(argv: string[]): SetupPlan {
  const p = parseSetupArgs(argv);
  if (p === 'help') throw new Error('unexpected help');
  return p;
}

describe('parseSetupArgs', () => {
  it('reads flags, lists and defaults', () => {
    const p = plan([
      '--bucket', 'trail-bucket', '--account', '111122223333,444455556666', '--account', '777788889999',
      '--org-id', 'o-abc123def4', '--regions', 'us-east-1, eu-west-1', '--partitioning', 'account-region-date',
      '--output-location', 's3://results/athena/', '--kms-key', 'arn:aws:kms:us-east-1:111122223333:key/k',
    ]);
    expect(p.table).toMatchObject({
      partitioning: 'account-region-date',
      bucket: 'trail-bucket',
      accounts: ['111122223333', '444455556666', '777788889999'],
      organizationId: 'o-abc123def4',
      regions: ['us-east-1', 'eu-west-1'],
      table: 'cloudtrail_logs',
      database: 'default',
      startDate: '2020/01/01',
      projection: true,
    });
    expect(p.policy).toMatchObject({ workgroup: 'primary', region: '*', account: '*', outputLocation: 's3://results/athena/' });
    expect(p.print).toBe('both');
  });

  it('uses configured defaults, and flags win over them', () => {
    const p = parseSetupArgs(['--bucket', 'b-1', '--account', '111122223333', '--table', 'ct'], {
      partitioning: 'region-date',
      table: 'from_env',
      database: 'trails',
      workgroup: 'wg',
    });
    expect(p).not.toBe('help');
    if (p === 'help') return;
    expect(p.table).toMatchObject({ partitioning: 'region-date', table: 'ct', database: 'trails' });
    expect(p.policy.workgroup).toBe('wg');
  });

  it('explains mistakes', () => {
    expect(() => parseSetupArgs(['--account', '111122223333'])).toThrow(/--bucket is required/);
    expect(() => parseSetupArgs(['--bucket', 'b-1', '--partitioning', 'daily'])).toThrow(SetupError);
    expect(() => parseSetupArgs(['--bucket', 'b-1', '--print', 'all'])).toThrow(/--print/);
    expect(() => parseSetupArgs(['--bucket', 'b-1', '--output-location', 'results/'])).toThrow(/s3:\/\//);
    expect(() => parseSetupArgs(['--bucket', 'b-1', '--nope'])).toThrow();
    expect(parseSetupArgs(['--help'])).toBe('help');
  });
});

describe('renderSetup', () => {
  it('prints the DDL then the policy; --print policy is pure JSON', () => {
    const both = renderSetup(plan(['--bucket', 'trail-bucket', '--account', '111122223333']));
    expect(both).toMatch(/^CREATE EXTERNAL TABLE default\.cloudtrail_logs \(/);
    expect(both).toContain(');\n\n-- IAM policy for the principal Trailscope runs as:\n{');
    const policyOnly = renderSetup(plan(['--bucket', 'trail-bucket', '--account', '111122223333', '--print', 'policy']));
    expect(JSON.parse(policyOnly)).toMatchObject({ Version: '2012-10-17' });
    const manual = renderSetup(plan(['--bucket', 'trail-bucket', '--account', '111122223333', '--partitioning', 'region-date', '--manual-partitions', '--print', 'ddl']));
    expect(manual).toContain('ALTER TABLE default.cloudtrail_logs ADD IF NOT EXISTS PARTITION');
  });
});

describe('athenaIamPolicy', () => {
  const policy = athenaIamPolicy({
    bucket: 'trail-bucket',
    prefix: 'org/',
    outputLocation: 's3://results-bucket/athena/',
    workgroup: 'trailscope',
    database: 'trails',
    table: 'cloudtrail_logs',
    region: 'us-east-1',
    account: '111122223333',
    kmsKeyArns: ['arn:aws:kms:us-east-1:111122223333:key/abc'],
  });
  const bySid = Object.fromEntries(policy.Statement.map((s) => [s.Sid, s]));

  it('allows exactly the Athena calls the engine makes, on one workgroup', () => {
    expect(bySid.RunTrailscopeQueries).toEqual({
      Sid: 'RunTrailscopeQueries',
      Effect: 'Allow',
      Action: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StopQueryExecution'],
      Resource: ['arn:aws:athena:us-east-1:111122223333:workgroup/trailscope'],
    });
  });

  it("allows reading the table's metadata through Athena at start-up", () => {
    expect(bySid.DescribeCloudTrailTable).toEqual({
      Sid: 'DescribeCloudTrailTable',
      Effect: 'Allow',
      Action: ['athena:GetTableMetadata'],
      Resource: ['arn:aws:athena:us-east-1:111122223333:datacatalog/AwsDataCatalog'],
    });
  });

  it('allows Glue metadata reads for the table', () => {
    expect(bySid.ReadCloudTrailTableMetadata?.Action).toEqual(['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartitions']);
    expect(bySid.ReadCloudTrailTableMetadata?.Resource).toEqual([
      'arn:aws:glue:us-east-1:111122223333:catalog',
      'arn:aws:glue:us-east-1:111122223333:database/trails',
      'arn:aws:glue:us-east-1:111122223333:table/trails/cloudtrail_logs',
    ]);
  });

  it('allows reading the trail and reading/writing the results location, and KMS when given', () => {
    expect(bySid.ReadCloudTrailLogs?.Resource).toEqual(['arn:aws:s3:::trail-bucket/org/AWSLogs/*']);
    expect(bySid.ListCloudTrailBucket).toMatchObject({ Action: ['s3:ListBucket'], Condition: { StringLike: { 's3:prefix': ['org/AWSLogs/*'] } } });
    // GetBucketLocation has no s3:prefix key, so it must not sit behind that condition.
    expect(bySid.LocateBuckets).toMatchObject({ Action: ['s3:GetBucketLocation'], Resource: ['arn:aws:s3:::trail-bucket', 'arn:aws:s3:::results-bucket'] });
    expect(bySid.LocateBuckets?.Condition).toBeUndefined();
    expect(bySid.AthenaResultsObjects?.Action).toContain('s3:PutObject');
    expect(bySid.AthenaResultsObjects?.Resource).toEqual(['arn:aws:s3:::results-bucket/athena/*']);
    expect(bySid.DecryptTrailAndResults?.Action).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
  });
});
