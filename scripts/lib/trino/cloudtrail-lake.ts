import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { CLOUDTRAIL_COLUMNS, columnsOf, type Field, type TableSchema } from '@/lib/cloudtrail/columns';
import { trinoType } from '@/lib/engine/athena/dialect';
import type { AthenaPartitioning } from '@/lib/env';
import { checkRecord } from '@/lib/ingest/check-record';
import { discoverFiles } from '@/lib/ingest/discover';
import { decode, FileSkip, recordsOf } from '@/lib/ingest/parse-file';

/**
 * CloudTrail as Athena reads it, on local files: a loader that lays records out in CloudTrail's S3
 * layout, and the Trino DDL of the `cloudtrail_logs` table over it for every partitioning and table
 * schema Trailscope supports (docs/trino-local.md).
 */

/** Minutes between an event and its delivery: events this close to midnight land in the next day's folder, as on S3. */
export const DELIVERY_LAG_MINUTES = 5;

export interface LakeOptions {
  /** Keep only records delivered to this account (the single-account layouts). */
  account?: string;
  /** Column paths (Athena names, e.g. `useridentity.sessioncontext.sourceidentity`) removed from every record. */
  withoutPaths?: readonly string[];
}

export interface LakeSummary {
  records: number;
  files: number;
  /** Records ingest would skip too (not CloudTrail, no eventID or eventTime), and repeated eventIDs. */
  skipped: number;
  duplicates: number;
  accounts: string[];
  regions: string[];
  /** Delivery days, yyyy/MM/dd. */
  firstDay: string | null;
  lastDay: string | null;
}

/**
 * Reads every file ingest accepts under `sources` and writes the records to
 * `<dir>/AWSLogs/<account>/CloudTrail/<region>/yyyy/MM/dd/<account>_CloudTrail_<region>_<day>.json.gz`,
 * one JSON record per line: the Hive connector reads a table row per line (a `{"Records":[…]}`
 * object would be one all-NULL row). Records are placed by recipientAccountId, awsRegion and the
 * delivery day, kept once per eventID and with eventTime normalised, as DuckDB's ingest stores them,
 * so both engines hold the same events. Objects stay objects: OPENX_JSON returns them in varchar
 * columns as JSON text, as Athena's CloudTrail SerDe does.
 */
export async function writeCloudTrailLake(sources: readonly string[], dir: string, options: LakeOptions = {}): Promise<LakeSummary> {
  const { files } = await discoverFiles(sources);
  const byFolder = new Map<string, string[]>();
  const seen = new Set<string>();
  const accounts = new Set<string>();
  const regions = new Set<string>();
  const summary: LakeSummary = { records: 0, files: 0, skipped: 0, duplicates: 0, accounts: [], regions: [], firstDay: null, lastDay: null };
  const strip = (options.withoutPaths ?? []).map(recordKeys);
  for (const file of files) {
    let records: unknown[];
    try {
      records = recordsOf(decode(fs.readFileSync(file.path))).records;
    } catch (error) {
      if (error instanceof FileSkip) continue;
      throw error;
    }
    for (const value of records) {
      const check = checkRecord(value);
      if (!check.ok) {
        summary.skipped++;
        continue;
      }
      const record: Record<string, unknown> = { ...(value as Record<string, unknown>), eventTime: check.eventTime };
      delete record['@timestamp'];
      const account = typeof record.recipientAccountId === 'string' ? record.recipientAccountId : accountOf(record);
      if (options.account && account !== options.account) continue;
      if (seen.has(check.eventId)) {
        summary.duplicates++;
        continue;
      }
      seen.add(check.eventId);
      for (const keys of strip) removePath(record, keys);
      const region = typeof record.awsRegion === 'string' && record.awsRegion !== '' ? record.awsRegion : 'us-east-1';
      const day = new Date(Date.parse(check.eventTime) + DELIVERY_LAG_MINUTES * 60_000).toISOString().slice(0, 10).replaceAll('-', '/');
      const folder = `AWSLogs/${account}/CloudTrail/${region}/${day}`;
      const lines = byFolder.get(folder) ?? [];
      lines.push(JSON.stringify(record));
      byFolder.set(folder, lines);
      accounts.add(account);
      regions.add(region);
      summary.records++;
      if (summary.firstDay === null || day < summary.firstDay) summary.firstDay = day;
      if (summary.lastDay === null || day > summary.lastDay) summary.lastDay = day;
    }
  }
  for (const [folder, lines] of byFolder) {
    const [, account, , region, ...day] = folder.split('/');
    const target = path.join(dir, folder);
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, `${account}_CloudTrail_${region}_${day.join('')}T0000Z_trailscope.json.gz`), zlib.gzipSync(`${lines.join('\n')}\n`));
    summary.files++;
  }
  summary.accounts = [...accounts].sort();
  summary.regions = [...regions].sort();
  return summary;
}

