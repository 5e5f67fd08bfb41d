/**
 * `npm run test:e2e`: the whole product end to end on a throwaway data dir.
 *
 *   generate 20k CloudTrail events → ingest them → create the admin → build (if stale)
 *   → the loopback OIDC provider on https://127.0.0.1:<oidc port> → next start on 127.0.0.1:<port>
 *   → Playwright → stop the server and the provider → exit with Playwright's code
 *
 * Every secret (admin password, session secret, API token, OIDC client secret and account password)
 * is made fresh per run and handed to the server and the tests through their environment only. The
 * server trusts the provider's throwaway CA through NODE_EXTRA_CA_CERTS, as it would a company CA.
 * Extra arguments go to Playwright: `npm run test:e2e -- --grep sign-in`. TRAILSCOPE_E2E_PORT and
 * TRAILSCOPE_E2E_OIDC_PORT pick other ports than 3100 and 3190.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addUser, ensureAdmin } from '@/lib/auth/bootstrap';
import { VENDOR } from '@/lib/generator/scenarios';
import { closeStateDb } from '@/lib/state/db';
import { OIDC_TEST_ADMIN_GROUP, startOidcTestProvider, type OidcTestProvider } from './lib/oidc-test-provider';
import { FAILING_EVENT_NAME, FAILING_REASON } from './lib/athena-local/e2e-failure';
import { startAthenaStack, ATHENA_CATALOG, type AthenaStack } from './lib/athena-local/stack';
import { buildIsFresh, NEXT_BIN, printTail, run, seconds, spawnServer, step, stop, waitUntilAnswering } from './lib/processes';
import { isTrinoInstalled } from './lib/trino/install-layout';

const PORT = Number(process.env.TRAILSCOPE_E2E_PORT ?? 3100);
const BASE_URL = `http://127.0.0.1:${PORT}`;
/**
 * Where single sign-on starts. Next.js reports a loopback address to route handlers as `localhost`,
 * so the callback route computes its redirect URI on localhost; the sign-in must start there too or
 * the two redirect URIs differ and the provider refuses the code (README, "Single sign-on").
 */
const SSO_BASE_URL = `http://localhost:${PORT}`;
const OIDC_PORT = Number(process.env.TRAILSCOPE_E2E_OIDC_PORT ?? 3190);
const OIDC_CLIENT_ID = 'trailscope-e2e';
const SCREENS_DIR = path.join(process.cwd(), 'test-results', 'screens');
const ATHENA_PORT = Number(process.env.TRAILSCOPE_E2E_ATHENA_PORT ?? 3150);
const ATHENA_BASE_URL = `http://127.0.0.1:${ATHENA_PORT}`;

/**
 * Playwright's projects run in two passes: setup + chromium on the DuckDB server, athena on the
 * Athena server. `-- --project=athena` runs only the second, `-- --project=chromium` only the first.
 */
const ARGS = process.argv.slice(2).filter((a) => !a.startsWith('--project='));
const CHOSEN = process.argv.slice(2).filter((a) => a.startsWith('--project='));
const PROJECTS = {
  main: CHOSEN.length === 0 ? ['--project=setup', '--project=chromium'] : CHOSEN.filter((a) => a !== '--project=athena'),
  athena: CHOSEN.length === 0 || CHOSEN.includes('--project=athena'),
};

