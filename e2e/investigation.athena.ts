import { expect, signInThroughForm, test, type Page } from './fixtures';
import { e2eEnv } from '../playwright.config';
import { SARA } from '../lib/generator/scenarios';
import { FAILING_EVENT_NAME } from '../scripts/lib/athena-local/e2e-failure';

/**
 * The investigation once more, with the app on Athena: the local Athena (scripts/lib/athena-local)
 * over a real Trino holding the same generated CloudTrail as the DuckDB run. Finding → session →
 * new behavior → graph must tell the same story, and every panel shows Athena's cost.
 */
async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/athena-${name}.png`, fullPage: true });
}

const DAY = { from: '2026-11-18T00:00:00Z', to: '2026-11-19T00:00:00Z' };
const ssoSession = `${SARA.ssoRole.roleId}:sara`;

// Every page runs its panels on Athena: seconds, not milliseconds.
test.use({ navigationTimeout: 120_000 });

test('on Athena: findings → finding → Investigate → New behavior → Graph', async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext();
  await signInThroughForm(context, 'admin', e2eEnv('TRAILSCOPE_E2E_ADMIN_PASSWORD'));
  const page = await context.newPage();

  await page.goto(`/findings?from=${DAY.from}&to=${DAY.to}`);
  await expect(page.getByRole('heading', { name: 'Findings', level: 1 })).toBeVisible();
  await page.getByTestId('run-detections').click();
  await expect(page.getByTestId('findings-message')).toContainText('Detections:', { timeout: 120_000 });
  const logging = page.getByTestId('finding-row').filter({ hasText: /CloudTrail logging/i }).first();
  await expect(logging).toBeVisible();
  await snap(page, 'findings');

  await logging.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/findings\/det-/, { timeout: 60_000 });
  const sentence = page.getByTestId('finding-actor-sentence');
  await expect(sentence).toContainText(`StopLogging on demo-trail-2 by role session ${SARA.ssoRole.name}:sara`, { timeout: 60_000 });
  await expect(sentence).toContainText('assumed by sara via IAM Identity Center');
  await snap(page, 'finding');

  await page.getByTestId('investigate').click();
  await expect(page).toHaveURL((url) => url.pathname === `/role-sessions/${encodeURIComponent(ssoSession)}`, { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: `${SARA.ssoRole.name} / sara` })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('origin-line')).toContainText('sara (IAM Identity Center)');
  // The panels ran on Athena and say what they scanned and cost.
  await expect(page.getByText(/^scanned \d/).first()).toBeVisible();
  await snap(page, 'session');

  await page.getByRole('link', { name: 'New behavior' }).click();
  await expect(page).toHaveURL(/tab=new-behavior/, { timeout: 60_000 });
  await expect(page.getByTestId('new-api-calls')).toContainText('StopLogging', { timeout: 60_000 });
  await expect(page.getByTestId('new-geolocations')).toContainText('No location in the scope is new');
  // The baseline is the full 45 days: the store's true start, not "the last 30 days" (issue 12, defect 3).
  await expect(page.getByText(/shorter than 45 days/)).toHaveCount(0);
  await snap(page, 'new-behavior');

  await page.getByRole('link', { name: 'Graph', exact: true }).click();
  await expect(page).toHaveURL(/tab=graph/, { timeout: 60_000 });
  await expect(page.getByTestId('graph-canvas')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect(page.locator(`[data-testid="graph-node"][data-node-id="session:${ssoSession}"]`)).toBeVisible();
  await expect(page.getByTestId('graph-origin')).toContainText('origin: sara');
  await snap(page, 'graph');
  await context.close();
});

test('on Athena: a page whose query fails shows the engine message and the failed SQL, not a generic error', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  await signInThroughForm(context, 'admin', e2eEnv('TRAILSCOPE_E2E_ADMIN_PASSWORD'));
  const page = await context.newPage();

  // The local Athena fails this search as Athena fails a query that reads a corrupt file.
  await page.goto(`/events?from=${DAY.from}&to=${DAY.to}&eventName=${FAILING_EVENT_NAME}`);
  await expect(page.getByText('The query engine could not answer this page')).toBeVisible();
  await expect(page.getByTestId('engine-failure-message')).toContainText('HIVE_BAD_DATA');
  await expect(page.getByTestId('engine-failure-message')).toContainText('corrupt.json.gz');
  await page.getByRole('button', { name: 'Show the SQL that failed' }).click();
  await expect(page.getByTestId('sql-text')).toContainText(`eventname = '${FAILING_EVENT_NAME}'`);
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  // The rest of the app is untouched: the header still navigates.
  await expect(page.getByRole('link', { name: 'Events' }).first()).toBeVisible();
  await snap(page, 'engine-failure');
  await context.close();
});
