import { expect, test, type Page } from './fixtures';
import { SARA } from '../lib/generator/scenarios';

async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

// Around sara's incident (the generator's --end is 2026-11-20T00:00:00Z; she signs in two days before, 09:38).
const SCOPE = 'from=2026-11-18T09%3A00%3A00Z&to=2026-11-18T11%3A00%3A00Z';

test('from the session list to who really assumed DemoRole1: sara, through Identity Center', async ({ page }) => {
  await page.goto(`/role-sessions?${SCOPE}&sessionName=sara`);
  const rows = page.getByTestId('role-session-row');
  await expect(rows.first()).toBeVisible();
  const demo = rows.filter({ hasText: 'DemoRole1' });
  await expect(demo).toHaveCount(1);
  await expect(demo.getByTestId('assumer')).toContainText('role session');
  await expect(demo.getByTestId('assumer')).toContainText(`${SARA.ssoRole.name}/sara`);
  await snap(page, 'role-sessions-list');

  await demo.getByRole('link', { name: 'sara', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/role-sessions/${encodeURIComponent(`${SARA.demoRole.roleId}:sara`)}\\?${SCOPE}`));
  await expect(page.getByRole('heading', { name: 'DemoRole1 / sara' })).toBeVisible();
  const assumedBy = page.getByTestId('assumed-by');
  await expect(assumedBy).toContainText(`${SARA.ssoRole.name}/sara`);
  await expect(page.getByTestId('assumptions-table')).toContainText('proven');
  await snap(page, 'role-session-demorole1');

  // The role, with the scope kept, shows who assumes it; back returns to the same session view.
  await page.getByRole('link', { name: SARA.demoRole.arn }).click();
  await expect(page).toHaveURL(new RegExp(`/roles/${encodeURIComponent(SARA.demoRole.arn)}\\?${SCOPE}`));
  await expect(page.getByTestId('role-assumers')).toContainText(`${SARA.ssoRole.name}/sara`);
  await snap(page, 'role-demorole1');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'DemoRole1 / sara' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(SCOPE));

  // Up the chain: the Identity Center session, assumed by the person.
  await assumedBy.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/role-sessions/${encodeURIComponent(`${SARA.ssoRole.roleId}:sara`)}\\?${SCOPE}`));
  await expect(page.getByTestId('assumed-by')).toContainText('IAM Identity Center');
  await expect(page.getByTestId('assumed-by')).toContainText('sara');
  await snap(page, 'role-session-sso');

  // The Events tab keeps the scope and lists the session's calls, StopLogging among them.
  await page.getByRole('link', { name: 'Events' }).last().click();
  await expect(page).toHaveURL(/tab=events/);
  await expect(page).toHaveURL(new RegExp(SCOPE));
  await expect(page.getByTestId('events-table')).toContainText('StopLogging');
});

test('the role sessions API answers with assumers and the SQL it ran', async ({ request }) => {
  const res = await request.get(`/api/role-sessions?${SCOPE}&sessionName=sara`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { sessions: { sessionId: string; assumedBy: { assumer: { type: string } }[] }[]; queries: { sql: string }[] };
  const demo = body.sessions.find((s) => s.sessionId === `${SARA.demoRole.roleId}:sara`);
  expect(demo?.assumedBy.map((b) => b.assumer.type)).toEqual(['role-session']);
  // A scope on the hour: the embedded engine answers from the hourly summary kept at ingest.
  expect(body.queries[0]?.sql).toContain('FROM cloudtrail_hourly');

  const one = await request.get(`/api/role-sessions/${encodeURIComponent(`${SARA.ssoRole.roleId}:sara`)}?${SCOPE}`);
  const detail = (await one.json()) as { assumedBy: { type: string; name: string; confidence: string }[] };
  expect(detail.assumedBy).toEqual([expect.objectContaining({ type: 'sso-user', name: 'sara', confidence: 'proven' })]);

  const demoId = encodeURIComponent(`${SARA.demoRole.roleId}:sara`);
  const volume = (await (await request.get(`/api/role-sessions/${demoId}/volume?${SCOPE}&bucket=1h`)).json()) as { sql: string; series: unknown };
  expect(volume.sql).toContain('FROM cloudtrail_hourly');
  expect(volume.series).toBeTruthy();
  const details = (await (await request.get(`/api/role-sessions/${demoId}/details?${SCOPE}`)).json()) as {
    byApi: { rows: { key: string; success: number; failed: number }[]; sql: string };
  };
  expect(details.byApi.rows.find((r) => r.key === 'AttachRolePolicy')).toMatchObject({ success: 1, failed: 1 });

  const chain = (await (await request.get(`/api/role-sessions/${demoId}/chain?${SCOPE}`)).json()) as {
    origin: { type: string; name: string } | null;
    hops: { label: string }[];
    downstream: unknown[];
  };
  expect(chain.origin).toMatchObject({ type: 'sso-user', name: 'sara' });
  expect(chain.hops.map((h) => h.label)).toEqual(['proven', 'proven']);
  expect(chain.downstream).toEqual([]);

  const bad = await request.get('/api/role-sessions/not-a-session');
  expect(bad.status()).toBe(400);
  expect((await request.get(`/api/role-sessions/${demoId}/volume?${SCOPE}&bucket=1s`)).status()).toBe(400);
});
