import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const events = Number(args[args.indexOf('--events') + 1] ?? NaN) || 1_000_000;
const out = path.join(ROOT, 'bench', 'out');
const logs = path.join(out, `logs-${events}`);
const dataDir = path.join(out, `store-${events}`);

function seconds(fn: () => void): number {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
}

function du(p: string): number {
  return Number(execFileSync('du', ['-sb', p]).toString().split('\t')[0]);
}

fs.mkdirSync(out, { recursive: true });
if (!fs.existsSync(path.join(logs, '.complete'))) {
  fs.rmSync(logs, { recursive: true, force: true });
  const genSecs = seconds(() =>
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/generate.ts'), '--out', logs, '--events', String(events), '--seed', '1'], {
      stdio: 'inherit',
      cwd: ROOT,
    }),
  );
  fs.writeFileSync(path.join(logs, '.complete'), '');
  console.log(`generated ${events.toLocaleString('en-US')} events in ${genSecs.toFixed(1)} s`);
}

// Warm the page cache so both sides read from memory, then measure the floor: zcat with one process
// per core, as ingest may use every core (a single zcat would flatter a parallel ingest).
const CORES = os.availableParallelism();
spawnSync('bash', ['-c', `find ${JSON.stringify(logs)} -name '*.json.gz' -print0 | xargs -0 cat > /dev/null`]);
const zcatSecs = seconds(() =>
  spawnSync('bash', ['-c', `find ${JSON.stringify(logs)} -name '*.json.gz' -print0 | xargs -0 -P ${CORES} -n 256 zcat > /dev/null`], { stdio: 'inherit' }),
);

fs.rmSync(dataDir, { recursive: true, force: true });
let result = '';
const ingestSecs = seconds(() => {
  result = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/ingest-child.ts'), logs, dataDir], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  }).toString();
});
const { summary, peakRssBytes } = JSON.parse(result.trim().split('\n').pop() as string) as {
  summary: { recordsRead: number; inserted: number; filesRead: number; elapsedMs: number };
  peakRssBytes: number;
};

const report = {
  events,
  files: summary.filesRead,
  gzBytes: du(logs),
  storeBytes: du(path.join(dataDir, 'events')),
  zcatSeconds: Number(zcatSecs.toFixed(2)),
  zcatProcesses: CORES,
  ingestSeconds: Number(ingestSecs.toFixed(2)),
  ingestRecordsPerSecond: Math.round(summary.recordsRead / ingestSecs),
  ratioToZcat: Number((ingestSecs / zcatSecs).toFixed(2)),
  peakRssMiB: Math.round(peakRssBytes / 1024 / 1024),
  inserted: summary.inserted,
};
console.log(JSON.stringify(report, null, 2));
fs.writeFileSync(path.join(out, `ingest-${events}.json`), JSON.stringify(report, null, 2));