/** The account whose trail would hold a record without recipientAccountId (older or hand-made records). */
function accountOf(record: Record<string, unknown>): string {
  const identity = record.userIdentity as { accountId?: unknown } | undefined;
  return typeof identity?.accountId === 'string' && /^\d{12}$/.test(identity.accountId) ? identity.accountId : '000000000000';
}

/** `useridentity.sessioncontext.sourceidentity` → the record's keys `userIdentity`, `sessionContext`, `sourceIdentity`. */
function recordKeys(columnPath: string): string[] {
  const keys: string[] = [];
  let fields: readonly Field[] = CLOUDTRAIL_COLUMNS;
  for (const name of columnPath.split('.')) {
    const field = fields.find((f) => f.name === name);
    if (!field) throw new Error(`no CloudTrail column ${columnPath}`);
    keys.push(field.key);
    fields = field.type.kind === 'struct' ? field.type.fields : [];
  }
  return keys;
}

function removePath(record: Record<string, unknown>, keys: readonly string[]): void {
  let node: unknown = record;
  for (const key of keys.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string, unknown>)[key];
  }
  if (typeof node === 'object' && node !== null) {
    delete (node as Record<string, unknown>)[keys[keys.length - 1] as string];
  }
}

export interface LakeTable {
  /** Trino catalog, schema (Athena: database) and table names. */
  catalog: string;
  schema: string;
  table: string;
  /** The lake folder holding `AWSLogs/`, as a `local:///…` URI below the catalog's local.location. */
  root: string;
  partitioning: AthenaPartitioning;
  tableSchema: TableSchema;
  /** The accounts and regions the projection enumerates (setup time's list: later ones are unread). */
  accounts: readonly string[];
  regions: readonly string[];
  /** First projected day, yyyy/MM/dd. */
  startDay: string;
}

/** The project schema's columns in Trino's syntax, for a CREATE TABLE. */
export const CLOUDTRAIL_TRINO_COLUMNS = columnsOf('project')
  .map((c) => `"${c.name}" ${trinoType(c.type)}`)
  .join(', ');

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const list = (values: readonly string[]) => `ARRAY[${values.map(quote).join(', ')}]`;

/**
 * The Trino statements that create the table as each of Trailscope's layouts has it
 * (lib/engine/athena/ddl.ts writes the same tables in Athena's Hive DDL): the partition projection
 * properties Trino's Hive connector shares with Athena (stored as Athena's TBLPROPERTIES), or, for
 * `account-region-date`, partitions registered one by one as AWS's docs' ALTER TABLE ADD PARTITION
 * does. `none` and `region-date` cover one account, the first of `accounts`.
 */
