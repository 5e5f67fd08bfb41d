/**
 * The CREATE EXTERNAL TABLE statement for each partition layout the Athena dialect understands.
 *
 * Columns come from lib/cloudtrail/columns.ts, i.e. AWS's official CloudTrail table plus
 * `sessioncontext.sourceidentity`. SerDe and input format are those of the current AWS DDL
 * (`org.apache.hive.hcatalog.data.JsonSerDe` + `com.amazon.emr.cloudtrail.CloudTrailInputFormat`).
 *
 * Layouts (S3: bucket/prefix/AWSLogs/[o-ID/]<account>/CloudTrail/<region>/YYYY/MM/DD/):
 * - none                 one account, no partitions: every query reads the whole trail.
 * - region-date          one account; (region, year, month, day).
 * - account-region-date  several accounts or an organization trail; (account, region, year, month, day).
 * - projected-date       AWS's partition-projection layout, a `timestamp` (yyyy/MM/dd) partition,
 *                        plus projected `region` and, for several accounts, `account` enums.
 * The year/month/day layouts use partition projection too unless `projection` is false, in which
 * case partitions must be added with ALTER TABLE ADD PARTITION (see `addPartitionExample`).
 * DDL is Hive syntax, not Trino: tests validate it with dt-sql-parser's Hive grammar.
 */
import { CLOUDTRAIL_COLUMNS, type ColumnType } from '@/lib/cloudtrail/columns';
import type { AthenaPartitioning } from '@/lib/env';

/** Commercial regions as of 2025; pass the trail's own list to avoid projecting empty prefixes. */
export const DEFAULT_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-south-1',
  'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4',
  'ap-southeast-5', 'ap-southeast-7', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2',
  'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1', 'il-central-1', 'me-south-1',
  'me-central-1', 'mx-central-1', 'sa-east-1',
] as const;

export interface TableSetup {
  partitioning: AthenaPartitioning;
  table: string;
  database?: string;
  bucket: string;
  /** Key prefix configured on the trail, if any (without AWSLogs/). */
  prefix?: string;
  accounts: readonly string[];
  /** o-xxxxxxxxxx for an organization trail. */
  organizationId?: string;
  regions: readonly string[];
  /** First day to project, yyyy/MM/dd. */
  startDate: string;
  /** Partition projection for the year/month/day layouts (projected-date always projects). */
  projection: boolean;
}

const IDENT = /^[A-Za-z0-9_]+$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^[A-Za-z0-9_.\-/]*$/;
export const ACCOUNT = /^\d{12}$/;
export const ORG = /^o-[a-z0-9]{10,32}$/;
export const REGION = /^[a-z]{2}(-[a-z0-9]+)+-\d+$/;
export const SLASH_DATE = /^(\d{4})\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])$/;

export class SetupError extends Error {
  override name = 'SetupError';
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new SetupError(message);
}

export function validateSetup(s: TableSetup): void {
  check(IDENT.test(s.table), `table must match ${IDENT}`);
  check(s.database === undefined || IDENT.test(s.database), `database must match ${IDENT}`);
  check(BUCKET.test(s.bucket), `not an S3 bucket name: ${s.bucket}`);
  check(s.prefix === undefined || PREFIX.test(s.prefix), `prefix may only contain letters, digits and _ . - /`);
  check(s.accounts.every((a) => ACCOUNT.test(a)), 'account ids are 12 digits');
  check(s.organizationId === undefined || ORG.test(s.organizationId), 'organization id looks like o-abc123def4');
  check(s.regions.length > 0 && s.regions.every((r) => REGION.test(r)), 'regions must be AWS region names');
  check(SLASH_DATE.test(s.startDate), 'start date must be yyyy/MM/dd');
  const multi = s.accounts.length !== 1;
  if (s.partitioning === 'none' || s.partitioning === 'region-date') {
    check(!multi, `${s.partitioning} covers exactly one account; use account-region-date or projected-date for several`);
  }
  if (s.partitioning === 'account-region-date' || s.partitioning === 'projected-date') {
    check(s.accounts.length > 0, 'give at least one account id (partition projection enumerates them)');
  }
  check(!(s.partitioning === 'projected-date' && !s.projection), 'projected-date is partition projection by definition');
}

function hiveType(t: ColumnType, indent: string): string {
  switch (t.kind) {
    case 'string':
    case 'json':
      return 'STRING';
    case 'map':
      return 'MAP<STRING, STRING>';
    case 'array':
      return `ARRAY<${hiveType(t.of, indent)}>`;
    case 'struct': {
      const inner = `${indent}  `;
      return `STRUCT<\n${t.fields.map((f) => `${inner}${f.name}: ${hiveType(f.type, inner)}`).join(',\n')}>`;
    }
  }
}

/** s3://bucket/prefix/AWSLogs/[o-ID/] */
function logsRoot(s: TableSetup): string {
  const prefix = s.prefix?.replace(/^\/+|\/+$/g, '');
  return `s3://${s.bucket}/${prefix ? `${prefix}/` : ''}AWSLogs/${s.organizationId ? `${s.organizationId}/` : ''}`;
}

