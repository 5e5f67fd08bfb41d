import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import { openTrinoConnection } from '@/lib/engine/trino/open';
import type { Connection } from '@/lib/engine/types';
import type { Finding } from '@/lib/findings/types';
import { startAthenaStack, type AthenaStack } from '@/scripts/lib/athena-local/stack';
import { isTrinoInstalled } from '@/scripts/lib/trino/install-layout';
import { scenarioStore } from '../fixtures/scenario-store';
import { localAthenaConnection } from '../conformance/engines';

/**
 * `npm run detect` on the S3 engines: detectNew over the local Athena and over Trino finds what
 * it finds on the embedded store for the same window, remembers how far it got (the next run
 * starts at the cursor less the overlap), and the cursor is per table.
 */
const installed = isTrinoInstalled();
if (!installed) console.warn('\n*** Trino is not installed: the detect tests on Athena and Trino did NOT run. ***\n');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-detect-s3-'));
process.env.TRAILSCOPE_DATA_DIR = dataDir;
delete process.env.TRAILSCOPE_ORG_ACCOUNTS;
const { detectNew } = await import('@/lib/detections/detect-new');
const { readCursor } = await import('@/lib/detections/cursor');

// The day of sara's incident and the one after (the GitLab runner, the new scenarios).
const since = '2026-11-18T00:00:00Z';
const until = '2026-11-20T00:00:00Z';
const collect = (into: Finding[][]) => async (findings: readonly Finding[]) => {
  into.push([...findings]);
  return { to: 'none' as const };
};
const ids = (runs: Finding[][]) => [...new Set(runs.flat().map((f) => f.id))].sort();

describe.skipIf(!installed)('detections after new data, on Athena and Trino', () => {
  let stack: AthenaStack;
  let athena: Connection;
  let trino: Connection;
  let duck: Connection;

  beforeAll(async () => {
    const store = await scenarioStore();
    const logs = path.join(path.dirname(store), 'logs');
    stack = await startAthenaStack({ sources: [logs], tables: [{ table: 'cloudtrail_logs', partitioning: 'projected-date', tableSchema: 'project' }] });
    athena = await localAthenaConnection(stack, 'cloudtrail_logs', 'projected-date');
    trino = await openTrinoConnection({ url: stack.trino.url, catalog: stack.trino.catalog, schema: stack.database, table: 'cloudtrail_logs', partitioning: 'projected-date' });
    duck = await createDuckDbConnection({ dataDir: store });
  }, 300_000);

  afterAll(async () => {
    for (const c of [athena, trino, duck]) await c?.close();
    await stack?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds on Athena and on Trino what the embedded store finds over the same window, and moves each table’s cursor', async () => {
    const onAthena: Finding[][] = [];
    const onTrino: Finding[][] = [];
    const onDuck: Finding[][] = [];
    const a = await detectNew({ conn: athena, engine: 'athena', dataDir, target: 'athena:local.trailscope.cloudtrail_logs', since, until, deliver: collect(onAthena) });
    const t = await detectNew({ conn: trino, engine: 'trino', dataDir, target: 'trino:local/cloudtrail_logs', since, until, deliver: collect(onTrino) });
    await detectNew({ conn: duck, engine: 'duckdb', dataDir, target: 'reference', since, until, deliver: collect(onDuck) });
    expect(a.errors).toEqual([]);
    expect(t.errors).toEqual([]);
    expect(ids(onDuck).length).toBeGreaterThan(5);
    expect(ids(onAthena)).toEqual(ids(onDuck));
    expect(ids(onTrino)).toEqual(ids(onDuck));
    expect(a.cost.bytesScanned).toBeGreaterThan(0);
    expect((await readCursor(dataDir, 'athena:local.trailscope.cloudtrail_logs')).eventsThrough).toBe(until);
    expect((await readCursor(dataDir, 'trino:local/cloudtrail_logs')).eventsThrough).toBe(until);
  }, 600_000);

  it('starts the next run at the cursor less the overlap', async () => {
    const next = await detectNew({ conn: athena, engine: 'athena', dataDir, target: 'athena:local.trailscope.cloudtrail_logs', until: '2026-11-20T06:00:00Z', overlapMs: 3_600_000, deliver: collect([]) });
    expect(next.scopes).toEqual([{ from: '2026-11-19T23:00:00Z', to: '2026-11-20T06:00:00Z' }]);
    expect((await readCursor(dataDir, 'athena:local.trailscope.cloudtrail_logs')).eventsThrough).toBe('2026-11-20T06:00:00Z');
  }, 300_000);
});