async function main(): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-e2e-'));
  // This run's screenshots only: Playwright keeps them across its two passes (playwright.config.ts).
  fs.rmSync(SCREENS_DIR, { recursive: true, force: true });
  const dataDir = path.join(tmp, 'data');
  const logs = path.join(tmp, 'logs');
  const adminPassword = randomBytes(18).toString('base64url');
  const analystPassword = randomBytes(18).toString('base64url');
  const apiToken = `e2e-${randomBytes(24).toString('base64url')}`;
  const oidcSecrets = {
    clientSecret: randomBytes(24).toString('base64url'),
    password: randomBytes(18).toString('base64url'),
    controlToken: randomBytes(24).toString('base64url'),
  };
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    TRAILSCOPE_ENGINE: 'duckdb',
    TRAILSCOPE_DATA_DIR: dataDir,
    // The server re-applies this on its first sign-in; pinning it keeps a developer's own setting out.
    TRAILSCOPE_ADMIN_PASSWORD: adminPassword,
    TRAILSCOPE_API_TOKENS: apiToken,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    AUTH_TRUST_HOST: 'true',
    TRAILSCOPE_VENDOR_NAMES: `${VENDOR.accountId}=${VENDOR.name}`,
  };
  console.log(`e2e: data in ${tmp}`);

  let idp: OidcTestProvider | undefined;
  let server: ChildProcess | undefined;
  let passed = false;
  try {
    await step('generate events', () =>
      run('npm', ['run', 'generate', '--', '--out', logs, '--events', '20000', '--seed', '7'], { env: serverEnv }),
    );
    await step('ingest events', () => run('npm', ['run', 'ingest', '--', logs], { env: serverEnv }));
    await step('create users', () => createUsers(dataDir, adminPassword, analystPassword));
    await step('build', async () => {
      if (buildIsFresh()) console.log('  skipped: .next/BUILD_ID is newer than every source file');
      else await run(NEXT_BIN, ['build']);
    });
    await assertPortFree();
    const provider = await step('start OIDC provider', () =>
      startOidcTestProvider({
        port: OIDC_PORT,
        dir: path.join(tmp, 'oidc'),
        clientId: OIDC_CLIENT_ID,
        clientSecret: oidcSecrets.clientSecret,
        redirectUri: `${SSO_BASE_URL}/api/auth/callback/oidc`,
        password: oidcSecrets.password,
        controlToken: oidcSecrets.controlToken,
      }),
    );
    idp = provider;
    const oidcEnv = {
      TRAILSCOPE_OIDC_ISSUER: provider.issuer,
      TRAILSCOPE_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
      TRAILSCOPE_OIDC_CLIENT_SECRET: oidcSecrets.clientSecret,
      TRAILSCOPE_OIDC_NAME: 'Loopback IdP',
      TRAILSCOPE_OIDC_SCOPES: 'openid profile email groups',
      TRAILSCOPE_OIDC_ADMIN_GROUPS: OIDC_TEST_ADMIN_GROUP,
      NODE_EXTRA_CA_CERTS: provider.caFile,
    };
    server = await step('start server', async () => {
      const child = spawnServer(PORT, { ...serverEnv, ...oidcEnv }, path.join(tmp, 'server.log'));
      await waitUntilAnswering(child, `${BASE_URL}/api/health`, 60_000);
      return child;
    });
    const code = PROJECTS.main.length === 0 ? 0 : await step('playwright', () =>
      run('npx', ['playwright', 'test', ...PROJECTS.main, ...ARGS], {
        env: {
          ...process.env,
          TRAILSCOPE_E2E_URL: BASE_URL,
          TRAILSCOPE_E2E_ADMIN_PASSWORD: adminPassword,
          TRAILSCOPE_E2E_ANALYST_PASSWORD: analystPassword,
          TRAILSCOPE_E2E_API_TOKEN: apiToken,
          TRAILSCOPE_E2E_SSO_URL: SSO_BASE_URL,
          TRAILSCOPE_E2E_OIDC_ISSUER: provider.issuer,
          TRAILSCOPE_E2E_OIDC_PASSWORD: oidcSecrets.password,
          TRAILSCOPE_E2E_OIDC_CONTROL_TOKEN: oidcSecrets.controlToken,
          // For the tests' own calls to the provider's control endpoint.
          NODE_EXTRA_CA_CERTS: provider.caFile,
        },
        allowFailure: true,
      }),
    );
    if (code !== 0) printTail(path.join(tmp, 'server.log'), 40);
    const athenaCode = await onAthena(tmp, logs, serverEnv, adminPassword);
    passed = code === 0 && athenaCode === 0;
    return code !== 0 ? code : athenaCode;
  } finally {
    if (server) await step('stop server', () => stop(server as ChildProcess));
    if (idp) await step('stop OIDC provider', () => (idp as OidcTestProvider).close());
    if (passed) fs.rmSync(tmp, { recursive: true, force: true });
    else console.log(`e2e: kept ${tmp} (server.log, data) for a look`);
  }
}


/**
 * The investigation flow once more with the app on Athena: the local Athena over a Trino holding
 * the same generated logs, a second server on it (its own state: users, findings), Playwright's
 * `athena` project. Without Trino it does not run, and says so.
 */
