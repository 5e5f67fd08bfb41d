import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '@/lib/generator/generate';
import { generateOptionsSchema } from '@/lib/generator/options';
import { GzipFileSink } from '@/lib/generator/writer';
import { ATHENA_CATALOG, startAthenaStack, type AthenaStack } from '@/scripts/lib/athena-local/stack';
import { buildIsFresh, spawnServer, stop, waitUntilAnswering } from '@/scripts/lib/processes';
import { isTrinoInstalled } from '@/scripts/lib/trino/install-layout';
import { INVESTIGATION_PAGES, screenshot, signedInBrowser, viewPage } from './lib/investigation-pages';

/**
 * `npm run bench:athena -- [--events 1000000] [--logs DIR] [--screens DIR]`: what each page view of
 * sara's investigation costs on Athena. Generates (or takes) CloudTrail, loads it into the local
 * Athena on Trino, starts the built app on it, signs in and opens each page of the investigation
 * like a person; after each view, the queries the local Athena ran for it, the bytes they scanned
 * and what Athena would bill (5 USD per TB, 10 MB minimum per query). A cold and a warm view each,
 * so per-process caches show. Needs `npm run trino:install` and `npm run build`.
 */
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '200000' },
    logs: { type: 'string' },
    screens: { type: 'string' },
    port: { type: 'string', default: '3170' },
    partitioning: { type: 'string', default: 'projected-date' },
  },
});

const MB = 1024 * 1024;
const billed = (bytes: number) => (bytes === 0 ? 0 : Math.max(10 * MB, Math.ceil(bytes / MB) * MB));

async function main(): Promise<void> {
  if (!isTrinoInstalled()) throw new Error('Trino is not installed: npm run trino:install');
  if (!buildIsFresh()) throw new Error('the build is stale or missing: npm run build');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-bench-athena-'));
  let logs = values.logs;
  if (!logs) {
    logs = path.join(tmp, 'logs');
    const started = Date.now();
    generate(generateOptionsSchema.parse({ outDir: logs, events: Number(values.events), seed: '7' }), new GzipFileSink(logs));
    console.error(`generated ${values.events} events in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  let stack: AthenaStack | undefined;
  let server: ChildProcess | undefined;
  try {
    const loadStarted = Date.now();
    stack = await startAthenaStack({
      sources: [logs],
      tables: [{ table: 'cloudtrail_logs', partitioning: values.partitioning as 'projected-date', tableSchema: 'project' }],
      log: (l) => console.error(l),
    });
    console.error(`local Athena ready with ${stack.lake.records} events in ${Math.round((Date.now() - loadStarted) / 1000)} s`);
    const port = Number(values.port);
    const password = randomBytes(12).toString('base64url');
    server = spawnServer(
      port,
      {
        ...process.env,
        TRAILSCOPE_DATA_DIR: path.join(tmp, 'data'),
        TRAILSCOPE_ADMIN_PASSWORD: password,
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        AUTH_TRUST_HOST: 'true',
        TRAILSCOPE_ENGINE: 'athena',
        TRAILSCOPE_ATHENA_ENDPOINT: stack.athena.url,
        TRAILSCOPE_ATHENA_CATALOG: ATHENA_CATALOG,
        TRAILSCOPE_ATHENA_DATABASE: stack.database,
        TRAILSCOPE_ATHENA_TABLE: 'cloudtrail_logs',
        TRAILSCOPE_ATHENA_PARTITIONING: values.partitioning,
        TRAILSCOPE_ATHENA_OUTPUT_LOCATION: 's3://athena-local-results/',
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
      },
      path.join(tmp, 'server.log'),
    );
    const base = `http://127.0.0.1:${port}`;
    await waitUntilAnswering(server, `${base}/api/health`, 60_000);
    const { browser, page } = await signedInBrowser(base, password);

    const rows: string[] = ['| page view | cold: queries | scanned | billed | time | warm: queries | scanned | billed |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
    let total = { bytes: 0, billed: 0, queries: 0 };
    for (const [name, url] of INVESTIGATION_PAGES) {
      const runs: { queries: number; bytes: number; billed: number; ms: number }[] = [];
      for (const pass of ['cold', 'warm']) {
        const before = stack.athena.executions().length;
        const ms = await viewPage(page, base, url);
        const ran = stack.athena.executions().slice(before);
        const bytes = ran.reduce((s, e) => s + e.dataScannedInBytes, 0);
        runs.push({ queries: ran.length, bytes, billed: ran.reduce((s, e) => s + billed(e.dataScannedInBytes), 0), ms });
        if (pass === 'cold' && !url.startsWith('/api/')) await screenshot(page, values.screens, name);
      }
      const [cold, warm] = runs as [(typeof runs)[0], (typeof runs)[0]];
      total = { bytes: total.bytes + cold.bytes, billed: total.billed + cold.billed, queries: total.queries + cold.queries };
      rows.push(
        `| ${name} | ${cold.queries} | ${(cold.bytes / MB).toFixed(1)} MB | ${(cold.billed / MB).toFixed(0)} MB | ${(cold.ms / 1000).toFixed(1)} s | ${warm.queries} | ${(warm.bytes / MB).toFixed(1)} MB | ${(warm.billed / MB).toFixed(0)} MB |`,
      );
    }
    await browser.close();
    console.log(`\n${stack.lake.records.toLocaleString('en-US')} events, ${values.partitioning}; bytes as the local Athena reports them (compressed JSON read by Trino)\n`);
    console.log(rows.join('\n'));
    console.log(`\nall cold views: ${total.queries} queries, ${(total.bytes / MB).toFixed(1)} MB scanned, ${(total.billed / MB).toFixed(0)} MB billed ($${((total.billed / 1024 ** 4) * 5).toFixed(5)})`);
  } finally {
    if (server) await stop(server);
    await stack?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
