/**
 * `npm run bench:scale [-- --sizes 1000000,10000000[,100000000]]`: the embedded engine at each size,
 * side by side. For each size it runs bench:ingest (generates the events once into bench/out/, then
 * a fresh ingest against the multi-process zcat floor), bench:profile and bench:query on that store,
 * each in its own process, and prints the figures issue 14 tracks. Writes bench/out/scale.json and
 * bench/out/scale.md. Disk: about 175 MB of gzip and 165 MB of store per million events (measured at 1M).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const args = process.argv.slice(2);
const sizesArg = args.indexOf('--sizes') >= 0 ? args[args.indexOf('--sizes') + 1] : undefined;
const SIZES = (sizesArg ?? '1000000,10000000').split(',').map(Number);
if (SIZES.some((n) => !Number.isSafeInteger(n) || n <= 0)) {
  console.error('usage: npm run bench:scale -- --sizes 1000000,10000000');
  process.exit(2);
}

interface Timing {
  p50: number;
  p95: number;
}
interface IngestReport {
  events: number;
  files: number;
  gzBytes: number;
  storeBytes: number;
  zcatSeconds: number;
  zcatProcesses: number;
  ingestSeconds: number;
  ingestRecordsPerSecond: number;
  ratioToZcat: number;
  peakRssMiB: number;
}
interface ProfileReport {
  roleSessionProfileMs: Timing;
  roleSessionListMs: Timing;
  newBehaviorMs: Timing;
}
interface QueryReport {
  eventSearchByAccessKeyMs: Record<'whole data range' | 'default 24h scope', Timing>;
}

function run(script: string, events: number): void {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', script), '--events', String(events)], { cwd: ROOT, stdio: 'inherit' });
}

const read = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(OUT, name), 'utf8')) as T;

const rows = SIZES.map((events) => {
  console.log(`\n=== ${events.toLocaleString('en-US')} events ===`);
  run('ingest.ts', events);
  run('profile.ts', events);
  run('query.ts', events);
  return { events, ingest: read<IngestReport>(`ingest-${events}.json`), profile: read<ProfileReport>(`profile-${events}.json`), query: read<QueryReport>(`query-${events}.json`) };
});

const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n.toLocaleString('en-US'));
const ms = (t: Timing) => `${t.p95} ms (${t.p50})`;
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
const lines: [string, (r: (typeof rows)[number]) => string][] = [
  ['role-session profile p95 (p50)', (r) => ms(r.profile.roleSessionProfileMs)],
  ['role-session list p95 (p50)', (r) => ms(r.profile.roleSessionListMs)],
  ['event search by access key, whole range p95 (p50)', (r) => ms(r.query.eventSearchByAccessKeyMs['whole data range'])],
  ['event search by access key, 24 h scope p95 (p50)', (r) => ms(r.query.eventSearchByAccessKeyMs['default 24h scope'])],
  ['New behavior p95 (p50)', (r) => ms(r.profile.newBehaviorMs)],
  ['ingest', (r) => `${Math.round(r.ingest.ingestRecordsPerSecond / 1000)}k records/s, ${r.ingest.ratioToZcat}× zcat (${r.ingest.zcatProcesses} processes)`],
  ['ingest peak RSS', (r) => `${(r.ingest.peakRssMiB / 1024).toFixed(2)} GiB`],
  ['files / gzip', (r) => `${r.ingest.files.toLocaleString('en-US')} / ${gib(r.ingest.gzBytes)}`],
  ['store size', (r) => gib(r.ingest.storeBytes)],
];
const table = [
  `| figure | ${rows.map((r) => `${label(r.events)} events`).join(' | ')} |`,
  `| --- | ${rows.map(() => '---').join(' | ')} |`,
  ...lines.map(([name, cell]) => `| ${name} | ${rows.map(cell).join(' | ')} |`),
].join('\n');
console.log(`\n${table}`);
fs.writeFileSync(path.join(OUT, 'scale.json'), JSON.stringify(rows, null, 2));
fs.writeFileSync(path.join(OUT, 'scale.md'), `${table}\n`);
