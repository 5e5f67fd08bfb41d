/** Process plumbing shared by the scripts that build and start the app (demo, e2e). */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const NEXT_BIN = path.join(ROOT, 'node_modules', '.bin', 'next');

/** Paths that never feed `next build`; everything else in the repo counts as a source file. */
const NOT_BUILD_INPUTS = new Set(['node_modules', '.next', '.git', 'e2e', 'scripts', 'bench', 'test', 'test-results', 'playwright-report', 'data', '.data', 'next-env.d.ts', 'docs']);

/** Fresh when the last build finished after the newest build input changed. */
export function buildIsFresh(): boolean {
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

export function spawnServer(port: number, env: NodeJS.ProcessEnv, logFile: string | null): ChildProcess {
  const log = logFile === null ? 'inherit' : fs.openSync(logFile, 'a');
  // Its own process group, so stop() ends next start and anything it forked.
  const child = spawn(NEXT_BIN, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  if (typeof log === 'number') fs.closeSync(log);
  return child;
}

/** Up means any HTTP answer: /api/health says 401 to a request without credentials. */
export async function waitUntilAnswering(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
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

export async function stop(child: ChildProcess): Promise<void> {
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

export function run(
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

export async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
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

export function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function printTail(file: string, lines: number): void {
  if (!fs.existsSync(file)) return;
  const tail = fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines);
  console.log(`\n--- last ${tail.length} lines of the server log ---\n${tail.join('\n')}\n---`);
}

