import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TABLE_SCHEMAS, type TableSchema } from '@/lib/cloudtrail/columns';
import type { Connection } from '@/lib/engine/types';
import { ATHENA_PARTITIONINGS, type AthenaPartitioning } from '@/lib/env';
import { openTrinoConnection } from '@/lib/engine/trino/open';
import { startAthenaStack, type AthenaStack } from '@/scripts/lib/athena-local/stack';
import { lakeFolders } from '@/scripts/lib/trino/cloudtrail-lake';
import { isTrinoInstalled } from '@/scripts/lib/trino/install-layout';
import { scenarioStore } from '../fixtures/scenario-store';
import { comparableRows, localAthenaConnection, referenceStore } from './engines';
import { readFacts, type Facts } from './facts';
import { CONFORMANCE_CASES } from './registry';

/**
 * The conformance suite: every query module (registry.ts), with realistic parameters, on Athena —
 * the real AWS SDK against the local Athena over a real Trino — and on the Trino engine
 * (TRAILSCOPE_ENGINE=trino) over the same table, for every partitioning × table schema, and on
 * DuckDB over the same events; the rows must be equal (values, types, nulls, and
 * order where the query orders). Without `npm run trino:install` it does not run, and says so.
 */
const installed = isTrinoInstalled();
if (!installed) {
  console.warn('\n*** Trino is not installed: the Athena conformance suite did NOT run. `npm run trino:install` installs it. ***\n');
}

const SINGLE_ACCOUNT: readonly AthenaPartitioning[] = ['none', 'region-date'];
const tableName = (p: AthenaPartitioning, s: TableSchema) => `ct_${p}_${s}`.replaceAll('-', '_');
// TRAILSCOPE_CONFORMANCE=projected-date/aws,none/project runs only those layouts (while developing).
const only = process.env.TRAILSCOPE_CONFORMANCE?.split(',');
const LAYOUTS = ATHENA_PARTITIONINGS.flatMap((partitioning) => TABLE_SCHEMAS.map((tableSchema) => ({ partitioning, tableSchema }))).filter(
  (l) => !only || only.includes(`${l.partitioning}/${l.tableSchema}`),
);

describe.skipIf(!installed)('conformance: Athena (local, on Trino) and DuckDB give the same rows', () => {
  let stack: AthenaStack;
  let facts: Facts;
  const references = new Map<string, { conn: Connection; dir: string }>();
  const athena = new Map<string, Connection>();
  const trino = new Map<string, Connection>();

  beforeAll(async () => {
    const logs = path.join(path.dirname(await scenarioStore()), 'logs');
    stack = await startAthenaStack({
      sources: [logs],
      tables: LAYOUTS.map((l) => ({ table: tableName(l.partitioning, l.tableSchema), ...l })),
    });
    for (const l of LAYOUTS) {
      const account = SINGLE_ACCOUNT.includes(l.partitioning) ? stack.primaryAccount : undefined;
      const key = `${account ?? 'all'}/${l.tableSchema}`;
      if (!references.has(key)) references.set(key, await referenceStore([logs], { account, tableSchema: l.tableSchema }));
      const table = tableName(l.partitioning, l.tableSchema);
      athena.set(table, await localAthenaConnection(stack, table, l.partitioning));
      trino.set(table, await openTrinoConnection({ url: stack.trino.url, catalog: stack.trino.catalog, schema: stack.database, table, partitioning: l.partitioning }));
    }
    const full = references.get('all/project');
    if (!full) throw new Error('no reference store');
    facts = await readFacts(full.conn);
  }, 600_000);

  afterAll(async () => {
    for (const c of [...athena.values(), ...trino.values()]) await c.close();
    for (const r of references.values()) {
      await r.conn.close();
      fs.rmSync(r.dir, { recursive: true, force: true });
    }
    await stack?.stop();
  });

  describe.each(LAYOUTS.map((l) => [`${l.partitioning} partitions, ${l.tableSchema} schema`, l] as const))('%s', (_title, { partitioning, tableSchema }) => {
    // Concurrently: each query waits mostly on Trino's scheduling, so a few at a time halve the suite's time.
    it.concurrent.for(CONFORMANCE_CASES.map((c) => [c.name, c] as const))('%s', async ([, c], { expect, skip }) => {
      const account = SINGLE_ACCOUNT.includes(partitioning) ? stack.primaryAccount : undefined;
      const reference = references.get(`${account ?? 'all'}/${tableSchema}`);
      const onAthena = athena.get(tableName(partitioning, tableSchema));
      const onTrino = trino.get(tableName(partitioning, tableSchema));
      if (!reference || !onAthena || !onTrino) throw new Error('engines not ready');
      const params = c.params(facts);
      // AWS's DDLs differ from the project's only in optional columns: a query whose SQL is the same
      // as on the project-schema table reads the same values, and that table's run already checks it.
      if (tableSchema !== 'project') {
        const projectTable = athena.get(tableName(partitioning, 'project'));
        const sqlOn = (conn: Connection, table: string) => c.module.build(conn.dialect, c.module.params.parse(params) as never).toQuery().sql.replaceAll(table, 'T');
        if (projectTable && sqlOn(onAthena, tableName(partitioning, tableSchema)) === sqlOn(projectTable, tableName(partitioning, 'project'))) {
          skip('the same SQL as on the project schema, checked there');
        }
      }
      if (c.expect === 'registered-partition-days') {
        // Only tables partitioned by hand register partitions; the others project theirs.
        if (partitioning !== 'account-region-date') return;
        const days = [...new Set(lakeFolders(path.join(stack.trino.lakeDir, 'cloudtrail')).map((f) => f.split('/').slice(2).join('/')))].sort();
        for (const conn of [onAthena, onTrino]) {
          const { rows } = await comparableRows(conn, c.module, params, tableSchema);
          expect(rows).toEqual(days.map((day) => ({ day })));
        }
        return;
      }
      const [a, t, d] = await Promise.all([
        comparableRows(onAthena, c.module, params, tableSchema),
        comparableRows(onTrino, c.module, params, tableSchema),
        comparableRows(reference.conn, c.module, params, tableSchema),
      ]);
      const expected = d.ordered ? d.rows : sortRows(d.rows);
      expect(d.ordered ? a.rows : sortRows(a.rows), 'Athena (local) and DuckDB').toEqual(expected);
      expect(d.ordered ? t.rows : sortRows(t.rows), 'Trino engine and DuckDB').toEqual(expected);
    });
  });
});

function sortRows(rows: unknown[]): unknown[] {
  return rows.map((r) => [JSON.stringify(r), r] as const).sort((x, y) => x[0].localeCompare(y[0])).map(([, r]) => r);
}
