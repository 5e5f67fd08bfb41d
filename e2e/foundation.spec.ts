import { expect, test, type Page } from './fixtures';

/** Screens are kept for people to look at (test-results/screens), not compared. */
async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

interface Health {
  engine: string;
  eventCount: number;
  firstEventTime: string;
  lastEventTime: string;
}

test('the overview shows the store and the scope, and every count links to its events', async ({ page }) => {
  const health = (await (await page.request.get('/api/health')).json()) as Health;
  expect(health.engine).toBe('duckdb');
  expect(health.eventCount).toBeGreaterThan(10_000);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByTestId('stat-events-stored')).toHaveText(health.eventCount.toLocaleString('en-US'));
  const inScope = Number((await page.getByTestId('stat-events-in-scope').innerText()).replace(/,/g, ''));
  expect(inScope).toBeGreaterThan(0);
  expect(inScope).toBeLessThan(health.eventCount);
  await expect(page.getByRole('heading', { name: 'Top principals' })).toBeVisible();
  await snap(page, 'overview');

  // A preset moves the scope: the URL carries it as absolute times.
  await page.getByRole('group', { name: 'Scope presets' }).getByRole('button', { name: '7d' }).click();
  await expect(page).toHaveURL(/from=.*&to=/);
  const wider = Number((await page.getByTestId('stat-events-in-scope').innerText()).replace(/,/g, ''));
  expect(wider).toBeGreaterThan(inScope);

  // The SQL behind a panel can be read.
  await page.getByRole('button', { name: 'Show SQL (totals)' }).click();
  await expect(page.getByTestId('sql-text').first()).toContainText('FROM cloudtrail_logs');
});

test('search by access key finds that key’s events, and a row opens the raw record', async ({ page }) => {
  await page.goto('/events');
  await page.getByRole('group', { name: 'Scope presets' }).getByRole('button', { name: '7d' }).click();
  await expect(page.getByTestId('event-row').first()).toBeVisible();
  const keyCell = page.getByTestId('event-row').locator('td:nth-child(4)').filter({ hasText: /^ASIA/ }).first();
  const key = (await keyCell.innerText()).trim();
  expect(key).toMatch(/^ASIA[A-Z0-9]{16}$/);

  await page.getByLabel('Access key id').fill(key);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`accessKeyId=${key}`));
  const rows = page.getByTestId('event-row');
  await expect(rows.first()).toBeVisible();
  const keys = await rows.locator('td:nth-child(4)').allInnerTexts();
  expect(keys.length).toBeGreaterThan(0);
  expect(new Set(keys.map((k) => k.trim()))).toEqual(new Set([key]));
  await snap(page, 'events-by-access-key');

  await rows.first().click();
  const raw = page.getByRole('dialog', { name: 'Raw CloudTrail record' });
  await expect(raw).toBeVisible();
  await expect(raw.getByTestId('raw-json')).toContainText(`"accessKeyId": "${key}"`);
  await expect(raw.getByTestId('raw-json')).toContainText('"eventID"');
  // The open record is in the URL: a reload (or a shared link) opens it again.
  await expect(page).toHaveURL(/record=/);
  await page.reload();
  await expect(raw).toBeVisible();
  await expect(raw.getByTestId('raw-json')).toContainText(`"accessKeyId": "${key}"`);
  await snap(page, 'event-raw-json');
  await raw.getByRole('button', { name: 'Close' }).click();
  await expect(raw).toBeHidden();
  await expect(page).not.toHaveURL(/record=/);
});

test('a malformed link gets a clear message, not a crash', async ({ page }) => {
  await page.goto('/events?from=yesterday');
  await expect(page.getByRole('alert').filter({ hasText: 'invalid parameter' })).toContainText('from');
  await page.goto('/events?accessKeyId=%27%20OR%201%3D1');
  await expect(page.getByRole('alert').filter({ hasText: 'invalid parameter' })).toContainText('accessKeyId');
});

test('the events API validates and pages', async ({ request }) => {
  const bad = await request.get('/api/events?accessKeyId=nope!');
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: 'invalid parameter', parameter: 'accessKeyId' });

  const health = (await (await request.get('/api/health')).json()) as Health;
  const page1 = await request.get(`/api/events?from=${health.firstEventTime}&to=${health.lastEventTime}&limit=5`);
  expect(page1.status()).toBe(200);
  const body = (await page1.json()) as { events: { eventID: string }[]; nextCursor: string | null; sql: string; stats: { engine: string } };
  expect(body.events).toHaveLength(5);
  expect(body.nextCursor).not.toBeNull();
  expect(body.sql).toContain('cloudtrail_logs');
  const page2 = (await (
    await request.get(`/api/events?from=${health.firstEventTime}&to=${health.lastEventTime}&limit=5&cursor=${body.nextCursor}`)
  ).json()) as { events: { eventID: string }[] };
  expect(page2.events).toHaveLength(5);
  expect(page2.events.map((e) => e.eventID)).not.toContain(body.events[0]?.eventID);
});
