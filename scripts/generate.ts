import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@/lib/generator/generate';
import { parseCliArgs, USAGE } from '@/lib/generator/options';
import { GzipFileSink } from '@/lib/generator/writer';

/**
 * Writes a deterministic CloudTrail dataset in the S3 layout:
 *   npm run generate -- --out DIR [--events N] [--seed S] [--end ISO] [--days D] [--variant V]
 */
function main(): void {
  const options = parseCliArgs(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return;
  }
  const outDir = path.resolve(options.outDir);
  // Mixing two runs would silently corrupt the dataset, and deleting could destroy real logs: refuse instead.
  const logs = path.join(outDir, 'AWSLogs');
  if (existsSync(logs) && readdirSync(logs).length > 0) {
    throw new Error(`${logs} already has logs; remove it or choose another --out`);
  }
  const summary = generate(options, new GzipFileSink(outDir));
  const mb = (summary.bytes / 1024 / 1024).toFixed(1);
  console.log(
    `generated ${summary.files} files, ${summary.events} events (${summary.coreEvents} scenario, ${summary.backgroundEvents} background), ` +
      `${summary.bytes} bytes (${mb} MiB gzip) in ${(summary.elapsedMs / 1000).toFixed(1)}s → ${outDir}`,
  );
}

try {
  main();
} catch (err: unknown) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
