import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AthenaClient } from '@aws-sdk/client-athena';
import { CLOUDTRAIL_COLUMNS, columnsOf, MISSING_COLUMNS, type Field, type TableSchema } from '@/lib/cloudtrail/columns';
import { openAthenaConnection } from '@/lib/engine/athena/open';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import type { Connection } from '@/lib/engine/types';
import type { AthenaPartitioning } from '@/lib/env';
import { ingest } from '@/lib/ingest/ingest';
import { runPanel } from '@/lib/engine/panel';
import { ATHENA_CATALOG, type AthenaStack } from '@/scripts/lib/athena-local/stack';
import { writeCloudTrailLake } from '@/scripts/lib/trino/cloudtrail-lake';
import type { AnyModule } from './registry';

/**
 * A connection to the local Athena as the app opens one (the table's metadata read and checked
 * first), with the real SDK client, polling fast (queries take a second, not minutes).
 */
export function localAthenaConnection(stack: AthenaStack, table: string, partitioning: AthenaPartitioning): Promise<Connection> {
  const client = new AthenaClient({ region: 'us-east-1', endpoint: stack.athena.url, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return openAthenaConnection(
    {
      region: 'us-east-1',
      endpoint: stack.athena.url,
      catalog: ATHENA_CATALOG,
      database: stack.database,
      table,
      workgroup: 'primary',
      partitioning,
      timeoutMs: 120_000,
      timing: { pollInitialMs: 10, pollMaxMs: 100 },
    },
    client,
  );
}

/**
 * DuckDB over the same events as an Athena table: the table's account only for the single-account
 * layouts, and without the fields the table's schema lacks (a missing optional column must read
 * as if CloudTrail had not written the field).
 */
export async function referenceStore(sources: readonly string[], options: { account?: string; tableSchema: TableSchema }): Promise<{ conn: Connection; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-reference-'));
  await writeCloudTrailLake(sources, path.join(dir, 'logs'), { account: options.account, withoutPaths: MISSING_COLUMNS[options.tableSchema] });
  await ingest({ paths: [path.join(dir, 'logs')], dataDir: path.join(dir, 'data') });
  return { conn: await createDuckDbConnection({ dataDir: path.join(dir, 'data') }), dir };
}

/** The record restricted to the table schema's columns: Athena can only return what its table declares. */
function project(value: unknown, fields: readonly Field[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const field of fields) {
    const key = Object.keys(source).find((k) => k.toLowerCase() === field.name);
    if (key === undefined || source[key] === null || source[key] === undefined) continue;
    const v = source[key];
    const { type } = field;
    if (type.kind === 'struct' && typeof v === 'object') out[field.key] = project(v, type.fields);
    // Arrays of structs too: resources[] declares ARN, accountId and type, not ARNPrefix.
    else if (type.kind === 'array' && type.of.kind === 'struct' && Array.isArray(v)) {
      const { fields: inner } = type.of;
      out[field.key] = v.map((e) => (e !== null && typeof e === 'object' ? project(e, inner) : e));
    } else out[field.key] = v;
  }
  return out;
}

/** Runs a module on an engine and returns rows in a comparable form (raw records parsed and projected). */
export async function comparableRows(conn: Connection, module: AnyModule, params: unknown, tableSchema: TableSchema): Promise<{ rows: unknown[]; ordered: boolean; bytes: number | null }> {
  const result = await runPanel(conn, module, params as never);
  const fields = tableSchema === 'project' ? CLOUDTRAIL_COLUMNS : columnsOf(tableSchema);
  const rows = result.rows.map((row) => {
    const r = { ...(row as Record<string, unknown>) };
    if (typeof r.raw === 'string') r.raw = project(conn.dialect.parseRawRecord(r.raw), fields);
    return r;
  });
  return { rows, ordered: ordersAtTopLevel(result.sql), bytes: result.stats.bytesScanned };
}

/** Whether the statement's outermost SELECT has an ORDER BY (outside parentheses and quotes). */
export function ordersAtTopLevel(sql: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i] as string;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && /^ORDER\s+BY\b/i.test(sql.slice(i, i + 12))) return true;
  }
  return false;
}
