import { expect, signedInContext, test, type Page } from './fixtures';

/**
 * Issue 15, the finding workflow: an analyst (`triager`) takes a finding, notes what they found
 * and sees the history; resolves two at once from the inbox, which then shows them under Resolved;
 * a viewer reads the triage but cannot change it, in the page and at the API. The findings are
 * there without anyone pressing a button: the app ran the detections over its store at start.
 * Only findings no other spec opens are touched (the "CloudTrail logging" one is the investigation's).
 */

const WIDE = 'from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z';

async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

interface Listed {
  id: string;
  type: string;
  title: string;
  status: string;
}

async function openFindings(page: Page): Promise<Listed[]> {
  let findings: Listed[] = [];
  await expect
    .poll(
      async () => {
        findings = ((await (await page.request.get(`/api/findings?${WIDE}`)).json()) as { findings: Listed[] }).findings;
        return findings.filter((f) => !/CloudTrail/.test(f.type)).length;
      },
      { timeout: 60_000, message: 'the background detections filled the inbox' },
    )
    .toBeGreaterThanOrEqual(3);
  return findings.filter((f) => !/CloudTrail/.test(f.type));
}

test('an analyst takes a finding, notes it, resolves two in bulk; a viewer only reads', async ({ browser }) => {
  const triager = await signedInContext(browser, 'triager');
  const page = await triager.newPage();
  const [first, second, third] = await openFindings(page);

  // One finding: investigating, mine, with a note.
  await page.goto(`/findings/${encodeURIComponent(first!.id)}`);
  await expect(page.getByTestId('finding-status').first()).toHaveText('New');
  await page.getByTestId('triage-status').selectOption('investigating');
  await page.getByTestId('triage-assignee').selectOption('triager');
  await page.getByTestId('triage-note').fill('Asked the owner; waiting for an answer.');
  await page.getByTestId('triage-save').click();
  const history = page.getByTestId('finding-activity');
  await expect(history).toContainText('triager changed the status from New to Investigating');
  await expect(history).toContainText('assigned it to triager');
  await expect(history).toContainText('Asked the owner; waiting for an answer.');
  await expect(page.getByTestId('finding-assignee')).toHaveText('assigned to triager');
  await snap(page, 'finding-triage');

  // The inbox, filtered to mine, then two resolved at once.
  await page.goto(`/findings?${WIDE}&assignee=triager`);
  await expect(page.getByTestId('finding-row')).toHaveCount(1);
  await page.goto(`/findings?${WIDE}`);
  for (const f of [second!, third!]) await page.locator(`[data-finding-id="${f.id}"]`).getByTestId('finding-select').check();
  await expect(page.getByTestId('bulk-selected')).toHaveText('2 selected');
  await page.getByTestId('bulk-status').selectOption('resolved');
  await page.getByTestId('bulk-apply').click();
  await expect(page.getByTestId('bulk-message')).toHaveText('2 changed');
  await expect(page.locator(`[data-finding-id="${second!.id}"]`)).toHaveCount(0);
  await page.getByTestId('status-filter-resolved').click();
  await expect(page).toHaveURL(/status=resolved/);
  await expect(page.locator(`[data-finding-id="${second!.id}"]`)).toBeVisible();
  await expect(page.locator(`[data-finding-id="${third!.id}"]`)).toBeVisible();
  await snap(page, 'findings-resolved');
  await triager.close();

  // A viewer sees the history, not the controls; the API refuses the change.
  const viewer = await signedInContext(browser, 'analyst');
  const viewerPage = await viewer.newPage();
  await viewerPage.goto(`/findings/${encodeURIComponent(first!.id)}`);
  await expect(viewerPage.getByTestId('finding-activity')).toContainText('Asked the owner');
  await expect(viewerPage.getByTestId('triage-save')).toHaveCount(0);
  const refused = await viewerPage.request.patch(`/api/findings/${encodeURIComponent(first!.id)}`, { data: { status: 'resolved' }, headers: { origin: new URL(viewerPage.url()).origin } });
  expect(refused.status()).toBe(403);
  await viewer.close();
});
