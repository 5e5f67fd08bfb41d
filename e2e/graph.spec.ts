import { expect, test, type Page } from './fixtures';
import { SARA } from '../lib/generator/scenarios';

/**
 * The role-chaining graph as an investigator uses it: open it from a session, follow the path to
 * the origin, expand two nodes (the URL follows), reload (the same graph), click through to a profile.
 */
async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

const SCOPE = { from: '2026-11-18T08:00:00Z', to: '2026-11-18T11:00:00Z' };
/** A week: sara signed in to Identity Center several times. */
const WEEK = { from: '2026-11-12T00:00:00Z', to: '2026-11-19T00:00:00Z' };
const signIns = (page: Page) => page.locator(`[data-testid^="rf__edge-as:sso:"][data-testid$="->${sso}"]`);
const demo = `session:${SARA.demoRole.roleId}:sara`;
const sso = `session:${SARA.ssoRole.roleId}:sara`;
const demoRole = `role:${SARA.demoRole.arn}`;

const node = (page: Page, id: string) => page.locator(`[data-testid="graph-node"][data-node-id="${id}"]`);
const ready = (page: Page) => expect(page.getByTestId('graph-canvas')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });

test('session → graph → path to origin → expand two nodes → reload → profile', async ({ page }) => {
  await page.goto(`/role-sessions/${encodeURIComponent(`${SARA.demoRole.roleId}:sara`)}?from=${WEEK.from}&to=${WEEK.to}`);
  await page.getByRole('link', { name: 'Graph', exact: true }).click();
  await expect(page).toHaveURL(/tab=graph/);
  await ready(page);
  await expect(node(page, demo)).toBeVisible();
  await expect(node(page, sso)).toBeVisible();
  await expect(page.locator('[data-testid="graph-node"][data-kind="sso-user"]')).toHaveCount(1);
  await expect(page.getByTestId('graph-lane')).not.toHaveCount(0);
  await expect(page.getByTestId('graph-origin')).toContainText('origin: sara');

  await page.getByRole('button', { name: 'Path to origin' }).click();
  await expect(page).toHaveURL(/path=1/);
  for (const id of [sso, demo]) await expect(node(page, id)).toHaveAttribute('data-on-path', 'true');
  await expect(node(page, demoRole)).toHaveAttribute('data-on-path', 'false');
  await snap(page, 'graph-session-path');

  // Expand the SSO session (who assumed it, what else it assumed), then DemoRole1 (its sessions).
  // Before, the sign-in edge is the chain's one hop; expanded, every sign-in in the week.
  await expect(signIns(page)).toContainText('1×');
  const before = await page.getByTestId('graph-node').count();
  await node(page, sso).getByTestId('expand-source').click();
  await expect(page).toHaveURL((url) => url.searchParams.getAll('expand').includes(sso));
  await ready(page);
  await expect(node(page, sso)).toHaveAttribute('data-expanded', 'true');
  await expect(signIns(page)).not.toContainText('1×');
  const signInLabel = await signIns(page).textContent();
  await node(page, demoRole).getByTestId('expand-target').click();
  await expect(page).toHaveURL((url) => url.searchParams.getAll('expand').length === 2);
  await ready(page);
  await expect(node(page, demoRole)).toHaveAttribute('data-expanded', 'true');
  const after = await page.getByTestId('graph-node').count();
  expect(after).toBeGreaterThanOrEqual(before);
  const counts = await page.getByTestId('graph-counts').textContent();
  await snap(page, 'graph-session-expanded');

  // A reload (or a colleague opening the link) draws the same graph.
  await page.reload();
  await ready(page);
  expect(new URL(page.url()).searchParams.getAll('expand').sort()).toEqual([sso, demoRole].sort());
  await expect(node(page, sso)).toHaveAttribute('data-expanded', 'true');
  await expect(node(page, demoRole)).toHaveAttribute('data-expanded', 'true');
  await expect(page.getByTestId('graph-node')).toHaveCount(after);
  await expect(page.getByTestId('graph-counts')).toHaveText(counts ?? '');
  await expect(node(page, sso)).toHaveAttribute('data-on-path', 'true');
  await expect(signIns(page)).toHaveText(signInLabel ?? '');

  // Collapse one again: the URL drops it.
  await node(page, demoRole).getByTestId('expand-target').click();
  await expect(page).toHaveURL((url) => url.searchParams.getAll('expand').join() === sso);
  await ready(page);

  // Select the SSO session: its details, then its profile.
  await node(page, sso).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('selected') === sso);
  await expect(page.getByTestId('graph-selected-label')).toHaveText('sara');
  await snap(page, 'graph-session-selected');
  await page.getByTestId('graph-open-profile').click();
  await expect(page).toHaveURL((url) => url.pathname === `/role-sessions/${encodeURIComponent(`${SARA.ssoRole.roleId}:sara`)}` && url.searchParams.get('from') === WEEK.from);
  await expect(page.getByRole('heading', { name: `${SARA.ssoRole.name} / sara` })).toBeVisible();
});

test('the graph page: a role focus, exports, and a bad focus explained', async ({ page }) => {
  await page.goto(`/graph?focus=${encodeURIComponent(demoRole)}&from=${SCOPE.from}&to=${SCOPE.to}`);
  await ready(page);
  await expect(node(page, demoRole)).toHaveAttribute('data-expanded', 'true');
  await expect(node(page, demo)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Path to origin' })).toBeDisabled();
  const json = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const file = await (await json).path();
  const body = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8'))) as { nodes: { id: string }[]; edges: unknown[] };
  expect(body.nodes.map((n) => n.id)).toContain(demo);
  const png = page.waitForEvent('download');
  await page.getByTestId('export-png').click();
  expect((await png).suggestedFilename()).toBe('trailscope-graph.png');
  await snap(page, 'graph-page-role');

  await page.goto(`/graph?focus=${encodeURIComponent("session:x' OR 1=1")}`);
  await expect(page.getByText('This link has an invalid parameter')).toBeVisible();
  await expect(page.getByText('focus', { exact: true })).toBeVisible();
});
