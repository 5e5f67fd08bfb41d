import { expect, test } from './fixtures';
import { e2eEnv } from '../playwright.config';

/** A deep link with a query, as someone would paste it into a chat. */
const DEEP_LINK = '/events?from=2024-03-01T00%3A00%3A00Z&to=2024-03-02T00%3A00%3A00Z&role=ci-deployer';

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a page redirects to sign-in, remembering where it was going', async ({ page }) => {
    await page.goto(DEEP_LINK);
    await expect(page).toHaveURL(/\/sign-in\?/);
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe(DEEP_LINK);
    await expect(page.getByText('Trailscope', { exact: true })).toBeVisible();
  });

  test('a wrong password shows an error and stays on the form', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // Next renders its own (empty) route announcer with role="alert"; look for ours by its text.
    await expect(page.getByRole('alert').filter({ hasText: 'Wrong username or password.' })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('the right password lands on the original deep link', async ({ page }) => {
    await page.goto(DEEP_LINK);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(e2eEnv('TRAILSCOPE_E2E_ADMIN_PASSWORD'));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === DEEP_LINK);
  });

  test('the API answers 401 JSON without a session', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: 'unauthorized' });
  });

  test('the API accepts a configured bearer token and refuses others', async ({ request }) => {
    const ok = await request.get('/api/health', {
      headers: { Authorization: `Bearer ${e2eEnv('TRAILSCOPE_E2E_API_TOKEN')}` },
    });
    expect(ok.status()).not.toBe(401);
    const wrong = await request.get('/api/health', { headers: { Authorization: 'Bearer not-a-configured-token' } });
    expect(wrong.status()).toBe(401);
  });
});

test.describe('signed in', () => {
  test('the saved session reaches pages and the API', async ({ page }) => {
    await page.goto(DEEP_LINK);
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === DEEP_LINK);
    const response = await page.request.get('/api/health');
    expect(response.status()).not.toBe(401);
  });
});
