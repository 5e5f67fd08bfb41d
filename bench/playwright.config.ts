import base from '../playwright.config';
import { defineConfig } from '@playwright/test';

/**
 * The browser benchmarks, run against the app scripts/e2e.ts starts: `npm run bench:graph`.
 * Signs in with the e2e setup project, then runs bench/*.bench.ts (not part of `npm test`).
 */
const [setup, chromium] = base.projects ?? [];
export default defineConfig({
  ...base,
  testDir: '..',
  reporter: [['list']],
  timeout: 600_000,
  projects: [
    { ...setup, testDir: '../e2e' },
    { ...chromium, name: 'bench', testDir: '.', testMatch: /.*\.bench\.ts/ },
  ],
});
