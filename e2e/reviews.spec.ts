import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Download, type Page } from './fixtures';
import { GENERIC_SESSION, GITLAB_RUNNER, VENDOR } from '../lib/generator/scenarios';

/**
 * The managers' reviews as a manager reads them: the vendor role and what it did that a read-only
 * vendor should not, session-name hygiene, unused access with an uploaded authorization report;
 * every page exports CSV.
 */
async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

async function csvOf(download: Promise<Download>): Promise<string> {
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/\.csv$/);
  return fs.readFileSync((await d.path()) as string, 'utf8');
}

test('vendor roles: the inventory, one vendor role, its unexpected calls, throttling and cost calls, CSV', async ({ page }) => {
  await page.goto('/vendors');
  const row = page.getByTestId('vendor-role-row').filter({ hasText: 'VendorReadOnly' });
  await expect(row).toBeVisible();
  await expect(row).toContainText(VENDOR.name);
  await expect(row).toContainText(VENDOR.accountId);
  const inventory = await csvOf(Promise.all([page.waitForEvent('download'), page.getByTestId('csv-vendor-roles').click()]).then(([d]) => d));
  expect(inventory.split('\n')[0]).toMatch(/role/i);
  expect(inventory).toContain(VENDOR.role.arn);
  await snap(page, 'vendors');

  await row.getByRole('link', { name: /VendorReadOnly/ }).first().click();
  await expect(page).toHaveURL(/\/vendors\//);
  await expect(page.getByTestId('unexpected-call-row').filter({ hasText: 'GenerateCredentialReport' })).toBeVisible();
  await expect(page.getByTestId('throttled-row').first()).toBeVisible();
  await expect(page.getByTestId('cost-call-row').filter({ hasText: 'GetMetricData' })).toBeVisible();
  await expect(page.getByTestId('cost-call-row').filter({ hasText: 'GetCostAndUsage' })).toBeVisible();
  await expect(page.getByTestId('rate-peak')).toBeVisible();
  const unexpected = await csvOf(Promise.all([page.waitForEvent('download'), page.getByTestId('csv-unexpected').click()]).then(([d]) => d));
  expect(unexpected).toContain('GenerateCredentialReport');
  await snap(page, 'vendor-role');

  await page.getByTestId('vendor-report-link').click();
  await expect(page.getByTestId('vendor-report')).toContainText('GenerateCredentialReport');
});

test('session-name hygiene: MyBucketRole is flagged for a generic name shared by two people', async ({ page }) => {
  await page.goto('/hygiene');
  const row = page.locator('[data-testid="hygiene-row"][data-role="MyBucketRole"]');
  await expect(row).toBeVisible();
  await expect(row.getByTestId('hygiene-shared').filter({ hasText: GENERIC_SESSION.sessionName })).toBeVisible();
  await expect(row.getByTestId('hygiene-generic').filter({ hasText: GENERIC_SESSION.sessionName })).toBeVisible();
  await expect(page.getByTestId('hygiene-recommendation').first()).toBeVisible();
  const csv = await csvOf(Promise.all([page.waitForEvent('download'), page.getByTestId('csv-hygiene').click()]).then(([d]) => d));
  expect(csv).toContain(GENERIC_SESSION.role.arn);
  await snap(page, 'hygiene');
});

test('unused access: with the authorization report uploaded, the GitLab runner never used S3', async ({ page }) => {
  await page.goto('/access');
  await page.getByTestId('auth-details-file').setInputFiles(path.join(__dirname, '..', 'test', 'fixtures', 'authorization-details-production.json'));
  await page.getByTestId('auth-details-submit').click();
  await expect(page.getByTestId('auth-details-message')).toBeVisible();
  await expect(page.getByTestId('auth-details-item').first()).toBeVisible();
  const runner = page.getByTestId('access-index-row').filter({ hasText: 'GitlabRunnerRole' });
  await expect(runner).toBeVisible();
  await runner.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/access\//);
  await expect(page.getByTestId('access-principal-arn')).toContainText(GITLAB_RUNNER.role.arn);
  await expect(page.locator('[data-testid="access-granted-row"][data-service="s3"]')).toHaveAttribute('data-status', 'never-used');
  await expect(page.getByTestId('suggested-policy')).toBeVisible();
  const csv = await csvOf(Promise.all([page.waitForEvent('download'), page.getByTestId('csv-access-granted').click()]).then(([d]) => d));
  expect(csv).toMatch(/s3.*never/);
  await snap(page, 'access-runner');
});
