import { CLOUDTRAIL_COLUMNS, type ColumnType } from '@/lib/cloudtrail/columns';

/**
 * SQL that turns a CloudTrail JSON record into the `cloudtrail_logs` columns in DuckDB.
 *
 * DuckDB's json_transform matches keys case-sensitively (CloudTrail's camelCase), so records are
 * parsed with the CloudTrail keys, then cast to a struct with Athena's lower-case names (DuckDB
 * casts structs by name, case-insensitively). Columns that hold JSON (requestparameters...) stay
 * JSON text, as in Athena.
 */

function transformType(type: ColumnType): unknown {
  switch (type.kind) {
    case 'string':
      return 'VARCHAR';
    case 'json':
      return 'JSON';
    case 'map':
      return 'MAP(VARCHAR, VARCHAR)';
    case 'array':
      return [transformType(type.of)];
    case 'struct':
      return Object.fromEntries(type.fields.map((f) => [f.key, transformType(f.type)]));
  }
}

/** The json_transform structure literal for a whole record. */
export const RECORD_STRUCTURE = JSON.stringify(
  Object.fromEntries(CLOUDTRAIL_COLUMNS.map((c) => [c.key, transformType(c.type)])),
);

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The DuckDB type of each Athena column, for an empty table when no data is ingested yet. */
function duckType(type: ColumnType): string {
  switch (type.kind) {
    case 'string':
    case 'json':
      return 'VARCHAR';
    case 'map':
      return 'MAP(VARCHAR, VARCHAR)';
    case 'array':
      return `${duckType(type.of)}[]`;
    case 'struct':
      return `STRUCT(${type.fields.map((f) => `${quoteIdent(f.name)} ${duckType(f.type)}`).join(', ')})`;
  }
}

/** Extra columns the embedded store keeps beside Athena's. */
export const STORE_EXTRA_COLUMNS = [
  // Parsed, sorted event time: time-range predicates prune parquet row groups with it.
  { name: 'event_time', type: 'TIMESTAMP' },
  // The record exactly as ingested, for the raw JSON view.
  { name: 'raw', type: 'VARCHAR' },
  // Which file it came from, so an investigator can find the S3 object.
  { name: 'source_file', type: 'VARCHAR' },
] as const;

export const STORE_TABLE_COLUMNS_DDL = [
  ...CLOUDTRAIL_COLUMNS.map((c) => `${c.name} ${duckType(c.type)}`),
  ...STORE_EXTRA_COLUMNS.map((c) => `${c.name} ${c.type}`),
].join(',\n  ');

/** The whole record as one struct of the Athena columns, for `CAST(json_transform(...) AS <this>)`. */
export const RECORD_STRUCT_TYPE = `STRUCT(${CLOUDTRAIL_COLUMNS.map((c) => `${quoteIdent(c.name)} ${duckType(c.type)}`).join(', ')})`;

/**
 * The columns the `cloudtrail_logs` view exposes, in order. Segments may hold more (the loader's
 * `skip_reason`, always NULL in a stored row); the view names its columns so they never leak.
 */
export const STORE_COLUMN_LIST = [...CLOUDTRAIL_COLUMNS.map((c) => c.name), ...STORE_EXTRA_COLUMNS.map((c) => c.name)].join(', ');
