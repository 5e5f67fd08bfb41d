/**
 * Opens the Athena engine: reads the CloudTrail table's metadata once (GetTableMetadata: free, no
 * query, no bytes scanned), checks it against what Trailscope's SQL needs, then creates the
 * connection with a dialect that knows which optional columns the table lacks.
 *
 *   GetTableMetadata ──► TableShape (lib/engine/table-shape.ts) ──► checkTableShape
 *     ├─ a required column missing, or partitions that do not fit the setting ──► CONFIG error
 *     └─ optional columns missing ──► createAthenaConnection(…, { shape, missingColumns })
 */
import { GetTableMetadataCommand, type AthenaClient } from '@aws-sdk/client-athena';
import { checkTableShape, tableShapeFromCatalog, type TableShape } from '@/lib/engine/table-shape';
import { EngineError, type Connection } from '@/lib/engine/types';
import { athenaClientFor, type AthenaConfig } from './config';
import { createAthenaConnection } from './connection';
import { fromSdkError } from './errors';

export const SETUP_HINT =
  'Create the table with the setup DDL (npm run athena:setup -- --bucket … --print ddl; docs/athena.md#1-create-the-table), or add the column (docs/athena.md#missing-optional-columns).';

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string' ? (error as { name: string }).name : '';
}

/** The table's shape from Athena's catalog (GetTableMetadata). */
export async function readTableShape(client: AthenaClient, config: AthenaConfig): Promise<TableShape> {
  const name = `${config.database}.${config.table}`;
  let metadata;
  try {
    const out = await client.send(
      new GetTableMetadataCommand({ CatalogName: config.catalog, DatabaseName: config.database, TableName: config.table, WorkGroup: config.workgroup }),
    );
    metadata = out.TableMetadata;
  } catch (error) {
    // Athena answers an unknown database or table with a MetadataException ("... not found").
    const message = error instanceof Error ? error.message : String(error);
    if (errorName(error) === 'MetadataException' || /not found|EntityNotFound/i.test(message)) {
      throw new EngineError(
        `Athena has no table ${name} in catalog ${config.catalog} (${message}). Set TRAILSCOPE_ATHENA_DATABASE and TRAILSCOPE_ATHENA_TABLE, or ${SETUP_HINT.charAt(0).toLowerCase()}${SETUP_HINT.slice(1)}`,
        'CONFIG',
        { cause: error },
      );
    }
    throw fromSdkError(error, {});
  }
  if (!metadata) throw new EngineError(`Athena returned no metadata for the table ${name}.`, 'CONFIG');
  return tableShapeFromCatalog({
    name,
    columns: (metadata.Columns ?? []).map((c) => ({ name: c.Name ?? '', type: c.Type ?? 'string' })),
    partitionKeys: (metadata.PartitionKeys ?? []).map((k) => ({ name: k.Name ?? '', type: k.Type })),
    properties: metadata.Parameters ?? {},
  });
}

/**
 * The Athena connection for `config`, after reading and checking its table. Throws a CONFIG
 * EngineError naming what is wrong with the table and how to fix it.
 */
export async function openAthenaConnection(config: AthenaConfig, client?: AthenaClient): Promise<Connection> {
  const athena = client ?? athenaClientFor(config);
  try {
    const shape = await readTableShape(athena, config);
    const { missingOptional } = checkTableShape(shape, {
      partitioning: config.partitioning,
      partitioningSetting: 'TRAILSCOPE_ATHENA_PARTITIONING',
      setupHint: SETUP_HINT,
    });
    const conn = createAthenaConnection(config, athena, { shape, missingColumns: missingOptional });
    if (client) return conn;
    return {
      ...conn,
      async close() {
        await conn.close();
        athena.destroy();
      },
    };
  } catch (error) {
    if (!client) athena.destroy();
    throw error;
  }
}
