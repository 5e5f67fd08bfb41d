import { expect, test, type Page } from './fixtures';
import { incidentTimes, SARA } from '@/lib/generator/scenarios';

/**
 * The activity panels on the role-session profile, for sara's DemoRole1 session (seed 7, the generator's
 * default end): the volume chart with its scope, drag-selecting a new scope, the details tabs in the
 * URL, and a count opening exactly its events.
 */
const END = Date.parse('2026-11-20T00:00:00Z');
const times = incidentTimes(END);
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const scope = { from: iso(Math.floor(times.saraSignIn / HOUR) * HOUR - HOUR), to: iso(Math.ceil(times.saraDeniedAttach / HOUR) * HOUR + HOUR) };
const sessionId = `${SARA.demoRole.roleId}:${SARA.sessionName}`;
const profileUrl = (id: string, extra: Record<string, string> = {}) =>
  `/role-sessions/${encodeURIComponent(id)}?${new URLSearchParams({ ...scope, ...extra }).toString()}`;
const demoSessionUrl = (extra: Record<string, string> = {}) => profileUrl(sessionId, extra);

async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

const WHOLE_HOUR = /^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/;

test('the volume chart shows the scope, and a drag across it selects a new scope on whole hours', async ({ page }) => {
  await page.goto(demoSessionUrl());
  const chart = page.getByTestId('api-volume-chart');
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(chart.getByTestId('scope-area')).toBeVisible();
  // A session first seen in the scope has nothing to compare with.
  await expect(page.getByTestId('api-volume-legend')).toContainText('no calls before the scope');
  await expect(page.getByTestId('api-volume-scope-totals')).toContainText('3 successful, 1 failed');
  await snap(page, 'activity-volume-demo-role-session');

  await chart.scrollIntoViewIfNeeded();
  const grid = await chart.locator('.recharts-cartesian-grid').boundingBox();
  if (!grid) throw new Error('the chart has no plot area');
  const y = grid.y + grid.height / 2;
  await page.mouse.move(grid.x + grid.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(grid.x + grid.width * 0.45, y, { steps: 10 });
  await page.mouse.move(grid.x + grid.width * 0.6, y, { steps: 10 });
  await page.mouse.up();
  await expect(page).not.toHaveURL(new RegExp(`from=${encodeURIComponent(scope.from)}`));

  const url = new URL(page.url());
  const from = url.searchParams.get('from') ?? '';
  const to = url.searchParams.get('to') ?? '';
  expect(from).toMatch(WHOLE_HOUR);
  expect(to).toMatch(WHOLE_HOUR);
  expect(Date.parse(to) - Date.parse(from)).toBeGreaterThanOrEqual(HOUR);
  // 30 %–60 % of a 45-day window ends weeks before the incident.
  expect(Date.parse(to)).toBeLessThan(Date.parse(scope.from));
  expect(url.pathname).toBe(`/role-sessions/${encodeURIComponent(sessionId)}`);
  await expect(page.getByText(`Scope ${from.replace('T', ' ').replace('Z', ' UTC')}`)).toBeVisible();
  await snap(page, 'activity-volume-after-drag');
});

test('a session with history draws its baseline', async ({ page }) => {
  await page.goto(profileUrl(`${SARA.ssoRole.roleId}:${SARA.sessionName}`));
  // A horizontal line has no height, so Playwright would call it hidden: count it instead.
  await expect(page.getByTestId('api-volume-chart').locator('.recharts-reference-line-line')).toHaveCount(1);
  await expect(page.getByTestId('api-volume-legend')).toContainText(/Baseline: [\d.]+ calls per 6h/);
  await snap(page, 'activity-volume-sso-session');
});

test('details tabs live in the URL, filter and sort, and every count opens its events', async ({ page }) => {
  await page.goto(demoSessionUrl());
  const ips = page.getByRole('tab', { name: /Observed IP addresses/ });
  await expect(ips).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('details-table-ips').getByTestId('details-row')).toHaveCount(1);

  await page.getByRole('tab', { name: /API method by service/ }).click();
  await expect(page).toHaveURL(/details=apis/);
  const apis = page.getByTestId('details-table-apis');
  await expect(apis.getByTestId('details-row').filter({ hasText: 'RunInstances' })).toContainText('ec2.amazonaws.com');
  const attach = apis.getByTestId('details-row').filter({ hasText: 'AttachRolePolicy' });
  await expect(attach.locator('td').nth(2)).toHaveText('1');
  await expect(attach.locator('td').nth(3)).toHaveText('1');
  await page.getByRole('button', { name: 'Show SQL (API method by service)' }).click();
  await expect(page.getByTestId('sql-text')).toContainText('eventsource AS service');
  await snap(page, 'activity-details-apis');

  await page.getByLabel('Filter by service or API method').fill('iam');
  await expect(apis.getByTestId('details-row')).toHaveCount(1);
  await page.getByLabel('Filter by service or API method').fill('');
  await apis.getByRole('button', { name: /API method/ }).click();
  await expect(apis.getByTestId('details-row').first()).toContainText('AttachRolePolicy');
  await apis.getByRole('button', { name: /API method/ }).click();
  await expect(apis.getByTestId('details-row').first()).toContainText('RunInstances');

  await page.getByRole('tab', { name: /Access key IDs/ }).click();
  await expect(page).toHaveURL(/details=keys/);
  await expect(page.getByTestId('details-table-keys').getByTestId('details-row')).toHaveCount(1);
  await expect(page.getByTestId('details-table-keys')).toContainText(/ASIA[A-Z0-9]{16}/);

  // A shared link opens the same tab.
  await page.goto(demoSessionUrl({ details: 'apis' }));
  await expect(page.getByRole('tab', { name: /API method by service/ })).toHaveAttribute('aria-selected', 'true');

  // The failed count of AttachRolePolicy opens exactly the denied call.
  await page.getByTestId('details-table-apis').getByTestId('details-row').filter({ hasText: 'AttachRolePolicy' }).locator('td').nth(3).getByRole('link').click();
  await expect(page).toHaveURL(/\/events\?/);
  const events = new URL(page.url()).searchParams;
  expect(Object.fromEntries(events)).toMatchObject({ principal: sessionId, eventName: 'AttachRolePolicy', errorCode: '*', ...scope });
  const rows = page.getByTestId('event-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('AttachRolePolicy');
  await expect(rows.first()).toContainText('AccessDenied');
  await snap(page, 'activity-details-failed-drilldown');

  // The successful count of the session's only IP opens its three successful calls.
  await page.goto(demoSessionUrl());
  await page.getByTestId('details-table-ips').getByTestId('details-row').locator('td').nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/\/events\?.*ip=/);
  await expect(page).toHaveURL(/errorCode=none/);
  await expect(page.getByTestId('event-row')).toHaveCount(3);
});

test('a malformed profile link names the bad parameter', async ({ page }) => {
  const alert = page.getByRole('alert').filter({ hasText: 'invalid parameter' });
  await page.goto(demoSessionUrl({ bucket: '1s' }));
  await expect(alert).toContainText('bucket must be one of');
  await page.goto('/role-sessions/sara');
  await expect(alert).toContainText('session id must be a role session id');
});
