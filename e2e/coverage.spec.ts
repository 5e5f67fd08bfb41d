import { expect, test, type Page } from './fixtures';
import { SARA } from '../lib/generator/scenarios';

/**
 * Where the logs go dark (issue 15): the coverage page on the generated store. Its default scope,
 * the 14 days ending at the newest event, holds sara's StopLogging of demo-trail-2, which nothing
 * restarts: a gap in the production account's us-east-1 open to the end of the data. Every cell
 * and gap opens the events behind it; both queries show their SQL and cost.
 */
async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

const PROD = SARA.ssoRole.accountId;

test('coverage: heat map, the stopped trail as a gap, drill-downs to the events, SQL', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation').getByRole('link', { name: 'Coverage' }).click();
  await expect(page).toHaveURL(/\/coverage/);

  const map = page.getByTestId('coverage-heat-map');
  await expect(map).toBeVisible();
  const prodEast = page.locator(`[data-testid="coverage-row"][data-account="${PROD}"][data-region="us-east-1"]`);
  await expect(prodEast).toBeVisible();
  await expect(prodEast.getByTestId('coverage-cell')).toHaveCount(14);
  expect(await page.getByTestId('coverage-row').count()).toBeGreaterThanOrEqual(3);

  const gap = page.locator('[data-testid="coverage-gap"][data-kind="logging-stopped"]');
  await expect(gap).toHaveCount(1);
  await expect(gap).toContainText(`No logs from account ${PROD} in region us-east-1 between`);
  await expect(gap).toContainText('the absence of events there is not evidence');
  await expect(gap).toContainText(`Trail ${SARA.trailName} was stopped (StopLogging) by`);
  await expect(gap).toContainText('no StartLogging');
  // The stop's day and every later one are marked in its row.
  const marked = prodEast.locator('[data-testid="coverage-cell"][data-gap="true"]');
  expect(await marked.count()).toBeGreaterThanOrEqual(2);

  await page.getByRole('button', { name: 'Show SQL (events per hour, events and delivery files per day)' }).click();
  await expect(page.getByTestId('sql-text').first()).toContainText('source_file');
  await expect(page.getByText(/\d+ rows?/).first()).toBeVisible();
  await snap(page, 'coverage');

  // A cell opens that account, region and day in the event search.
  const cell = prodEast.locator('[data-testid="coverage-cell"][data-gap="false"]').last();
  const day = await cell.getAttribute('data-day');
  await cell.click();
  await expect(page).toHaveURL(new RegExp(`/events\\?from=${day}T00%3A00%3A00Z&to=.*&account=${PROD}&region=us-east-1`));
  await expect(page.getByTestId('event-row').first()).toBeVisible();

  // The gap's StopLogging call.
  await page.goBack();
  await page.locator('[data-testid="coverage-gap"][data-kind="logging-stopped"]').getByTestId('gap-stop-link').click();
  await expect(page).toHaveURL(/\/events\?.*eventId=/);
  await expect(page.getByTestId('event-row')).toHaveCount(1);
  await expect(page.getByTestId('events-table')).toContainText('StopLogging');
});

test('GET /api/coverage: cells and gaps; a bad scope is a 400 naming it', async ({ page }) => {
  const ok = await page.request.get('/api/coverage');
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { cells: { accountId: string; day: string; events: number; files: number }[]; gaps: { accountId: string; region: string; from: string; to: string; reason: string }[]; queries: unknown[] };
  expect(body.cells.length).toBeGreaterThanOrEqual(14 * 3);
  expect(body.cells.some((c) => c.accountId === PROD && c.events > 0 && c.files > 0)).toBe(true);
  expect(body.gaps).toContainEqual(expect.objectContaining({ accountId: PROD, region: 'us-east-1', reason: expect.stringContaining(SARA.trailName) as unknown }));
  expect(body.queries.length).toBeGreaterThanOrEqual(2);

  const bad = await page.request.get('/api/coverage?from=last-tuesday');
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ parameter: 'from' });
});