async function onAthena(tmp: string, logs: string, serverEnv: NodeJS.ProcessEnv, adminPassword: string): Promise<number> {
  if (!PROJECTS.athena) return 0;
  if (!isTrinoInstalled()) {
    console.warn('\n*** Trino is not installed: the investigation on Athena did NOT run. `npm run trino:install` installs it. ***\n');
    return 0;
  }
  let stack: AthenaStack | undefined;
  let server: ChildProcess | undefined;
  const dataDir = path.join(tmp, 'athena-data');
  try {
    const started = await step('start local Athena', () =>
      startAthenaStack({
        sources: [logs],
        tables: [{ table: 'cloudtrail_logs', partitioning: 'projected-date', tableSchema: 'project' }],
        failingParameter: { value: FAILING_EVENT_NAME, reason: FAILING_REASON },
      }),
    );
    stack = started;
    // Its admin is made on first sign-in from TRAILSCOPE_ADMIN_PASSWORD, as on a fresh install.
    const env: NodeJS.ProcessEnv = {
      ...serverEnv,
      TRAILSCOPE_DATA_DIR: dataDir,
      TRAILSCOPE_ENGINE: 'athena',
      TRAILSCOPE_ATHENA_ENDPOINT: started.athena.url,
      TRAILSCOPE_ATHENA_CATALOG: ATHENA_CATALOG,
      TRAILSCOPE_ATHENA_DATABASE: started.database,
      TRAILSCOPE_ATHENA_TABLE: 'cloudtrail_logs',
      TRAILSCOPE_ATHENA_PARTITIONING: 'projected-date',
      TRAILSCOPE_ATHENA_OUTPUT_LOCATION: 's3://athena-local-results/',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    };
    server = await step('start server on Athena', async () => {
      const child = spawnServer(ATHENA_PORT, env, path.join(tmp, 'athena-server.log'));
      await waitUntilAnswering(child, `${ATHENA_BASE_URL}/api/health`, 60_000);
      return child;
    });
    const code = await step('playwright (Athena)', () =>
      run('npx', ['playwright', 'test', '--project=athena', ...ARGS], {
        env: { ...process.env, TRAILSCOPE_E2E_ATHENA_URL: ATHENA_BASE_URL, TRAILSCOPE_E2E_ADMIN_PASSWORD: adminPassword },
        allowFailure: true,
      }),
    );
    const executions = started.athena.executions();
    const scanned = executions.reduce((sum, e) => sum + e.dataScannedInBytes, 0);
    console.log(`  Athena: ${executions.length} queries, ${(scanned / 1e6).toFixed(1)} MB scanned`);
    if (code !== 0) printTail(path.join(tmp, 'athena-server.log'), 40);
    return code;
  } finally {
    if (server) await step('stop server on Athena', () => stop(server as ChildProcess));
    if (stack) await step('stop local Athena', () => (stack as AthenaStack).stop());
  }
}

/**
 * In this process, against the server's data dir (env() is read on first use, so setting it here
 * is in time), then let go of the state file: DuckDB locks it and the server must open it next.
 */
/**
 * The admin, a second analyst (a viewer, named `analyst` from before the role existed) who opens the
 * links the admin shares, `triager` (the analyst role: triages findings), and the security probes' users.
 */
async function createUsers(dataDir: string, password: string, analystPassword: string): Promise<void> {
  process.env.TRAILSCOPE_DATA_DIR = dataDir;
  try {
    await ensureAdmin({ password });
    await addUser({ name: 'analyst', role: 'viewer', password: analystPassword });
    await addUser({ name: 'triager', role: 'analyst', password: analystPassword });
    // Users that e2e/security.spec.ts demotes, disables, locks out and deletes.
    for (const name of ['probe-admin', 'probe-guessed']) await addUser({ name, role: 'admin', password: analystPassword });
  } finally {
    await closeStateDb();
  }
}

async function assertPortFree(): Promise<void> {
  const answered = await fetch(BASE_URL, { signal: AbortSignal.timeout(1000) }).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`Something already answers on ${BASE_URL}; stop it or set TRAILSCOPE_E2E_PORT`);
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
