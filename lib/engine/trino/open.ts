/**
 * Opens the Trino engine as lib/engine/athena/open.ts opens Athena's: the table's shape read once
 * from Trino's own catalog (information_schema for columns, types and partition keys; the Hive
 * connector's `"<table>$properties"` for the partition projection, stored under Athena's
 * `projection.*` names), checked against what Trailscope's SQL needs, then a connection whose
 * dialect reads the optional columns the table lacks as NULL and whose data range probes by day.
 */
import { checkTableShape, tableShapeFromCatalog, type TableShape } from '@/lib/engine/table-shape';
import { EngineError, type Connection } from '@/lib/engine/types';
import { code, sql, type SqlParam } from '@/lib/sql/sql';
import type { TrinoConfig } from './config';
import { createTrinoConnection } from './connection';

const SETUP_HINT = 'Create the table and view with npm run trino:setup (docs/trino.md), or add the column.';

/** `"name"` for an identifier the settings already validated (letters, digits, _ and -). */
function quoted(name: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new EngineError(`Invalid Trino identifier ${JSON.stringify(name)}`, 'CONFIG');
  return `"${name}"`;
}

const PARTITION_COLUMNS = new Set(['account', 'region', 'timestamp', 'year', 'month', 'day']);

/**
 * The table's shape, and whether it is a view. A view (what trino:setup makes, unnesting the raw
 * files) shows its table's partition columns as ordinary ones and has no projection properties of
 * its own: its partition keys are taken by name, and it gets no projection.
 */
export async function readTrinoTableShape(conn: Connection, config: TrinoConfig): Promise<{ shape: TableShape; view: boolean }> {
  const name = `${config.catalog}.${config.schema}.${config.table}`;
  const ask = async (q: { sql: string; params: readonly SqlParam[] }) => (await conn.query({ ...q, tags: { panel: 'table-shape' } })).rows;
  const where = { schema: config.schema.toLowerCase(), table: config.table.toLowerCase() };
  const kind = await ask(
    sql`SELECT table_type FROM ${code(`${quoted(config.catalog)}.information_schema.tables`)} WHERE table_schema = ${where.schema} AND table_name = ${where.table}`.toQuery(),
  );
  if (kind.length === 0) {
    throw new EngineError(`Trino has no table or view ${name}. Set TRAILSCOPE_TRINO_CATALOG, TRAILSCOPE_TRINO_SCHEMA and TRAILSCOPE_TRINO_TABLE, or ${SETUP_HINT.charAt(0).toLowerCase()}${SETUP_HINT.slice(1)}`, 'CONFIG');
  }
  const view = kind[0]?.table_type === 'VIEW';
  const columns = await ask(
    sql`SELECT column_name, data_type, extra_info FROM ${code(`${quoted(config.catalog)}.information_schema.columns`)}
         WHERE table_schema = ${where.schema} AND table_name = ${where.table} ORDER BY ordinal_position`.toQuery(),
  );
  const isPartitionKey = (r: Record<string, unknown>) => (view ? PARTITION_COLUMNS.has(String(r.column_name)) : r.extra_info === 'partition key');
  let properties: Record<string, string> = {};
  if (!view) {
    const props = await ask({ sql: `SELECT * FROM ${quoted(config.catalog)}.${quoted(config.schema)}."${quoted(config.table).slice(1, -1)}$properties"`, params: [] });
    properties = Object.fromEntries(Object.entries(props[0] ?? {}).map(([k, v]) => [k, String(v ?? '')]));
  }
  const shape = tableShapeFromCatalog({
    name,
    columns: columns.filter((r) => !isPartitionKey(r)).map((r) => ({ name: String(r.column_name), type: String(r.data_type) })),
    partitionKeys: columns.filter(isPartitionKey).map((r) => ({ name: String(r.column_name) })),
    properties,
  });
  return { shape, view };
}

/**
 * The Trino connection for `config`, after reading and checking its table (a CONFIG error says
 * what is wrong). Over a view the data range cannot probe by day (no projection to enumerate days
 * from), so the connection carries no shape and the range is one count, kept (lib/data-range/get-data-range.ts).
 */
export async function openTrinoConnection(config: TrinoConfig): Promise<Connection> {
  const bare = createTrinoConnection(config);
  try {
    const { shape, view } = await readTrinoTableShape(bare, config);
    const { missingOptional } = checkTableShape(shape, { partitioning: config.partitioning, partitioningSetting: 'TRAILSCOPE_TRINO_PARTITIONING', setupHint: SETUP_HINT });
    return createTrinoConnection(config, { shape: view ? undefined : shape, missingColumns: missingOptional });
  } finally {
    await bare.close();
  }
}
