import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIsFresh, spawnServer, stop, waitUntilAnswering } from '@/scripts/lib/processes';
import { storeLayout } from '@/lib/event-store/layout';
import { readManifest } from '@/lib/event-store/manifest';
import { INVESTIGATION_PAGES, screenshot, signedInBrowser, viewPage } from './lib/investigation-pages';

/**
 * `npm run bench:pages -- --store DIR [--screens DIR]`: sara's investigation on the embedded engine
 * over a store bench:ingest left (DIR holds `events/`; e.g. bench/out/store-10000000). Starts the
 * built app on it, signs in and opens each page like a person, cold then warm: the time until the
 * page's last request finished, and the engine time each of its SQL panels reports. Needs `npm run build`.
 * The app's own state (users, findings, audit) goes to a fresh directory whose events/ links to DIR's.
 */
const { values } = parseArgs({
  options: {
    store: { type: 'string' },
    screens: { type: 'string' },
    port: { type: 'string', default: '3171' },
  },
});

async function main(): Promise<void> {
  if (!values.store) throw new Error('--store DIR: a data directory with events/ (npm run bench:ingest leaves bench/out/store-<N>)');
  const dataDir = path.resolve(values.store);
  const manifest = await readManifest(storeLayout(dataDir));
  const events = manifest.segments.reduce((n, s) => n + s.rows, 0);
  if (events === 0) throw new Error(`no events in ${dataDir}`);
  if (!buildIsFresh()) throw new Error('the build is stale or missing: npm run build');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-bench-pages-'));
  let server: ChildProcess | undefined;
  try {
    // A fresh app state each run (its admin is created with this run's password), over DIR's events.
    const appData = path.join(tmp, 'data');
    fs.mkdirSync(appData, { mode: 0o700 });
    fs.symlinkSync(storeLayout(dataDir).root, storeLayout(appData).root);
    const port = Number(values.port);
    const password = randomBytes(12).toString('base64url');
    server = spawnServer(
      port,
      {
        ...process.env,
        TRAILSCOPE_ENGINE: 'duckdb',
        TRAILSCOPE_DATA_DIR: appData,
        TRAILSCOPE_ADMIN_PASSWORD: password,
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        AUTH_TRUST_HOST: 'true',
      },
      path.join(tmp, 'server.log'),
    );
    const base = `http://127.0.0.1:${port}`;
    await waitUntilAnswering(server, `${base}/api/health`, 60_000);
    const { browser, page } = await signedInBrowser(base, password);
    const rows = ['| page view | cold | warm | SQL panels | slowest panel (engine) |', '| --- | ---: | ---: | ---: | ---: |'];
    for (const [name, url] of INVESTIGATION_PAGES) {
      const cold = await viewPage(page, base, url);
      if (!url.startsWith('/api/')) await screenshot(page, values.screens, name);
      const panels = url.startsWith('/api/') ? [] : (await page.locator('span[title="engine time"]').allTextContents()).map((t) => Number.parseInt(t, 10));
      const warm = await viewPage(page, base, url);
      rows.push(`| ${name} | ${cold} ms | ${warm} ms | ${panels.length} | ${panels.length ? `${Math.max(...panels)} ms` : '–'} |`);
    }
    await browser.close();
    console.log(`\n${events.toLocaleString('en-US')} events in ${manifest.segments.length} segments (${dataDir}); wall time until the page's last request (the page and its panels' API calls) finished\n`);
    console.log(rows.join('\n'));
  } finally {
    if (server) await stop(server);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
