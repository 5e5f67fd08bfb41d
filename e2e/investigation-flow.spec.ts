import { expect, test, type Page } from './fixtures';
import { ACCOUNT_IDS, SARA } from '../lib/generator/scenarios';

/**
 * The investigator's path through role sessions, as a person clicks it: overview → search a
 * session → who assumed it → drag a new scope on the volume chart → the role → back, scope kept.
 */
async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

const SCOPE = { from: '2026-11-18T08:00:00Z', to: '2026-11-18T11:00:00Z' };
const sessionArn = `arn:aws:sts::${ACCOUNT_IDS.production}:assumed-role/DemoRole1/sara`;
const sessionPath = `/role-sessions/${encodeURIComponent(`${SARA.demoRole.roleId}:sara`)}`;

test('overview → search → session → drag a scope → role → back', async ({ page }) => {
  await page.goto(`/?from=${SCOPE.from}&to=${SCOPE.to}`);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

  const search = page.getByRole('searchbox', { name: /Search by ARN/ });
  await search.fill(sessionArn);
  await search.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === sessionPath && url.searchParams.get('from') === SCOPE.from && url.searchParams.get('to') === SCOPE.to);
  await expect(page.getByRole('heading', { name: 'DemoRole1 / sara' })).toBeVisible();
  await expect(page.getByTestId('assumed-by')).toContainText(`${SARA.ssoRole.name}/sara`);
  // Provenance to the person: sara (Identity Center) → her SSO role session → DemoRole1.
  const origin = page.getByTestId('origin-line');
  await expect(origin).toContainText('sara (IAM Identity Center)');
  await expect(origin).toContainText(SARA.ssoRole.name);
  await expect(origin).toContainText('DemoRole1');
  await snap(page, 'flow-session-origin');

  // Drag across the chart: a new scope, on whole hours, in the URL.
  const chart = page.getByTestId('api-volume-chart');
  await chart.scrollIntoViewIfNeeded();
  const grid = await chart.locator('.recharts-cartesian-grid').boundingBox();
  if (!grid) throw new Error('the chart has no plot area');
  const y = grid.y + grid.height / 2;
  await page.mouse.move(grid.x + grid.width * 0.5, y);
  await page.mouse.down();
  await page.mouse.move(grid.x + grid.width * 0.8, y, { steps: 12 });
  await page.mouse.up();
  await expect(page).not.toHaveURL(new RegExp(`from=${encodeURIComponent(SCOPE.from)}`));
  const dragged = new URL(page.url());
  const from = dragged.searchParams.get('from') ?? '';
  const to = dragged.searchParams.get('to') ?? '';
  expect(from).toMatch(/T\d{2}:00:00Z$/);
  expect(to).toMatch(/T\d{2}:00:00Z$/);
  await snap(page, 'flow-session-after-drag');

  // The role keeps the new scope; back returns to the session on it.
  await page.getByRole('link', { name: SARA.demoRole.arn }).click();
  await expect(page).toHaveURL((url) => url.pathname === `/roles/${encodeURIComponent(SARA.demoRole.arn)}` && url.searchParams.get('from') === from && url.searchParams.get('to') === to);
  await expect(page.getByRole('heading', { name: 'DemoRole1', exact: true })).toBeVisible();
  await snap(page, 'flow-role');
  await page.goBack();
  await expect(page).toHaveURL((url) => url.pathname === sessionPath && url.searchParams.get('from') === from && url.searchParams.get('to') === to);
  await expect(page.getByRole('heading', { name: 'DemoRole1 / sara' })).toBeVisible();
});