export function cloudTrailTableStatements(t: LakeTable, days: readonly string[] = []): string[] {
  const name = `${t.catalog}.${t.schema}.${t.table}`;
  const columns = columnsOf(t.tableSchema).map((c) => `"${c.name}" ${trinoType(c.type)}`);
  const single = `${t.root}/AWSLogs/${t.accounts[0]}/CloudTrail`;
  const enumOf = (values: readonly string[]) => `WITH (partition_projection_type = 'enum', partition_projection_values = ${list(values)})`;
  const integer = (from: string, to: string, digits: number) =>
    `WITH (partition_projection_type = 'integer', partition_projection_range = ${list([from, to])}, partition_projection_digits = ${digits})`;
  const year = t.startDay.slice(0, 4);
  const statements: string[] = [];
  switch (t.partitioning) {
    case 'none':
      statements.push(`CREATE TABLE ${name} (${columns.join(', ')}) WITH (format = 'OPENX_JSON', external_location = ${quote(`${single}/`)})`);
      break;
    case 'region-date':
      statements.push(
        `CREATE TABLE ${name} (${columns.join(', ')}, region varchar ${enumOf(t.regions)}, year varchar ${integer(year, '2099', 4)}, month varchar ${integer('1', '12', 2)}, day varchar ${integer('1', '31', 2)})
         WITH (format = 'OPENX_JSON', external_location = ${quote(`${single}/`)}, partitioned_by = ARRAY['region', 'year', 'month', 'day'],
               partition_projection_enabled = true, partition_projection_location_template = ${quote(`${single}/\${region}/\${year}/\${month}/\${day}`)})`,
      );
      break;
    case 'projected-date': {
      // One account: the table sits below its folder, as AWS's projection DDL has it; several: an `account` enum too.
      const multi = t.accounts.length > 1;
      const base = multi ? `${t.root}/AWSLogs` : single;
      const template = multi ? `${base}/\${account}/CloudTrail/\${region}/\${timestamp}` : `${base}/\${region}/\${timestamp}`;
      statements.push(
        `CREATE TABLE ${name} (${columns.join(', ')}, ${multi ? `account varchar ${enumOf(t.accounts)}, ` : ''}region varchar ${enumOf(t.regions)},
           "timestamp" varchar WITH (partition_projection_type = 'date', partition_projection_format = 'yyyy/MM/dd', partition_projection_range = ${list([t.startDay, 'NOW'])},
                                     partition_projection_interval = 1, partition_projection_interval_unit = 'DAYS'))
         WITH (format = 'OPENX_JSON', external_location = ${quote(`${base}/`)}, partitioned_by = ARRAY[${multi ? "'account', " : ''}'region', 'timestamp'],
               partition_projection_enabled = true, partition_projection_location_template = ${quote(template)})`,
      );
      break;
    }
    case 'account-region-date':
      statements.push(
        `CREATE TABLE ${name} (${columns.join(', ')}, account varchar, region varchar, year varchar, month varchar, day varchar)
         WITH (format = 'OPENX_JSON', external_location = ${quote(`${t.root}/AWSLogs/`)}, partitioned_by = ARRAY['account', 'region', 'year', 'month', 'day'])`,
      );
      for (const folder of days) {
        const [account, region, y, m, d] = folder.split('/') as [string, string, string, string, string];
        statements.push(
          `CALL ${t.catalog}.system.register_partition(${quote(t.schema)}, ${quote(t.table)}, ARRAY['account', 'region', 'year', 'month', 'day'], ${list([account, region, y, m, d])}, ${quote(`${t.root}/AWSLogs/${account}/CloudTrail/${region}/${y}/${m}/${d}`)})`,
        );
      }
      break;
  }
  return statements;
}

/** `account/region/yyyy/MM/dd` of every folder the loader wrote under `dir` (for registered partitions). */
export function lakeFolders(dir: string): string[] {
  const out: string[] = [];
  const logs = path.join(dir, 'AWSLogs');
  if (!fs.existsSync(logs)) return out;
  for (const account of fs.readdirSync(logs)) {
    const trail = path.join(logs, account, 'CloudTrail');
    if (!fs.existsSync(trail)) continue;
    for (const region of fs.readdirSync(trail)) {
      for (const y of fs.readdirSync(path.join(trail, region))) {
        for (const m of fs.readdirSync(path.join(trail, region, y))) {
          for (const d of fs.readdirSync(path.join(trail, region, y, m))) out.push([account, region, y, m, d].join('/'));
        }
      }
    }
  }
  return out.sort();
}
