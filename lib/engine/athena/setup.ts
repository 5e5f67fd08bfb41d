/**
 * Argument handling for scripts/athena-setup.ts, kept here so it is unit-tested and the script
 * stays a thin shell. Defaults mirror the TRAILSCOPE_ATHENA_* settings when they are given.
 */
import { parseArgs } from 'node:util';
import { ATHENA_PARTITIONINGS, type AthenaPartitioning } from '@/lib/env';
import { DEFAULT_REGIONS, SetupError, addPartitionExample, createTableDdl, type TableSetup } from './ddl';
import { athenaIamPolicy, type PolicySetup } from './iam-policy';

export const SETUP_USAGE = `Usage: npx tsx scripts/athena-setup.ts --bucket BUCKET --account ID [options]

Prints the CREATE EXTERNAL TABLE statement for Trailscope's Athena engine and the IAM policy the
principal running Trailscope needs.

  --partitioning LAYOUT   none | region-date | account-region-date | projected-date (default projected-date)
  --bucket NAME           S3 bucket the trail delivers to (required)
  --prefix PREFIX         key prefix configured on the trail, if any
  --account ID            account id; repeat, or give a comma-separated list
  --org-id o-XXXXXXXXXX   organization id, for an organization trail
  --regions LIST          comma-separated regions to project (default: all commercial regions)
  --start yyyy/MM/dd      first day to project (default 2020/01/01)
  --database NAME         Glue database (default: TRAILSCOPE_ATHENA_DATABASE or "default")
  --table NAME            table name (default: TRAILSCOPE_ATHENA_TABLE or "cloudtrail_logs")
  --workgroup NAME        Athena workgroup (default: TRAILSCOPE_ATHENA_WORKGROUP or "primary")
  --output-location URI   s3:// query result location (default: TRAILSCOPE_ATHENA_OUTPUT_LOCATION)
  --athena-region REGION  region of Athena and Glue, for the policy ARNs (default "*")
  --athena-account ID     account of Athena and Glue, for the policy ARNs (default "*")
  --kms-key ARN           KMS key of the trail or results (repeatable)
  --manual-partitions     year/month/day layouts without partition projection
  --print WHAT            ddl | policy | both (default both)
`;

export interface SetupDefaults {
  partitioning?: AthenaPartitioning;
  database?: string;
  table?: string;
  workgroup?: string;
  outputLocation?: string;
}

export interface SetupPlan {
  table: TableSetup;
  policy: PolicySetup;
  print: 'ddl' | 'policy' | 'both';
}

/** Repeated or comma-separated flag values as one list. */
export const list = (values: readonly string[] | undefined): string[] =>
  (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v.length > 0);

/** The flags that describe a trail's layout, shared with scripts/trino-setup.ts. */
export const TRAIL_LAYOUT_OPTIONS = {
  partitioning: { type: 'string' },
  bucket: { type: 'string' },
  prefix: { type: 'string' },
  account: { type: 'string', multiple: true },
  'org-id': { type: 'string' },
  regions: { type: 'string' },
  start: { type: 'string' },
  table: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseSetupArgs(argv: readonly string[], defaults: SetupDefaults = {}): SetupPlan | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      ...TRAIL_LAYOUT_OPTIONS,
      database: { type: 'string' },
      workgroup: { type: 'string' },
      'output-location': { type: 'string' },
      'athena-region': { type: 'string' },
      'athena-account': { type: 'string' },
      'kms-key': { type: 'string', multiple: true },
      'manual-partitions': { type: 'boolean' },
      print: { type: 'string' },
    },
  });
  if (values.help) return 'help';

  const partitioning = values.partitioning ?? defaults.partitioning ?? 'projected-date';
  if (!(ATHENA_PARTITIONINGS as readonly string[]).includes(partitioning)) {
    throw new SetupError(`--partitioning must be one of ${ATHENA_PARTITIONINGS.join(', ')}`);
  }
  if (!values.bucket) throw new SetupError('--bucket is required');
  const print = values.print ?? 'both';
  if (print !== 'ddl' && print !== 'policy' && print !== 'both') throw new SetupError('--print must be ddl, policy or both');
  const outputLocation = values['output-location'] ?? defaults.outputLocation;
  if (outputLocation !== undefined && !outputLocation.startsWith('s3://')) throw new SetupError('--output-location must be an s3:// URI');

  const table: TableSetup = {
    partitioning: partitioning as AthenaPartitioning,
    table: values.table ?? defaults.table ?? 'cloudtrail_logs',
    database: values.database ?? defaults.database ?? 'default',
    bucket: values.bucket,
    prefix: values.prefix,
    accounts: list(values.account),
    organizationId: values['org-id'],
    regions: values.regions ? list([values.regions]) : [...DEFAULT_REGIONS],
    startDate: values.start ?? '2020/01/01',
    projection: !values['manual-partitions'],
  };
  const policy: PolicySetup = {
    bucket: table.bucket,
    prefix: table.prefix,
    outputLocation,
    workgroup: values.workgroup ?? defaults.workgroup ?? 'primary',
    database: table.database ?? 'default',
    table: table.table,
    region: values['athena-region'] ?? '*',
    account: values['athena-account'] ?? '*',
    kmsKeyArns: list(values['kms-key']),
  };
  return { table, policy, print };
}

/** The text the setup script prints: DDL (and a manual-partition example), then the policy JSON. */
export function renderSetup(plan: SetupPlan): string {
  const out: string[] = [];
  if (plan.print !== 'policy') {
    out.push(`${createTableDdl(plan.table)};`);
    const example = addPartitionExample(plan.table);
    if (example) out.push(`-- Register each day and region (or use partition projection instead):\n${example};`);
  }
  if (plan.print !== 'ddl') {
    const json = JSON.stringify(athenaIamPolicy(plan.policy), null, 2);
    // In "both" mode a header separates the two; "--print policy" stays pure JSON for piping.
    out.push(plan.print === 'both' ? `-- IAM policy for the principal Trailscope runs as:\n${json}` : json);
  }
  return `${out.join('\n\n')}\n`;
}
