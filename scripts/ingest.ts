import { env } from '@/lib/env';
import { ingest, type IngestProgress } from '@/lib/ingest/ingest';
import { formatSummary } from '@/lib/ingest/format-summary';
import { detectAfterIngest } from '@/lib/detections/detect-new';
import { formatDetectNew } from '@/lib/detections/format-run';
import { closeStateDb } from '@/lib/state/db';

function progressBar(p: IngestProgress, started: number): string {
  const width = 30;
  const frac = p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : 1;
  const filled = Math.round(frac * width);
  const secs = (performance.now() - started) / 1000;
  const rate = secs > 0 ? Math.round(p.recordsRead / secs) : 0;
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%  ${p.filesDone}/${p.filesTotal} files  ${p.recordsRead.toLocaleString('en-US')} records  ${rate.toLocaleString('en-US')}/s `;
}

async function main() {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const detect = !args.includes('--no-detect');
  const paths = args.filter((a) => a !== '--no-detect');
  if (paths.length === 0) {
    console.error('usage: npm run ingest -- [--no-detect] <file or directory>...\n  --no-detect   do not run the detections over the new events now (the app runs them when it next looks)');
    process.exit(2);
  }
  const { TRAILSCOPE_DATA_DIR } = env();
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let last = 0;
  const summary = await ingest({
    paths,
    dataDir: TRAILSCOPE_DATA_DIR,
    onProgress: (p) => {
      const now = performance.now();
      if (tty && (now - last > 100 || p.filesDone === p.filesTotal)) {
        last = now;
        process.stderr.write(progressBar(p, started));
      }
    },
  });
  if (tty) process.stderr.write('\n');
  console.log(formatSummary(summary));
  if (detect) {
    const detected = await detectAfterIngest(TRAILSCOPE_DATA_DIR);
    await closeStateDb();
    console.log(detected ? formatDetectNew(detected) : 'Detections: the app is running them now; it covers these events too.');
  }
}

main().catch((error: unknown) => {
  console.error(`ingest failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
