/**
 * `npm run bench:detections -- --store DIR [--days N]`: the built-in detections over a store
 * bench:ingest left (e.g. bench/out/store-10000000), as they run after an ingest: the first run
 * over everything (a store from before detections ran themselves), then the run after a day of new
 * data (the last day, each rule its own look-back). Per rule: findings and the engine time of its
 * queries. Nothing is stored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import { runDetections, type DetectionRun } from '@/lib/detections/run';
import { runScopes } from '@/lib/detections/new-data';
import { getDataRange } from '@/lib/data-range/get-data-range';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function table(title: string, runs: readonly DetectionRun[], wallMs: number) {
  const byRule = new Map<string, { findings: number; ms: number }>();
  for (const run of runs) {
    for (const r of run.perRule) {
      const e = byRule.get(r.rule) ?? { findings: 0, ms: 0 };
      e.findings += r.count;
      e.ms += r.queries.reduce((n, q) => n + q.stats.elapsedMs, 0);
      byRule.set(r.rule, e);
    }
  }
  console.log(`\n${title}: ${(wallMs / 1000).toFixed(1)} s wall, ${runs.length} run(s)`);
  for (const [rule, e] of byRule) console.log(`  ${rule.padEnd(40)} ${String(e.findings).padStart(5)} findings ${String(e.ms).padStart(7)} ms`);
}

async function main() {
  const store = option('store');
  if (!store || !fs.existsSync(path.join(store, 'events', 'manifest.json'))) throw new Error('--store DIR: a data dir with an event store (bench/out/store-N)');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-bench-detections-'));
  process.env.TRAILSCOPE_DATA_DIR = tmp;
  const conn = await createDuckDbConnection({ dataDir: store });
  try {
    const range = await getDataRange(conn);
    if (!range.first || !range.last) throw new Error('the store is empty');
    const end = Date.parse(range.last) + 1000;
    const start = Date.parse(range.first);
    console.log(`store ${store}: ${range.first} – ${range.last}`);

    let t = performance.now();
    const everything: DetectionRun[] = [];
    for (const scope of runScopes(start, end)) everything.push(await runDetections(conn, scope, undefined, { storeFirstEvent: range.first, lookback: true }));
    table('first run over the whole store', everything, performance.now() - t);

    const days = Number(option('days') ?? 1);
    t = performance.now();
    const day = await runDetections(conn, runScopes(end - days * 86_400_000, end)[0]!, undefined, { storeFirstEvent: range.first, lookback: true });
    table(`after ${days} day(s) of new data`, [day], performance.now() - t);
  } finally {
    await conn.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
