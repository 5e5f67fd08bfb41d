/**
 * What a Trino (or Starburst) Hive catalog needs over a CloudTrail bucket (docs/trino.md): a table
 * over CloudTrail's own files and a view with one row per record under Athena's column names, which
 * is what TRAILSCOPE_TRINO_TABLE names.
 *
 * Two objects, because CloudTrail writes each file as one JSON object on one line,
 * `{"Records":[…]}`, and Trino has nothing like Athena's CloudTrailInputFormat to split it: a flat
 * table reads one all-NULL row per file. So the table reads each file as one row whose `records`
 * column is an array of the record ROW (OPENX_JSON matches keys case-insensitively and keeps an
 * object in a varchar column as JSON text, as Athena's SerDe does), and the view unnests it. The view
 * passes the partition columns through, so the dialect's partition predicate still prunes files.
 *
 * Columns come from lib/cloudtrail/columns.ts; layouts are Athena's (lib/engine/athena/ddl.ts), as
 * Trino table and column properties, always with partition projection (Trino registers no
 * partitions for an external table by itself).
 */
import { CLOUDTRAIL_COLUMNS, type ColumnType } from '@/lib/cloudtrail/columns';
import { ACCOUNT, ORG, REGION, SetupError, SLASH_DATE } from '@/lib/engine/athena/ddl';
import type { AthenaPartitioning } from '@/lib/env';

export interface TrinoTableSetup {
  partitioning: AthenaPartitioning;
  catalog: string;
  schema: string;
  /** The view Trailscope queries (TRAILSCOPE_TRINO_TABLE). */
  table: string;
  /** The table over the files; default `<table>_files`. */
  filesTable?: string;
  /** URI of the folder that holds `AWSLogs/`: `s3://bucket/`, or `s3://bucket/prefix/`. */
  root: string;
  accounts: readonly string[];
  /** o-xxxxxxxxxx for an organization trail. */
  organizationId?: string;
  regions: readonly string[];
  /** First day to project, yyyy/MM/dd. */
  startDate: string;
}

