/**
 * `npm run test:e2e`: the whole product end to end on a throwaway data dir.
 *
 *   generate 20k CloudTrail events → ingest them → create the admin → build (if stale)
 *   → next start on 127.0.0.1:<port> → Playwright → stop the server → exit with Playwright's code
 *
 * Every secret (admin password, session secret, API token) is made fresh per run and handed to the
 * server and the tests through their environment only. Extra arguments go to Playwright:
 * `npm run test:e2e -- --grep sign-in`. TRAILSCOPE_E2E_PORT picks another port than 3100.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureAdmin } from '@/lib/auth/bootstrap';
import { closeStateDb } from '@/lib/state/db';

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.TRAILSCOPE_E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const NEXT_BIN = path.join(ROOT, 'node_modules', '.bin', 'next');

/** Paths that never feed `next build`; everything else in the repo counts as a source file. */
const NOT_BUILD_INPUTS = new Set(['node_modules', '.next', '.git', 'e2e', 'scripts', 'bench', 'test', 'test-results', 'playwright-report', 'data', '.data', 'next-env.d.ts']);

async function main(): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-e2e-'));
  const dataDir = path.join(tmp, 'data');
  const logs = path.join(tmp, 'logs');
  const adminPassword = randomBytes(18).toString('base64url');
  const apiToken = `e2e-${randomBytes(24).toString('base64url')}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    TRAILSCOPE_ENGINE: 'duckdb',
    TRAILSCOPE_DATA_DIR: dataDir,
    // The server re-applies this on its first sign-in; pinning it keeps a developer's own setting out.
    TRAILSCOPE_ADMIN_PASSWORD: adminPassword,
    TRAILSCOPE_API_TOKENS: apiToken,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    AUTH_TRUST_HOST: 'true',
  };
  console.log(`e2e: data in ${tmp}`);

  let server: ChildProcess | undefined;
  let passed = false;
  try {
    await step('generate events', () =>
      run('npm', ['run', 'generate', '--', '--out', logs, '--events', '20000', '--seed', '7'], { env: serverEnv }),
    );
    await step('ingest events', () => run('npm', ['run', 'ingest', '--', logs], { env: serverEnv }));
    await step('create admin', () => createAdmin(dataDir, adminPassword));
    await step('build', async () => {
      if (buildIsFresh()) console.log('  skipped: .next/BUILD_ID is newer than every source file');
      else await run(NEXT_BIN, ['build']);
    });
    await assertPortFree();
    server = await step('start server', async () => {
      const child = spawnServer(serverEnv, path.join(tmp, 'server.log'));
      await waitUntilAnswering(child, `${BASE_URL}/api/health`, 60_000);
      return child;
    });
    const code = await step('playwright', () =>
      run('npx', ['playwright', 'test', ...process.argv.slice(2)], {
        env: {
          ...process.env,
          TRAILSCOPE_E2E_URL: BASE_URL,
          TRAILSCOPE_E2E_ADMIN_PASSWORD: adminPassword,
          TRAILSCOPE_E2E_API_TOKEN: apiToken,
        },
        allowFailure: true,
      }),
    );
    passed = code === 0;
    if (!passed) printTail(path.join(tmp, 'server.log'), 40);
    return code;
  } finally {
    if (server) await step('stop server', () => stop(server as ChildProcess));
    if (passed) fs.rmSync(tmp, { recursive: true, force: true });
    else console.log(`e2e: kept ${tmp} (server.log, data) for a look`);
  }
}

/**
 * In this process, against the server's data dir (env() is read on first use, so setting it here
 * is in time), then let go of the state file: DuckDB locks it and the server must open it next.
 */
async function createAdmin(dataDir: string, password: string): Promise<void> {
  process.env.TRAILSCOPE_DATA_DIR = dataDir;
  try {
    await ensureAdmin({ password });
  } finally {
    await closeStateDb();
  }
}

/** Fresh when the last build finished after the newest build input changed. */
function buildIsFresh(): boolean {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  return newestMtime(ROOT, true) < built;
}

function newestMtime(dir: string, top: boolean): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (top && NOT_BUILD_INPUTS.has(entry.name)) continue;
    if (entry.name.endsWith('.tsbuildinfo')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, false));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

async function assertPortFree(): Promise<void> {
  const answered = await fetch(BASE_URL, { signal: AbortSignal.timeout(1000) }).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`Something already answers on ${BASE_URL}; stop it or set TRAILSCOPE_E2E_PORT`);
}

function spawnServer(env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = fs.openSync(logFile, 'a');
  // Its own process group, so stop() ends next start and anything it forked.
  const child = spawn(NEXT_BIN, ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  return child;
}

/** Up means any HTTP answer: /api/health says 401 to a request without credentials. */
async function waitUntilAnswering(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode} before answering`);
    const answered = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      // Already gone.
    }
  };
  signalGroup('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!killed) {
    signalGroup('SIGKILL');
    await exited;
  }
}

function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; allowFailure?: boolean } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const spawnOptions: SpawnOptions = { cwd: ROOT, env: options.env ?? process.env, stdio: 'inherit' };
    const child = spawn(command, args, spawnOptions);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const status = code ?? (signal ? 128 : 1);
      if (status === 0 || options.allowFailure) resolve(status);
      else reject(new Error(`${[command, ...args].join(' ')} exited with ${signal ?? code}`));
    });
  });
}

async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  console.log(`\n▶ ${name}`);
  try {
    const result = await fn();
    console.log(`✔ ${name} (${seconds(started)})`);
    return result;
  } catch (error) {
    console.log(`✘ ${name} (${seconds(started)})`);
    throw error;
  }
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function printTail(file: string, lines: number): void {
  if (!fs.existsSync(file)) return;
  const tail = fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines);
  console.log(`\n--- last ${tail.length} lines of the server log ---\n${tail.join('\n')}\n---`);
}

const startedAt = performance.now();
main().then(
  (code) => {
    console.log(`\ne2e: ${code === 0 ? 'passed' : `failed (playwright exit ${code})`} in ${seconds(startedAt)}`);
    process.exit(code);
  },
  (error: unknown) => {
    console.error(`\ne2e: ${error instanceof Error ? error.message : String(error)} (after ${seconds(startedAt)})`);
    process.exit(1);
  },
);
