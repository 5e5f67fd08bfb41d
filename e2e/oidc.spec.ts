import { expect, test, type Page } from './fixtures';
import { e2eEnv } from '../playwright.config';
import { CONTROL_PATH, OIDC_TEST_ACCOUNTS, type ForgeableClaim } from '../scripts/lib/oidc-test-provider';

/**
 * Single sign-on through the real OpenID Connect provider scripts/e2e.ts runs on loopback: discovery,
 * authorization code with PKCE, userinfo, the role from the groups claim, and ID tokens the
 * provider's own key signed but with a wrong issuer or audience, which must not sign anyone in.
 */

// Each test starts signed out, on the app's localhost origin (the redirect URI registered at the
// provider; see scripts/e2e.ts). The browser is told to accept the provider's throwaway certificate;
// Trailscope's server trusts it through NODE_EXTRA_CA_CERTS, with no such exception.
test.use({ storageState: { cookies: [], origins: [] }, baseURL: e2eEnv('TRAILSCOPE_E2E_SSO_URL'), ignoreHTTPSErrors: true });

const DEEP_LINK = '/events?from=2024-03-01T00%3A00%3A00Z&to=2024-03-02T00%3A00%3A00Z&eventName=AssumeRole';
/** A scope with no events, so the admin's detection run changes nothing the other specs read. */
const EMPTY_SCOPE = 'from=2001-01-01T00%3A00%3A00Z&to=2001-01-02T00%3A00%3A00Z';

async function signInWithSso(page: Page, login: keyof typeof OIDC_TEST_ACCOUNTS): Promise<void> {
  await page.goto(DEEP_LINK);
  await expect(page).toHaveURL(/\/sign-in\?/);
  await page.getByRole('button', { name: 'Sign in with Loopback IdP' }).click();
  await expect(page).toHaveURL((url) => url.origin === e2eEnv('TRAILSCOPE_E2E_OIDC_ISSUER') && url.pathname.startsWith('/interaction/'));
  await page.getByLabel('Username').fill(login);
  await page.getByLabel('Password').fill(e2eEnv('TRAILSCOPE_E2E_OIDC_PASSWORD'));
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function expectLandedAs(page: Page, login: keyof typeof OIDC_TEST_ACCOUNTS): Promise<void> {
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === DEEP_LINK);
  await expect(page.getByRole('banner').getByText(OIDC_TEST_ACCOUNTS[login].name, { exact: true })).toBeVisible();
}

/** A write from the page itself, as the app's own buttons send it (same origin, session cookie). */
function runDetections(page: Page): Promise<{ status: number; body: { message?: string } }> {
  return page.evaluate(async (query) => {
    const response = await fetch(`/api/detections/run?${query}`, { method: 'POST' });
    return { status: response.status, body: (await response.json()) as { message?: string } };
  }, EMPTY_SCOPE);
}

async function controlProvider(method: 'GET' | 'POST', claim?: ForgeableClaim): Promise<{ armed: ForgeableClaim | null; forged: number }> {
  const url = new URL(CONTROL_PATH, e2eEnv('TRAILSCOPE_E2E_OIDC_ISSUER'));
  if (claim) url.searchParams.set('claim', claim);
  const response = await fetch(url, { method, headers: { authorization: `Bearer ${e2eEnv('TRAILSCOPE_E2E_OIDC_CONTROL_TOKEN')}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as { armed: ForgeableClaim | null; forged: number };
}

test('an SSO user without an admin group lands on the deep link as a viewer', async ({ page }) => {
  await signInWithSso(page, 'oidc-viewer');
  await expectLandedAs(page, 'oidc-viewer');

  const write = await runDetections(page);
  expect(write.status).toBe(403);
  // Running detections is an analyst's work since the analyst role (issue 15): a viewer is still refused.
  expect(write.body.message).toMatch(/needs the analyst role; you are signed in as a viewer/);
  expect((await page.request.get('/api/health')).status()).toBe(200);
});

test('an SSO user in the admin group may write', async ({ page }) => {
  await signInWithSso(page, 'oidc-admin');
  await expectLandedAs(page, 'oidc-admin');
  expect((await runDetections(page)).status).toBe(200);

  // The audit log knows them by the provider's subject, shown with their name.
  const audit = (await (await page.request.get('/api/audit?action=sign-in&limit=50')).json()) as {
    entries: { actor: string | null; via: string | null; detail: { displayName?: string } | null }[];
  };
  const signIn = audit.entries.find((e) => e.via === 'oidc' && e.detail?.displayName === OIDC_TEST_ACCOUNTS['oidc-admin'].name);
  expect(signIn?.actor).toMatch(/^sso:/);
  const runs = (await (await page.request.get(`/api/audit?action=run-detections&actor=${encodeURIComponent(signIn?.actor ?? '')}`)).json()) as { entries: unknown[] };
  expect(runs.entries.length).toBeGreaterThan(0);
});

for (const [claim, what] of [
  ['iss', 'another issuer'],
  ['aud', 'another client'],
] as const) {
  test(`an ID token from ${what}, signed with the provider's key, signs nobody in`, async ({ page }) => {
    const before = await controlProvider('GET');
    await controlProvider('POST', claim);
    await signInWithSso(page, 'oidc-admin');

    await expect(page).toHaveURL((url) => url.pathname === '/sign-in' && url.searchParams.has('error'));
    await expect(page.getByRole('alert').filter({ hasText: 'Sign-in failed' })).toBeVisible();
    // The refusal came from the forged token: the provider did hand it out on this sign-in.
    expect(await controlProvider('GET')).toEqual({ armed: null, forged: before.forged + 1 });
    expect((await page.request.get('/api/health')).status()).toBe(401);
    await page.goto(DEEP_LINK);
    await expect(page).toHaveURL(/\/sign-in\?/);
  });
}