const IDENT = /^[A-Za-z0-9_]+$/;
const CATALOG = /^[A-Za-z0-9_-]+$/;
// Quotes, `$` (the template's placeholder) and whitespace would break the statement or the template.
const ROOT = /^[a-z][a-z0-9+.-]*:\/\/[^\s'"$\\]+\/$/;

function check(ok: boolean, message: string): void {
  if (!ok) throw new SetupError(message);
}

export function validateTrinoSetup(s: TrinoTableSetup): void {
  check(CATALOG.test(s.catalog), `catalog must match ${CATALOG}`);
  for (const [what, name] of [['schema', s.schema], ['table', s.table], ['files table', s.filesTable ?? s.table]] as const) {
    check(IDENT.test(name), `${what} must match ${IDENT}`);
  }
  check(ROOT.test(s.root), 'root must be the URI of the folder holding AWSLogs/, ending in / (s3://bucket/ or s3://bucket/prefix/)');
  check(s.accounts.length > 0 && s.accounts.every((a) => ACCOUNT.test(a)), 'give the trail\'s account ids (12 digits)');
  check(s.organizationId === undefined || ORG.test(s.organizationId), 'organization id looks like o-abc123def4');
  check(s.regions.length > 0 && s.regions.every((r) => REGION.test(r)), 'regions must be AWS region names');
  check(SLASH_DATE.test(s.startDate), 'start date must be yyyy/MM/dd');
  if (s.partitioning === 'none' || s.partitioning === 'region-date') {
    check(s.accounts.length === 1, `${s.partitioning} covers exactly one account; use account-region-date or projected-date for several`);
  }
}

function trinoType(t: ColumnType, indent: string): string {
  switch (t.kind) {
    case 'string':
    case 'json':
      return 'varchar';
    case 'map':
      return 'map(varchar, varchar)';
    case 'array':
      return `array(${trinoType(t.of, indent)})`;
    case 'struct': {
      const inner = `${indent}  `;
      return `ROW(\n${t.fields.map((f) => `${inner}${f.name} ${trinoType(f.type, inner)}`).join(',\n')})`;
    }
  }
}

const quoted = (name: string) => `"${name}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const array = (values: readonly string[]) => `ARRAY[${values.map(literal).join(', ')}]`;

function hasAccountPartition(s: TrinoTableSetup): boolean {
  return s.partitioning === 'account-region-date' || (s.partitioning === 'projected-date' && s.accounts.length > 1);
}

/** `<root>AWSLogs/[o-ID/]` */
function logsRoot(s: TrinoTableSetup): string {
  return `${s.root}AWSLogs/${s.organizationId ? `${s.organizationId}/` : ''}`;
}

/** The account's `CloudTrail/` folder, or the template's account placeholder. */
function accountFolder(s: TrinoTableSetup): string {
  return hasAccountPartition(s) ? `${logsRoot(s)}\${account}/CloudTrail/` : `${logsRoot(s)}${s.accounts[0]}/CloudTrail/`;
}

interface Partition {
  name: string;
  properties: string;
}

function partitions(s: TrinoTableSetup): Partition[] {
  const enumOf = (values: readonly string[]) => `partition_projection_type = 'ENUM', partition_projection_values = ${array(values)}`;
  const integer = (from: string, to: string, digits: number) =>
    `partition_projection_type = 'INTEGER', partition_projection_range = ${array([from, to])}, partition_projection_digits = ${digits}`;
  const account = hasAccountPartition(s) ? [{ name: 'account', properties: enumOf(s.accounts) }] : [];
  const region = { name: 'region', properties: enumOf(s.regions) };
  switch (s.partitioning) {
    case 'none':
      return [];
    case 'projected-date':
      return [
        ...account,
        region,
        {
          name: 'timestamp',
          properties: `partition_projection_type = 'DATE', partition_projection_format = 'yyyy/MM/dd', partition_projection_range = ${array([s.startDate, 'NOW'])}, partition_projection_interval = 1, partition_projection_interval_unit = 'DAYS'`,
        },
      ];
    case 'region-date':
    case 'account-region-date':
      return [
        ...account,
        region,
        { name: 'year', properties: integer(s.startDate.slice(0, 4), '2099', 4) },
        { name: 'month', properties: integer('1', '12', 2) },
        { name: 'day', properties: integer('1', '31', 2) },
      ];
  }
}

function template(s: TrinoTableSetup): string {
  const folder = accountFolder(s);
  return s.partitioning === 'projected-date' ? `${folder}\${region}/\${timestamp}` : `${folder}\${region}/\${year}/\${month}/\${day}`;
}

function name(s: TrinoTableSetup, table: string): string {
  return [s.catalog, s.schema, table].map(quoted).join('.');
}

/** CREATE TABLE over the files, then CREATE VIEW over the table (no trailing semicolons). */
export function trinoSetupDdl(s: TrinoTableSetup): { table: string; view: string } {
  validateTrinoSetup(s);
  const filesTable = name(s, s.filesTable ?? `${s.table}_files`);
  const parts = partitions(s);
  const columns = CLOUDTRAIL_COLUMNS.map((c) => `    ${c.name} ${trinoType(c.type, '    ')}`).join(',\n');
  // One account: the table sits below its CloudTrail folder, which keeps the digests (a sibling,
  // CloudTrail-Digest/) out of a `none` table.
  const location = hasAccountPartition(s) ? logsRoot(s) : accountFolder(s);
  const properties = [
    "format = 'OPENX_JSON'",
    `external_location = ${literal(location)}`,
    ...(parts.length === 0
      ? []
      : [`partitioned_by = ${array(parts.map((p) => p.name))}`, 'partition_projection_enabled = true', `partition_projection_location_template = ${literal(template(s))}`]),
  ];
  const table = [
    `CREATE TABLE ${filesTable} (`,
    [`  records array(ROW(\n${columns}))`, ...parts.map((p) => `  ${quoted(p.name)} varchar WITH (${p.properties})`)].join(',\n'),
    ')',
    'WITH (',
    properties.map((p) => `  ${p}`).join(',\n'),
    ')',
  ].join('\n');
  const selected = [...CLOUDTRAIL_COLUMNS.map((c) => c.name), ...parts.map((p) => quoted(p.name))];
  const view = [`CREATE VIEW ${name(s, s.table)} AS`, `SELECT ${selected.join(', ')}`, `FROM ${filesTable}`, 'CROSS JOIN UNNEST(records)'].join('\n');
  return { table, view };
}
