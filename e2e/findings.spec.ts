import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from './fixtures';
import { e2eEnv } from '../playwright.config';
import { SARA } from '../lib/generator/scenarios';

/**
 * The investigator's way in: run the detections, import GuardDuty findings, open the "CloudTrail
 * logging disabled" finding, Investigate (the session, scoped to the finding's hours), Timeline;
 * then share the view: a second analyst opens the copied link through sign-in and sees the same.
 */
async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

const DAY = { from: '2026-11-18T00:00:00Z', to: '2026-11-19T00:00:00Z' };
const ssoSession = `${SARA.ssoRole.roleId}:sara`;
const fixture = (name: string) => path.join(__dirname, '..', 'test', 'fixtures', 'guardduty', name);

test('findings → finding → Investigate → Timeline → copy link → a second analyst sees the same', async ({ page, browser }) => {
  await page.goto(`/findings?from=${DAY.from}&to=${DAY.to}`);
  await expect(page.getByRole('heading', { name: 'Findings', level: 1 })).toBeVisible();
  await page.getByTestId('run-detections').click();
  await expect(page.getByTestId('findings-message')).toContainText('Detections:');
  const logging = page.getByTestId('finding-row').filter({ hasText: /CloudTrail logging/i }).first();
  await expect(logging).toBeVisible();

  // The API resolves each actor to its origin.
  const api = (await (await page.request.get(`/api/findings?from=${DAY.from}&to=${DAY.to}&type=Trailscope:CloudTrail/LoggingDisabled`)).json()) as {
    findings: { actor: { sessionId: string; origin: { type: string; name: string } } }[];
  };
  expect(api.findings[0]?.actor).toMatchObject({ sessionId: ssoSession, origin: { type: 'sso-user', name: 'sara' } });

  // GuardDuty exports: a good file imports, a broken one says which findings it skipped and why.
  await page.getByTestId('import-findings').setInputFiles(fixture('get-findings.json'));
  await expect(page.getByTestId('findings-message')).toContainText(/get-findings\.json: \d+ new/);
  await page.getByTestId('import-findings').setInputFiles(fixture('broken-findings.json'));
  await expect(page.getByTestId('findings-message')).toContainText(/skipped/);
  await expect(page.getByTestId('findings-message').locator('li').first()).toBeVisible();
  await snap(page, 'findings-inbox');

  // The finding resolves its actor through the chain to sara.
  await logging.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/findings\/det-/);
  const sentence = page.getByTestId('finding-actor-sentence');
  await expect(sentence).toContainText(`StopLogging on demo-trail-2 by role session ${SARA.ssoRole.name}:sara`);
  await expect(sentence).toContainText('assumed by sara via IAM Identity Center');
  await snap(page, 'finding-profile');

  await page.getByTestId('investigate').click();
  await expect(page).toHaveURL((url) => url.pathname === `/role-sessions/${encodeURIComponent(ssoSession)}`);
  const scoped = new URL(page.url());
  expect(scoped.searchParams.get('from')).toMatch(/^2026-11-18T\d{2}:00:00Z$/);
  expect(scoped.searchParams.get('to')).toMatch(/^2026-11-18T\d{2}:00:00Z$/);
  await expect(page.getByRole('heading', { name: `${SARA.ssoRole.name} / sara` })).toBeVisible();

  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  await expect(page).toHaveURL(/tab=timeline/);
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByTestId('timeline-event').filter({ hasText: 'cloudtrail:StopLogging' }).first()).toBeVisible();
  await expect(timeline.getByTestId('timeline-mark-finding').first()).toBeVisible();
  await expect(timeline.getByTestId('timeline-mark-assumed').filter({ hasText: 'DemoRole1' }).first()).toBeVisible();
  const events = await timeline.getByTestId('timeline-event').count();
  await snap(page, 'session-timeline');

  // Copy link: absolute scope, tab; a second analyst (another browser, signed out) lands on the same view.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link')).toHaveAttribute('data-copied-link', /.+/);
  const link = (await page.getByTestId('copy-link').getAttribute('data-copied-link')) ?? '';
  expect(new URL(link).searchParams.get('tab')).toBe('timeline');

  const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const analyst = await other.newPage();
  await analyst.goto(link);
  await expect(analyst).toHaveURL(/\/sign-in\?/);
  await analyst.getByLabel('Username').fill('analyst');
  await analyst.getByLabel('Password').fill(e2eEnv('TRAILSCOPE_E2E_ANALYST_PASSWORD'));
  await analyst.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(analyst).toHaveURL((url) => url.pathname === new URL(link).pathname && url.search === new URL(link).search);
  await expect(analyst.getByTestId('timeline').getByTestId('timeline-event')).toHaveCount(events);
  await expect(analyst.getByText('analyst', { exact: true })).toBeVisible();
  await snap(analyst, 'session-timeline-second-analyst');

  // A malformed link names what is wrong instead of failing.
  await analyst.goto(`/role-sessions/${encodeURIComponent(ssoSession)}?from=yesterday&tab=timeline`);
  await expect(analyst.getByText('This link has an invalid parameter')).toBeVisible();
  await expect(analyst.getByText('from', { exact: true })).toBeVisible();
  await other.close();
  expect(fs.existsSync(fixture('get-findings.json'))).toBe(true);
});
