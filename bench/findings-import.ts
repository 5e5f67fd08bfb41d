import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Importing a large GuardDuty export, as POST /api/findings/import does it: ~9,400 findings (~9 MB
 * of get-findings JSON, made from the test fixtures with unique ids and times) into a fresh
 * app-state store, then the same file again (every finding merged into its stored row). Prints
 * the time and the process RSS before, at its peak (sampled every 20 ms) and after, per pass.
 *
 *   npm run bench:findings-import [-- --findings N]
 */
const argv = process.argv.slice(2);
const at = argv.indexOf('--findings');
const COUNT = (at >= 0 ? Number(argv[at + 1]) : NaN) || 9_400;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-bench-findings-'));
process.env.TRAILSCOPE_DATA_DIR = dataDir;

type Json = Record<string, unknown>;

/** The fixtures' findings, as get-findings writes them (PascalCase). */
function templates(): Json[] {
  const dir = path.resolve(__dirname, '../test/fixtures/guardduty');
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as unknown;
  const wrapped = read('get-findings.json') as { Findings: Json[] };
  return [...wrapped.Findings, ...(read('sample-findings.json') as Json[])];
}

/** Drops the bulkiest optional parts, so a finding is about 1 KB like the 9 MB, 9,392-finding export this reproduces. */
function slim(finding: Json): Json {
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return;
    const o = value as Json;
    for (const key of Object.keys(o)) {
      if (/^(InstanceDetails|RemoteIpDetails|Arn|DetectorId|SchemaVersion|ResourceRole)$/i.test(key)) delete o[key];
      else if (/^description$/i.test(key) && typeof o[key] === 'string') o[key] = (o[key] as string).slice(0, 40);
      else visit(o[key]);
    }
  };
  visit(finding);
  return finding;
}

/** N findings with unique ids, spread over 70 days, with the templates' shapes. */
export function generateExport(count: number): string {
  const shapes = templates();
  const start = Date.parse('2026-09-10T00:00:00Z');
  const findings = Array.from({ length: count }, (_, i) => {
    const finding = slim(structuredClone(shapes[i % shapes.length]) as Json);
    const seen = new Date(start + Math.floor((i * 70 * 86_400_000) / count)).toISOString();
    finding.Id = `bench${i.toString(16).padStart(27, '0')}`;
    finding.Severity = [2, 5, 8][i % 3];
    const service = (finding.Service ?? (finding.service as Json)) as Json;
    for (const key of ['EventFirstSeen', 'eventFirstSeen']) if (key in service) service[key] = seen;
    for (const key of ['EventLastSeen', 'eventLastSeen']) if (key in service) service[key] = seen;
    return finding;
  });
  return JSON.stringify({ Findings: findings });
}

function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

async function measure(label: string, run: () => Promise<unknown>) {
  global.gc?.();
  const before = rssMb();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 20);
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb());
  console.log(`${label}: ${seconds.toFixed(1)} s, RSS ${before} MB before, ${peak} MB peak, ${rssMb()} MB after: ${JSON.stringify(result)}`);
}

async function main() {
  const text = generateExport(COUNT);
  const file = path.resolve(__dirname, 'out', `guardduty-${COUNT}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`${COUNT} findings, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB (${file})`);

  const { importGuardDutyText } = await import('@/lib/findings/import');
  const { withStateConnection, closeStateDb } = await import('@/lib/state/db');
  // Open and migrate the store first, so the passes measure the import alone.
  await withStateConnection((c) => c.run('SELECT 1'));
  try {
    const run = async () => {
      const r = await importGuardDutyText(fs.readFileSync(file, 'utf8'));
      return { ...r, skipped: r.skipped.length };
    };
    await measure('first import (all new)', run);
    await measure('same file again (all merged)', run);
  } finally {
    await closeStateDb();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