/** Whether the layout carries an `account` partition. */
function hasAccountPartition(s: TableSetup): boolean {
  return s.partitioning === 'account-region-date' || (s.partitioning === 'projected-date' && s.accounts.length > 1);
}

function location(s: TableSetup): string {
  // With one account the table sits below the account folder, which also keeps the
  // CloudTrail-Digest files (a sibling of CloudTrail/) out of the table.
  return hasAccountPartition(s) ? logsRoot(s) : `${logsRoot(s)}${s.accounts[0]}/CloudTrail/`;
}

function partitionColumns(s: TableSetup): string[] {
  const account = hasAccountPartition(s) ? ['account STRING'] : [];
  switch (s.partitioning) {
    case 'none':
      return [];
    case 'projected-date':
      return [...account, 'region STRING', '`timestamp` STRING'];
    case 'region-date':
    case 'account-region-date':
      return [...account, 'region STRING', 'year STRING', 'month STRING', 'day STRING'];
  }
}

function projectionProperties(s: TableSetup): [string, string][] {
  if (s.partitioning === 'none' || !s.projection) return [];
  const accountPath = hasAccountPartition(s) ? `${logsRoot(s)}\${account}/CloudTrail/` : location(s);
  const props: [string, string][] = [['projection.enabled', 'true']];
  if (hasAccountPartition(s)) {
    props.push(['projection.account.type', 'enum'], ['projection.account.values', s.accounts.join(',')]);
  }
  props.push(['projection.region.type', 'enum'], ['projection.region.values', s.regions.join(',')]);
  if (s.partitioning === 'projected-date') {
    props.push(
      ['projection.timestamp.type', 'date'],
      ['projection.timestamp.format', 'yyyy/MM/dd'],
      ['projection.timestamp.range', `${s.startDate},NOW`],
      ['projection.timestamp.interval', '1'],
      ['projection.timestamp.interval.unit', 'DAYS'],
      ['storage.location.template', `${accountPath}\${region}/\${timestamp}`],
    );
  } else {
    const startYear = s.startDate.slice(0, 4);
    props.push(
      ['projection.year.type', 'integer'],
      ['projection.year.range', `${startYear},2099`],
      ['projection.year.digits', '4'],
      ['projection.month.type', 'integer'],
      ['projection.month.range', '1,12'],
      ['projection.month.digits', '2'],
      ['projection.day.type', 'integer'],
      ['projection.day.range', '1,31'],
      ['projection.day.digits', '2'],
      ['storage.location.template', `${accountPath}\${region}/\${year}/\${month}/\${day}`],
    );
  }
  return props;
}

/** The CREATE EXTERNAL TABLE statement (without a trailing semicolon). */
export function createTableDdl(s: TableSetup): string {
  validateSetup(s);
  const name = s.database ? `${s.database}.${s.table}` : s.table;
  const columns = CLOUDTRAIL_COLUMNS.map((c) => `  ${c.name} ${hiveType(c.type, '  ')}`).join(',\n');
  const partitions = partitionColumns(s);
  const props = projectionProperties(s);
  return [
    `CREATE EXTERNAL TABLE ${name} (`,
    columns,
    ')',
    ...(partitions.length > 0 ? [`PARTITIONED BY (${partitions.join(', ')})`] : []),
    "ROW FORMAT SERDE 'org.apache.hive.hcatalog.data.JsonSerDe'",
    "STORED AS INPUTFORMAT 'com.amazon.emr.cloudtrail.CloudTrailInputFormat'",
    "OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'",
    `LOCATION '${location(s)}'`,
    ...(props.length > 0 ? ['TBLPROPERTIES (', props.map(([k, v]) => `  '${k}'='${v}'`).join(',\n'), ')'] : []),
  ].join('\n');
}

/** For manually partitioned tables: the statement that registers one day of one region. */
export function addPartitionExample(s: TableSetup, day = s.startDate): string | null {
  validateSetup(s);
  if (s.projection || (s.partitioning !== 'region-date' && s.partitioning !== 'account-region-date')) return null;
  const m = SLASH_DATE.exec(day);
  check(m !== null, 'day must be yyyy/MM/dd');
  const [, year, month, dd] = m as RegExpExecArray;
  const account = s.accounts[0] as string;
  const region = s.regions[0] as string;
  const name = s.database ? `${s.database}.${s.table}` : s.table;
  const accountSpec = s.partitioning === 'account-region-date' ? `account='${account}', ` : '';
  return [
    `ALTER TABLE ${name} ADD IF NOT EXISTS PARTITION (${accountSpec}region='${region}', year='${year}', month='${month}', day='${dd}')`,
    `LOCATION '${logsRoot(s)}${account}/CloudTrail/${region}/${year}/${month}/${dd}/'`,
  ].join('\n');
}
