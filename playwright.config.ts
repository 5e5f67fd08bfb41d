import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, devices, type LaunchOptions } from '@playwright/test';

/**
 * End-to-end tests against a running Trailscope (scripts/e2e.ts starts one with generated data and
 * passes its URL and credentials through the environment). The setup project signs in once through
 * the real form; every other test starts from that saved session unless it opts out.
 */

export const ADMIN_STORAGE_STATE = path.join(__dirname, 'e2e/.auth/admin.json');

/** Values scripts/e2e.ts hands the tests (the admin password, an API token, the loopback OIDC provider). */
export function e2eEnv(
  name:
    | 'TRAILSCOPE_E2E_ADMIN_PASSWORD'
    | 'TRAILSCOPE_E2E_ANALYST_PASSWORD'
    | 'TRAILSCOPE_E2E_API_TOKEN'
    | 'TRAILSCOPE_E2E_SSO_URL'
    | 'TRAILSCOPE_E2E_OIDC_ISSUER'
    | 'TRAILSCOPE_E2E_OIDC_PASSWORD'
    | 'TRAILSCOPE_E2E_OIDC_CONTROL_TOKEN',
): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with \`npm run test:e2e\``);
  return value;
}

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

// CI machines have Debian's Chromium rather than Playwright's download; these flags keep it quiet
// and working as root in a container.
const launchOptions: LaunchOptions | undefined = fs.existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--disable-dev-shm-usage'],
    }
  : undefined;

export default defineConfig({
  testDir: './e2e',
  // Each Playwright run empties its outputDir; the pages' screenshots (test-results/screens) sit
  // beside it so the Athena pass does not wipe the DuckDB pass's (scripts/e2e.ts clears them per run).
  outputDir: './test-results/playwright',
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // Two cores: the server under test needs one of them.
  workers: 1,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: process.env.TRAILSCOPE_E2E_URL ?? 'http://127.0.0.1:3100',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/, use: { ...devices['Desktop Chrome'] } },
    {
      name: 'chromium',
      dependencies: ['setup'],
      testIgnore: /.*\.athena\.ts/,
      use: { ...devices['Desktop Chrome'], storageState: ADMIN_STORAGE_STATE },
    },
    // The app once more on the local Athena (scripts/e2e.ts starts it when Trino is installed).
    {
      name: 'athena',
      testMatch: /.*\.athena\.ts/,
      use: { ...devices['Desktop Chrome'], baseURL: process.env.TRAILSCOPE_E2E_ATHENA_URL ?? 'http://127.0.0.1:3150' },
    },
  ],
});
