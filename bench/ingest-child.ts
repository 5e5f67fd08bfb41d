// Runs one ingest and reports its summary and the process's peak RSS (DuckDB's native memory included).
import { ingest } from '@/lib/ingest/ingest';

async function main() {
  const [logs, dataDir] = process.argv.slice(2);
  if (!logs || !dataDir) throw new Error('usage: ingest-child <logs> <dataDir>');
  const summary = await ingest({ paths: [logs], dataDir });
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ summary, peakRssBytes })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
