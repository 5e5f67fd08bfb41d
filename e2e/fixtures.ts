import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';
import { e2eEnv } from '../playwright.config';

/**
 * What every spec imports instead of @playwright/test: the same `test`, plus a guard that fails
 * the test on any Content-Security-Policy violation the browser reports (issue 11: the app must
 * really run under its CSP). Chromium reports a violation as a console error starting "Refused
 * to …", and fires `securitypolicyviolation`, which the init script forwards to the console too.
 */
export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      context.on('console', (message) => {
        const text = message.text();
        if (message.type() === 'error' && (/Content Security Policy/i.test(text) || text.startsWith('CSP violation'))) violations.push(text);
      });
      await use();
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Download, Page } from '@playwright/test';

/**
 * Signs in through the form in a new page of `context`: "signed in" when the app opens, else
 * "refused: <what the form said>".
 */
export async function signInThroughForm(context: BrowserContext, user: string, password: string): Promise<string> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // Either the app opens, or the form says why not.
  const alert = page.getByRole('alert').filter({ hasText: /\w/ });
  await expect(async () => {
    expect(!new URL(page.url()).pathname.startsWith('/sign-in') || (await alert.count()) > 0).toBe(true);
  }).toPass({ timeout: 20_000 });
  const outcome = new URL(page.url()).pathname.startsWith('/sign-in') ? `refused: ${(await alert.allTextContents()).join(' ')}` : 'signed in';
  await page.close();
  return outcome;
}

/** A fresh browser context signed in through the form as `user` (`analyst` is a viewer; `triager` has the analyst role). */
export async function signedInContext(browser: Browser, user: 'admin' | 'analyst' | 'triager', extraHTTPHeaders?: Record<string, string>): Promise<BrowserContext> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, ...(extraHTTPHeaders ? { extraHTTPHeaders } : {}) });
  const outcome = await signInThroughForm(context, user, e2eEnv(user === 'admin' ? 'TRAILSCOPE_E2E_ADMIN_PASSWORD' : 'TRAILSCOPE_E2E_ANALYST_PASSWORD'));
  expect(outcome).toBe('signed in');
  return context;
}
