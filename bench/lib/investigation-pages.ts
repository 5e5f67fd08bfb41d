import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { SARA } from '@/lib/generator/scenarios';

/**
 * Sara's investigation, page by page, as the page-view benches open it on any engine: the day's
 * overview and session list, then her SSO session's tabs in the incident's two hours, and its events.
 */
const SCOPE = 'from=2026-11-18T09%3A00%3A00Z&to=2026-11-18T11%3A00%3A00Z';
const DAY = 'from=2026-11-18T00%3A00%3A00Z&to=2026-11-19T00%3A00%3A00Z';
const session = `/role-sessions/${encodeURIComponent(`${SARA.ssoRole.roleId}:sara`)}`;

export const INVESTIGATION_PAGES: readonly (readonly [name: string, url: string])[] = [
  ['overview (a day)', `/?${DAY}`],
  ['role sessions (a day)', `/role-sessions?${DAY}`],
  ['session: overview', `${session}?${SCOPE}`],
  ['session: new behavior', `${session}?${SCOPE}&tab=new-behavior`],
  ['session: timeline', `${session}?${SCOPE}&tab=timeline`],
  ['session: graph', `${session}?${SCOPE}&tab=graph`],
  ['events (the session)', `/events?${SCOPE}&principal=${encodeURIComponent(`${SARA.ssoRole.roleId}:sara`)}`],
  ['health API', '/api/health'],
];

/** Chromium (Debian's where installed), signed in to the app at `base` as the admin. */
export async function signedInBrowser(base: string, password: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch(
    fs.existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] } : {},
  );
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  await page.waitForLoadState('networkidle');
  return { browser, page };
}

/**
 * Opens one page (or calls one API) and waits until the network is idle. Returns the milliseconds
 * until its last request finished (the page and every API call its panels made), as a person
 * waits; not until idle was declared, which adds half a second of quiet to every view.
 */
export async function viewPage(page: Page, base: string, url: string): Promise<number> {
  const started = Date.now();
  if (url.startsWith('/api/')) {
    await page.request.get(base + url);
    return Date.now() - started;
  }
  let lastFinished = started;
  const finished = () => {
    lastFinished = Date.now();
  };
  page.on('requestfinished', finished);
  try {
    await page.goto(base + url, { timeout: 600_000 });
    await page.waitForLoadState('networkidle', { timeout: 600_000 });
  } finally {
    page.off('requestfinished', finished);
  }
  return lastFinished - started;
}

export async function screenshot(page: Page, dir: string | undefined, name: string): Promise<void> {
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
}
