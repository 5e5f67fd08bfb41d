import { chromium } from '@playwright/test';
const base = 'http://127.0.0.1:3160';
const pages = process.argv.slice(2);
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('athena-admin-pass');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  for (const [i, p] of pages.entries()) {
    const t = Date.now();
    await page.goto(base + p, { timeout: 180000 });
    await page.waitForLoadState('networkidle', { timeout: 180000 }).catch(() => undefined);
    await page.screenshot({ path: `/tmp/shots/p${i}.png`, fullPage: true });
    const errors = await page.locator('text=/error|failed|unexpected/i').allTextContents();
    console.log(p, Date.now() - t, 'ms', JSON.stringify(errors.slice(0, 5)));
  }
  await browser.close();
})();
