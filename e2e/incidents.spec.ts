import { expect, test, type Page } from './fixtures';
import { SARA } from '../lib/generator/scenarios';

/**
 * Issue 15: the inbox fills itself and groups itself. sara's session chain (StopLogging by her
 * Identity Center session, AdministratorAccess attached by her DemoRole1 session) is one incident
 * whose page shows her as the origin, both sessions, the findings in order and the chain's graph;
 * its investigation report shows the chain, the ATT&CK-tagged activity and the incident, prints to
 * PDF, and exports as Markdown and JSON.
 */
async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

test("sara's incident → its page → the investigation report, printed to PDF", async ({ page }) => {
  await page.goto('/incidents?status=all&from=2026-10-21T00:00:00Z&to=2026-11-21T00:00:00Z');
  const row = page.getByTestId('incident-row').filter({ hasText: 'sara (IAM Identity Center)' });
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await snap(page, 'incidents');
  await row.getByRole('link').click();

  await expect(page.getByTestId('incident-origin')).toContainText('sara (IAM Identity Center)');
  await expect(page.getByTestId('incident-finding').filter({ hasText: 'CloudTrail logging disabled' })).toHaveCount(1);
  await expect(page.getByTestId('incident-finding').filter({ hasText: 'IAM policy attached by a role session' })).toHaveCount(1);
  const sessions = page.getByTestId('incident-sessions');
  await expect(sessions).toContainText(`${SARA.ssoRole.roleId}:sara`);
  await expect(sessions).toContainText(`${SARA.demoRole.roleId}:sara`);
  await expect(page.getByTestId('role-graph')).toBeVisible();
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 30_000 });
  await snap(page, 'incident');

  await page.getByTestId('incident-report').click();
  await expect(page.getByTestId('report')).toBeVisible();
  await expect(page.getByTestId('report-chain')).toContainText('Origin: sara');
  await expect(page.getByTestId('report-techniques')).toContainText('T1562.008');
  await expect(page.getByTestId('report-incidents')).toContainText('sara (IAM Identity Center)');
  await snap(page, 'report');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ path: 'test-results/screens/incident-report.pdf', format: 'A4', printBackground: true });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen' });

  const md = await page.request.get((await page.getByTestId('report-markdown').getAttribute('href'))!);
  expect(md.status()).toBe(200);
  expect(md.headers()['content-type']).toContain('text/markdown');
  expect(await md.text()).toContain('Origin: **sara**');
  const json = (await (await page.request.get((await page.getByTestId('report-json').getAttribute('href'))!)).json()) as { report: { chain: { origin: string } } };
  expect(json.report.chain.origin).toBe('sara');
});
