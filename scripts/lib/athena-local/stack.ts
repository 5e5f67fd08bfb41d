import path from 'node:path';
import type { TableSchema } from '@/lib/cloudtrail/columns';
import type { AthenaPartitioning } from '@/lib/env';
import { cloudTrailTableStatements, lakeFolders, writeCloudTrailLake, type LakeSummary } from '../trino/cloudtrail-lake';
import { startTrino, type TrinoServer } from '../trino/server';
import { startLocalAthena, type LocalAthena } from './server';

/**
 * Trino + the local Athena + CloudTrail tables over one folder of logs: what `npm run athena:local`
 * and the conformance tests run the app's Athena path on.
 */
export interface TableSpec {
  table: string;
  partitioning: AthenaPartitioning;
  tableSchema: TableSchema;
  /** What the projection enumerates; by default every account and region in the logs. */
  accounts?: readonly string[];
  regions?: readonly string[];
}

export interface AthenaStack {
  trino: TrinoServer;
  athena: LocalAthena;
  lake: LakeSummary;
  database: string;
  /** The account single-account layouts (`none`, `region-date`) cover: the one with the most delivery folders (region-days). */
  primaryAccount: string;
  /** Creates another table over the same logs. */
  createTable(spec: TableSpec): Promise<void>;
  stop(): Promise<void>;
}

export const ATHENA_CATALOG = 'AwsDataCatalog';
const TRINO_CATALOG = 'awsdatacatalog';
const LAKE_ROOT = 'cloudtrail';

export async function startAthenaStack(options: {
  sources: readonly string[];
  tables: readonly TableSpec[];
  database?: string;
  port?: number;
  bytesScannedCutoffPerQuery?: number;
  failingParameter?: { value: string; reason: string };
  log?: (line: string) => void;
}): Promise<AthenaStack> {
  const log = options.log ?? (() => undefined);
  const database = options.database ?? 'trailscope';
  log('starting Trino…');
  const trino = await startTrino({ catalog: TRINO_CATALOG });
  try {
    log(`loading ${options.sources.join(', ')}…`);
    const lakeDir = path.join(trino.lakeDir, LAKE_ROOT);
    const lake = await writeCloudTrailLake(options.sources, lakeDir);
    if (lake.records === 0) throw new Error(`no CloudTrail records found in ${options.sources.join(', ')}`);
    const folders = lakeFolders(lakeDir);
    const perAccount = new Map<string, number>();
    for (const account of folders.map((f) => f.split('/')[0] as string)) perAccount.set(account, (perAccount.get(account) ?? 0) + 1);
    const primaryAccount = [...perAccount.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] as string;
    await trino.query(`CREATE SCHEMA ${TRINO_CATALOG}.${database} WITH (location = 'local:///schemas/${database}')`);

    const createTable = async (spec: TableSpec) => {
      const single = spec.partitioning === 'none' || spec.partitioning === 'region-date';
      const statements = cloudTrailTableStatements(
        {
          catalog: TRINO_CATALOG,
          schema: database,
          table: spec.table,
          root: `local:///${LAKE_ROOT}`,
          partitioning: spec.partitioning,
          tableSchema: spec.tableSchema,
          accounts: spec.accounts ?? (single ? [primaryAccount] : lake.accounts),
          regions: spec.regions ?? lake.regions,
          startDay: lake.firstDay as string,
        },
        folders.filter((f) => !spec.accounts || spec.accounts.includes(f.split('/')[0] as string)),
      );
      for (const statement of statements) await trino.query(statement);
    };
    for (const spec of options.tables) {
      log(`creating ${database}.${spec.table} (${spec.partitioning}, ${spec.tableSchema} schema)…`);
      await createTable(spec);
    }
    const athena = await startLocalAthena({
      trinoUrl: trino.url,
      metastoreDir: path.join(trino.lakeDir, 'metastore'),
      port: options.port,
      bytesScannedCutoffPerQuery: options.bytesScannedCutoffPerQuery,
      failingParameter: options.failingParameter,
    });
    return {
      trino,
      athena,
      lake,
      database,
      primaryAccount,
      createTable,
      async stop() {
        await athena.stop();
        await trino.stop();
      },
    };
  } catch (error) {
    await trino.stop();
    throw error;
  }
}
