import fs from 'node:fs';
import { expect, signedInContext, test, type Page } from './fixtures';
import { SARA } from '../lib/generator/scenarios';

/**
 * The audit log as an administrator reads it: the views just made are there, with who, what,
 * which scope and from where; filters live in the URL; CSV has the same; list pages prefetching
 * their links record nothing. A viewer is refused the page and the API, and the refusal is logged.
 */
async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

const SCOPE = { from: '2026-11-18T09:00:00Z', to: '2026-11-18T11:00:00Z' };
const QS = new URLSearchParams(SCOPE).toString();
const SESSION = `${SARA.demoRole.roleId}:sara`;

interface AuditApiEntry {
  action: string;
  actor: string | null;
  entity: string | null;
  outcome: string;
  address: string | null;
  scope: { from: string; to: string } | null;
  detail: Record<string, unknown> | null;
}

test('views are audited; an admin filters the log by action, opens what was viewed, downloads CSV; a viewer gets 403', async ({ page, browser }) => {
  // Start on a fresh second: the API's `from` is an instant to the second, and the test before this
  // one may have viewed events within the current second (a second early caught its entries).
  const start = Math.ceil(Date.now() / 1000) * 1000;
  await page.waitForTimeout(start - Date.now() + 1);
  const since = new Date(start).toISOString().replace('.000Z', 'Z');
  const entriesSince = async (query: string) => {
    const response = await page.request.get(`/api/audit?from=${since}&${query}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { entries: AuditApiEntry[] }).entries;
  };

  // A list whose rows link to session profiles: Next prefetches links in view, which must not count as views.
  await page.goto(`/role-sessions?${QS}`);
  await expect(page.getByTestId('role-session-row').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await entriesSince('entity=role-session:')).toEqual([]);

  await page.goto(`/role-sessions/${encodeURIComponent(SESSION)}?${QS}`);
  await expect(page.getByRole('heading', { name: 'DemoRole1 / sara' })).toBeVisible();
  await page.goto(`/events?${QS}&eventName=StopLogging`);
  await expect(page.getByTestId('events-table')).toContainText('StopLogging');

  const sessionViews = await entriesSince(`entity=${encodeURIComponent(`role-session:${SESSION}`)}`);
  expect(sessionViews).toHaveLength(1);
  // Served directly by `next start`, the address is the socket's peer (Next sets X-Forwarded-For when the request has none).
  expect(sessionViews[0]).toMatchObject({ action: 'view', actor: 'admin', outcome: 'ok', scope: SCOPE, address: '127.0.0.1', detail: { tab: 'overview' } });
  expect(await entriesSince('entity=events')).toEqual([expect.objectContaining({ actor: 'admin', scope: SCOPE, detail: { eventName: 'StopLogging' } })]);

  // A change: detections over the scope, recorded with what they found.
  const run = await page.request.post(`/api/detections/run?${QS}`);
  expect(run.status()).toBe(200);
  expect(await entriesSince('action=run-detections')).toEqual([
    expect.objectContaining({ actor: 'admin', entity: 'findings', outcome: 'ok', scope: SCOPE, detail: expect.objectContaining({ request: 'POST /api/detections/run', inserted: expect.any(Number) }) }),
  ]);

  // The log, through the header link only admins have.
  await page.getByRole('link', { name: 'Audit', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await page.getByTestId('audit-action').selectOption('view');
  await page.getByTestId('audit-apply').click();
  await expect(page).toHaveURL(/[?&]action=view(&|$)/);
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toBeVisible();
  expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action'))))).toEqual(new Set(['view']));
  // By the entity's link: the entries of reading the log name the same entity in their filters.
  const entityLink = (name: string) => page.getByRole('link', { name, exact: true });
  const sessionRow = rows.filter({ has: entityLink(`role-session:${SESSION}`) }).first();
  await expect(sessionRow).toContainText('admin');
  await expect(sessionRow.locator('[data-column="address"]')).toHaveText('127.0.0.1');
  await expect(sessionRow.locator('[data-column="scopeFrom"] > span')).toHaveAttribute('title', SCOPE.from);
  await expect(sessionRow.locator('[data-column="detail"]')).toContainText('overview');
  await expect(rows.filter({ has: entityLink('events') }).first().locator('[data-column="detail"]')).toContainText('StopLogging');
  await snap(page, 'audit-log');

  // CSV: the same filter, every column.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-audit').click()]);
  expect(download.suggestedFilename()).toBe('trailscope-audit-log.csv');
  const csv = fs.readFileSync((await download.path()) as string, 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('Time (UTC),User,Via,Action,Outcome,Entity,Scope from,Scope to,Address,Detail');
  expect(lines.slice(1).every((l) => l.includes(',view,'))).toBe(true);
  expect(csv).toContain(`admin,session,view,ok,role-session:${SESSION},${SCOPE.from},${SCOPE.to},127.0.0.1,`);

  // The entity opens what was viewed, over the same scope.
  await sessionRow.locator('[data-column="entity"] a').click();
  await expect(page.getByRole('heading', { name: 'DemoRole1 / sara' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`\\?${QS}$`));

  // A viewer: no Audit link, 403 on the page and on the API, and the refusal is in the log.
  const other = await signedInContext(browser, 'analyst');
  const analyst = await other.newPage();
  await analyst.goto('/');
  await expect(analyst.getByRole('link', { name: 'Events', exact: true })).toBeVisible();
  await expect(analyst.getByRole('link', { name: 'Audit', exact: true })).toHaveCount(0);
  const forbidden = await analyst.goto('/admin/audit');
  expect(forbidden?.status()).toBe(403);
  await expect(analyst.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(analyst.getByTestId('audit-table')).toHaveCount(0);
  const api = await analyst.request.get('/api/audit');
  expect(api.status()).toBe(403);
  await other.close();

  // Refusals only. The API's is certain; the page's is there when Next ran the page beside its layout
  // (it does: the page's own role check then refuses before it reads the log).
  const refusals = await entriesSince('actor=analyst&entity=audit-log');
  expect(refusals.map((e) => `${e.action} ${e.outcome}`)).not.toContain('view ok');
  expect(refusals).toContainEqual(expect.objectContaining({ outcome: 'refused', detail: expect.objectContaining({ request: 'GET /api/audit', status: 403 }) }));

  // Everything of this test, unfiltered: views, the change, the refusals.
  await page.goto(`/admin/audit?from=${since}`);
  await expect(page.locator('[data-testid="audit-row"][data-action="run-detections"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="audit-row"][data-outcome="refused"]').first()).toContainText('analyst');
  await snap(page, 'audit-log-all');
});
