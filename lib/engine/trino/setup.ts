/**
 * Argument handling for scripts/trino-setup.ts, kept here so it is unit-tested and the script stays
 * a thin shell. Defaults follow the TRAILSCOPE_TRINO_* settings when they are given.
 */
import { parseArgs } from 'node:util';
import { ATHENA_PARTITIONINGS, type AthenaPartitioning } from '@/lib/env';
import { DEFAULT_REGIONS, SetupError } from '@/lib/engine/athena/ddl';
import { list, TRAIL_LAYOUT_OPTIONS } from '@/lib/engine/athena/setup';
import { trinoSetupDdl, type TrinoTableSetup } from './ddl';

export const TRINO_SETUP_USAGE = `Usage: npx tsx scripts/trino-setup.ts (--bucket BUCKET | --root URI) --account ID [options]

Prints the two statements a Trino or Starburst Hive catalog needs for Trailscope: a table over the
trail's files and the view Trailscope queries (docs/trino.md).

  --partitioning LAYOUT   none | region-date | account-region-date | projected-date
                          (default TRAILSCOPE_TRINO_PARTITIONING or projected-date)
  --bucket NAME           S3 bucket the trail delivers to
  --prefix PREFIX         key prefix configured on the trail, if any (with --bucket)
  --root URI              instead of --bucket: the folder holding AWSLogs/ (s3a://…/, gs://…/, …)
  --account ID            account id; repeat, or give a comma-separated list
  --org-id o-XXXXXXXXXX   organization id, for an organization trail
  --regions LIST          comma-separated regions to project (default: all commercial regions)
  --start yyyy/MM/dd      first day to project (default 2020/01/01)
  --catalog NAME          Hive catalog (default TRAILSCOPE_TRINO_CATALOG or "hive")
  --schema NAME           schema (default TRAILSCOPE_TRINO_SCHEMA or "cloudtrail")
  --table NAME            the view Trailscope reads (default TRAILSCOPE_TRINO_TABLE or "cloudtrail_logs")
`;

export interface TrinoSetupDefaults {
  partitioning?: AthenaPartitioning;
  catalog?: string;
  schema?: string;
  table?: string;
}

export function parseTrinoSetupArgs(argv: readonly string[], defaults: TrinoSetupDefaults = {}): TrinoTableSetup | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: { ...TRAIL_LAYOUT_OPTIONS, root: { type: 'string' }, catalog: { type: 'string' }, schema: { type: 'string' } },
  });
  if (values.help) return 'help';
  const partitioning = values.partitioning ?? defaults.partitioning ?? 'projected-date';
  if (!(ATHENA_PARTITIONINGS as readonly string[]).includes(partitioning)) {
    throw new SetupError(`--partitioning must be one of ${ATHENA_PARTITIONINGS.join(', ')}`);
  }
  if ((values.bucket === undefined) === (values.root === undefined)) throw new SetupError('give either --bucket or --root');
  if (values.root !== undefined && values.prefix !== undefined) throw new SetupError('--prefix goes with --bucket; put it in --root instead');
  const prefix = values.prefix?.replace(/^\/+|\/+$/g, '');
  const root = values.root ?? `s3://${values.bucket}/${prefix ? `${prefix}/` : ''}`;
  return {
    partitioning: partitioning as AthenaPartitioning,
    catalog: values.catalog ?? defaults.catalog ?? 'hive',
    schema: values.schema ?? defaults.schema ?? 'cloudtrail',
    table: values.table ?? defaults.table ?? 'cloudtrail_logs',
    root: root.endsWith('/') ? root : `${root}/`,
    accounts: list(values.account),
    organizationId: values['org-id'],
    regions: values.regions ? list([values.regions]) : [...DEFAULT_REGIONS],
    startDate: values.start ?? '2020/01/01',
  };
}

/** What the script prints: both statements, each ended by a semicolon, with the catalog it needs. */
export function renderTrinoSetup(setup: TrinoTableSetup): string {
  const { table, view } = trinoSetupDdl(setup);
  const catalog =
    setup.partitioning === 'none'
      ? '-- The catalog needs hive.recursive-directories=true (the files sit in dated folders).'
      : '-- The catalog needs hive.ignore-absent-partitions=true (a projected day or region may have no folder).';
  return `${catalog}\n\n${table};\n\n${view};\n`;
}
