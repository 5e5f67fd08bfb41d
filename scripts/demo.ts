/**
 * `npm run demo`: from a fresh clone to a signed-in dashboard with data, on the embedded engine.
 *
 *   generate sample CloudTrail (first run only) → ingest → admin user → build (if stale) → next start
 *
 * Options: --events N (sample size, default 100000), --port P (default $PORT or 3000),
 * --reset-password (new generated admin password). TRAILSCOPE_DATA_DIR picks the data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import { VENDOR } from '@/lib/generator/scenarios';
import { ensureAdmin, ensureAuthSecret } from '@/lib/auth/bootstrap';
import { generatePassword } from '@/lib/auth/password';
import { closeStateDb } from '@/lib/state/db';
import { ingest } from '@/lib/ingest/ingest';
import { formatSummary } from '@/lib/ingest/format-summary';
import { detectAfterIngest } from '@/lib/detections/detect-new';
import { formatDetectNew } from '@/lib/detections/format-run';
import { readManifest } from '@/lib/event-store/manifest';
import { storeLayout } from '@/lib/event-store/layout';
import { buildIsFresh, NEXT_BIN, ROOT, run, spawnServer, step, stop, waitUntilAnswering } from './lib/processes';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const settings = env();
  const dataDir = settings.TRAILSCOPE_DATA_DIR;
  const events = Number(option('events') ?? 100_000);
  const port = Number(option('port') ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(events) || events < 1000) throw new Error('--events must be a whole number of at least 1000');
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('--port must be a TCP port');

  const manifest = await readManifest(storeLayout(dataDir));
  if (manifest.segments.length === 0) {
    const logs = path.join(dataDir, 'sample-logs');
    await step(`generate ${events.toLocaleString('en-US')} sample events`, async () => {
      fs.rmSync(logs, { recursive: true, force: true });
      await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/generate.ts'), '--out', logs, '--events', String(events)]);
    });
    await step('ingest them', async () => {
      console.log(formatSummary(await ingest({ paths: [logs], dataDir })));
    });
  } else {
    console.log(`Using the ${manifest.segments.reduce((n, s) => n + s.rows, 0).toLocaleString('en-US')} events already in ${dataDir}`);
  }

  // The inbox is full when the app opens: what fired is the first thing an investigator asks.
  await step('detections', async () => {
    const detected = await detectAfterIngest(dataDir);
    console.log(detected ? formatDetectNew(detected) : 'Detections: another run holds the lock; the app runs them when it starts.');
  });

  const reset = process.argv.includes('--reset-password') ? generatePassword() : undefined;
  const admin = await step('admin user', async () => {
    try {
      const result = await ensureAdmin(reset ? { password: reset } : {});
      return reset ? { ...result, password: reset } : result;
    } finally {
      // DuckDB locks the state file to one process: the server opens it next.
      await closeStateDb();
    }
  });
  ensureAuthSecret();

  await step('build', async () => {
    if (buildIsFresh()) console.log('  up to date');
    else await run(NEXT_BIN, ['build']);
  });

  const url = `http://127.0.0.1:${port}`;
  const server = spawnServer(
    port,
    {
      // The sample data's vendor, by name, unless the operator names vendors themselves.
      TRAILSCOPE_VENDOR_NAMES: `${VENDOR.accountId}=${VENDOR.name}`,
      ...process.env,
      NODE_ENV: 'production',
      TRAILSCOPE_ENGINE: 'duckdb',
      TRAILSCOPE_DATA_DIR: dataDir,
      AUTH_TRUST_HOST: 'true',
    },
    null,
  );
  const shutdown = () => {
    void stop(server).then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await waitUntilAnswering(server, `${url}/api/health`, 90_000);

  const password = admin.password
    ? `${admin.password}   (shown once; only its hash is stored)`
    : settings.TRAILSCOPE_ADMIN_PASSWORD
      ? '(the one in TRAILSCOPE_ADMIN_PASSWORD)'
      : '(printed at the first run; `npm run demo -- --reset-password` makes a new one)';
  console.log(
    [
      '',
      '  Trailscope is running',
      `  URL:       ${url}`,
      `  User:      admin`,
      `  Password:  ${password}`,
      `  Data:      ${dataDir}`,
      '  Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => server.once('exit', () => resolve()));
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
