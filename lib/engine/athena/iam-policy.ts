/**
 * The least-privilege IAM policy for the principal Trailscope runs as: run and stop queries in one
 * workgroup, read the table's metadata (Athena's GetTableMetadata at start-up, and Glue), read the trail's objects, and read/write the query
 * result location. Athena calls Glue and S3 with the caller's own credentials, so all three are
 * needed; a missing one surfaces as a FAILED query naming the action (mapped to ACCESS_DENIED).
 */

export interface PolicySetup {
  bucket: string;
  prefix?: string;
  /** s3://bucket/prefix/ of query results; omit when the workgroup manages results itself. */
  outputLocation?: string;
  workgroup: string;
  database: string;
  table: string;
  /** Athena data catalog holding the table (AwsDataCatalog unless given). */
  catalog?: string;
  /** Region and account of Athena/Glue; '*' when unknown (works, but broader). */
  region: string;
  account: string;
  /** KMS keys encrypting the trail's objects or the results (SSE-KMS). */
  kmsKeyArns: readonly string[];
}

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string[]>>;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

function splitS3Uri(uri: string): { bucket: string; key: string } {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!m) throw new RangeError(`Not an s3:// URI: ${uri}`);
  return { bucket: m[1] as string, key: m[2] as string };
}

export function athenaIamPolicy(p: PolicySetup): PolicyDocument {
  const prefix = p.prefix?.replace(/^\/+|\/+$/g, '');
  const logsKey = `${prefix ? `${prefix}/` : ''}AWSLogs/`;
  const glue = (resource: string) => `arn:aws:glue:${p.region}:${p.account}:${resource}`;
  const statements: PolicyStatement[] = [
    {
      Sid: 'RunTrailscopeQueries',
      Effect: 'Allow',
      Action: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StopQueryExecution'],
      Resource: [`arn:aws:athena:${p.region}:${p.account}:workgroup/${p.workgroup}`],
    },
    {
      // Read once when Trailscope starts, to know the table's columns, partitions and projection.
      Sid: 'DescribeCloudTrailTable',
      Effect: 'Allow',
      Action: ['athena:GetTableMetadata'],
      Resource: [`arn:aws:athena:${p.region}:${p.account}:datacatalog/${p.catalog ?? 'AwsDataCatalog'}`],
    },
    {
      Sid: 'ReadCloudTrailTableMetadata',
      Effect: 'Allow',
      Action: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetPartitions'],
      Resource: [glue('catalog'), glue(`database/${p.database}`), glue(`table/${p.database}/${p.table}`)],
    },
    {
      // Its own statement: GetBucketLocation requests carry no s3:prefix, so the condition below
      // would deny them.
      Sid: 'LocateBuckets',
      Effect: 'Allow',
      Action: ['s3:GetBucketLocation'],
      Resource: [`arn:aws:s3:::${p.bucket}`, ...(p.outputLocation ? [`arn:aws:s3:::${splitS3Uri(p.outputLocation).bucket}`] : [])],
    },
    {
      Sid: 'ListCloudTrailBucket',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: [`arn:aws:s3:::${p.bucket}`],
      Condition: { StringLike: { 's3:prefix': [`${logsKey}*`] } },
    },
    {
      Sid: 'ReadCloudTrailLogs',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: [`arn:aws:s3:::${p.bucket}/${logsKey}*`],
    },
  ];
  if (p.outputLocation) {
    const out = splitS3Uri(p.outputLocation);
    statements.push(
      {
        Sid: 'AthenaResultsBucket',
        Effect: 'Allow',
        Action: ['s3:ListBucket', 's3:ListBucketMultipartUploads'],
        Resource: [`arn:aws:s3:::${out.bucket}`],
      },
      {
        Sid: 'AthenaResultsObjects',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        Resource: [`arn:aws:s3:::${out.bucket}/${out.key}*`],
      },
    );
  }
  if (p.kmsKeyArns.length > 0) {
    statements.push({
      Sid: 'DecryptTrailAndResults',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: [...p.kmsKeyArns],
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}
