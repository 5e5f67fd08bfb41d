import { expect, test } from './fixtures';
import { SARA, VENDOR } from '../lib/generator/scenarios';

/** The New behavior tab on sara's Identity Center session during her incident (seed 7). */
const SCOPE = 'from=2026-11-18T09%3A00%3A00Z&to=2026-11-18T11%3A00%3A00Z';

test('sara’s incident: her usual places on the map, StopLogging newly observed', async ({ page }) => {
  await page.goto(`/role-sessions/${encodeURIComponent(`${SARA.ssoRole.roleId}:sara`)}?${SCOPE}`);
  await page.getByRole('link', { name: 'New behavior' }).click();
  await expect(page).toHaveURL(/tab=new-behavior/);
  const map = page.getByTestId('world-map');
  await expect(map).toBeVisible();
  await expect(map.locator('circle[data-tone="known"]').first()).toBeVisible();
  await expect(map.locator('circle[data-tone="new"]')).toHaveCount(0);
  await expect(page.getByTestId('new-geolocations')).toContainText('No location in the scope is new');
  const apis = page.getByTestId('new-api-calls');
  await expect(apis).toContainText('StopLogging');
  await page.screenshot({ path: 'test-results/screens/new-behavior-sara.png', fullPage: true });

  // A count opens exactly those events.
  await apis.getByRole('row').filter({ hasText: 'StopLogging' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/eventName=StopLogging/);
  await expect(page.getByTestId('event-row')).toHaveCount(1);
});

test('the new-behavior API: the vendor role’s credential report is new', async ({ request }) => {
  const res = await request.get(`/api/roles/${encodeURIComponent(VENDOR.role.arn)}/new-behavior?from=2026-11-18T00%3A00%3A00Z&to=2026-11-20T00%3A00%3A00Z`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { newApiCalls: { eventName: string }[]; baseline: { from: string }; queries: { sql: string }[] };
  expect(body.newApiCalls.map((c) => c.eventName)).toContain('GenerateCredentialReport');
  expect(body.queries[0]?.sql).toContain('FROM cloudtrail_hourly');
  expect((await request.get(`/api/roles/${encodeURIComponent(VENDOR.role.arn)}/new-behavior?baseline=365`)).status()).toBe(400);
});

test('roles have the tab too, and the About page credits the data', async ({ page }) => {
  await page.goto(`/roles/${encodeURIComponent(VENDOR.role.arn)}?from=2026-11-18T00%3A00%3A00Z&to=2026-11-20T00%3A00%3A00Z&tab=new-behavior`);
  await expect(page.getByTestId('new-api-calls')).toContainText('GenerateCredentialReport');
  await page.screenshot({ path: 'test-results/screens/new-behavior-vendor-role.png', fullPage: true });
  await page.getByRole('link', { name: 'About and data sources' }).click();
  await expect(page.getByTestId('data-sources')).toContainText('DB-IP');
});

test('DemoRole1 has no history before the incident: the tab says so instead of calling everything new', async ({ page }) => {
  await page.goto(`/role-sessions/${encodeURIComponent(`${SARA.demoRole.roleId}:sara`)}?${SCOPE}&tab=new-behavior`);
  await expect(page.getByRole('status').filter({ hasText: 'No baseline to compare with' })).toBeVisible();
  await expect(page.getByTestId('new-api-calls')).toContainText('No API call in the scope is new');
  await expect(page.getByTestId('world-map').locator('circle[data-tone="new"]')).toHaveCount(0);
});
