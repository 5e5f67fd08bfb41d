import { expect, test, type Page } from './fixtures';
import { GITLAB_RUNNER, SARA, scenarioTruths, VENDOR } from '@/lib/generator/scenarios';
import { assumedRoleArn } from '@/lib/generator/world';

/**
 * The header search and the user, IP and service profiles on the generator's data (seed 7, the
 * default end 2026-11-20): a pasted session ARN or key lands on its session with the scope kept,
 * and the links go on from there to the user, address and service behind it.
 */
const END = Date.parse('2026-11-20T00:00:00Z');
const truths = scenarioTruths({ seed: '7', end: END, variant: 'default' });
// The two days before the end: sara's incident, the vendor's polls, the runner's misused key.
const scope = { from: '2026-11-18T00:00:00Z', to: '2026-11-20T00:00:00Z' };
const SCOPE_QS = new URLSearchParams(scope).toString();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const keepsScope = new RegExp(`\\?${escapeRe(SCOPE_QS)}$`);

async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

async function searchFor(page: Page, text: string) {
  const box = page.getByRole('search').getByRole('searchbox');
  await box.fill(text);
  await box.press('Enter');
}

const sessionPath = (id: string) => `/role-sessions/${encodeURIComponent(id)}`;

test('a session ARN typed in the header search opens that session, in the same scope', async ({ page }) => {
  await page.goto(`/role-sessions?${SCOPE_QS}`);
  await searchFor(page, assumedRoleArn(SARA.demoRole, SARA.sessionName));
  await expect(page).toHaveURL(new RegExp(`${escapeRe(sessionPath(`${SARA.demoRole.roleId}:sara`))}\\?`));
  await expect(page).toHaveURL(keepsScope);
  await expect(page.getByRole('heading', { name: 'DemoRole1 / sara' })).toBeVisible();
  await expect(page.getByTestId('session-id')).toHaveText(`${SARA.demoRole.roleId}:sara`);
  await snap(page, 'search-landed-on-session');

  // "/" focuses the box from anywhere; a key from the incident lands on the session that used it.
  await page.locator('body').press('/');
  await expect(page.getByRole('search').getByRole('searchbox')).toBeFocused();
  await page.keyboard.type(truths.gitlabRunner.misusedAccessKeyId);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${sessionPath(`${GITLAB_RUNNER.role.roleId}:${GITLAB_RUNNER.instanceIds[1]}`)}\\?`));
  await expect(page).toHaveURL(keepsScope);
});

test('from the vendor’s session to its user (roles assumed across accounts), then to its address', async ({ page }) => {
  await page.goto(`/?${SCOPE_QS}`);
  await searchFor(page, assumedRoleArn(VENDOR.role, VENDOR.sessionName));
  await expect(page).toHaveURL(keepsScope);
  await expect(page.getByRole('heading', { name: `${VENDOR.role.name} / ${VENDOR.sessionName}` })).toBeVisible();

  await page.getByTestId('assumed-by').getByRole('link', { name: VENDOR.callerUser.name }).click();
  await expect(page).toHaveURL(new RegExp(`/users/${encodeURIComponent(VENDOR.callerUser.arn)}\\?`));
  await expect(page).toHaveURL(keepsScope);
  await expect(page.getByRole('heading', { name: VENDOR.callerUser.name })).toBeVisible();
  const role = page.getByTestId('role-assumed-row').filter({ hasText: VENDOR.role.name });
  await expect(role).toContainText('cross-account');
  await expect(role.getByRole('link', { name: VENDOR.sessionName })).toHaveAttribute('href', `${sessionPath(`${VENDOR.role.roleId}:${VENDOR.sessionName}`)}?${SCOPE_QS}`);
  const keys = page.getByTestId('access-key-row');
  await expect(keys).toHaveCount(1);
  await expect(keys).toContainText(VENDOR.callerUser.accessKeyId);
  await expect(keys).toContainText('long-term key');
  await expect(page.getByTestId('api-volume-chart')).toBeVisible();
  await snap(page, 'profile-user-acme-collector');

  // The assumptions count opens exactly those AssumeRole calls (the vendor assumes one role only).
  const count = Number(await role.locator('td').last().innerText());
  expect(count).toBeGreaterThan(0);
  await role.locator('td').last().getByRole('link').click();
  await expect(page).toHaveURL(/\/events\?.*eventName=AssumeRole/);
  await expect(page.getByTestId('event-row')).toHaveCount(count);
  await page.goBack();

  const ip = VENDOR.ips[0]?.ip ?? '';
  await keys.getByRole('link', { name: ip }).click();
  await expect(page).toHaveURL(new RegExp(`/ips/${ip.replace(/\./g, '\\.')}\\?`));
  await expect(page).toHaveURL(keepsScope);
  await expect(page.getByTestId('ip-kind')).toHaveText('public IPv4');
  const principals = page.getByTestId('ip-principal-row');
  // The role account's copies of the vendor's AssumeRole calls are folded into the vendor's user.
  await expect(principals).toHaveCount(2);
  await expect(principals.filter({ hasText: VENDOR.callerUser.name })).toContainText('IAM user');
  await expect(principals.filter({ hasText: VENDOR.callerUser.name })).toContainText('copies');
  await expect(principals.filter({ hasText: `${VENDOR.role.name}/${VENDOR.sessionName}` })).toContainText('role session');
  await snap(page, 'profile-ip-vendor');

  // Back to the user from the address's principals.
  await principals.filter({ hasText: 'IAM user' }).getByRole('link', { name: VENDOR.callerUser.name }).click();
  await expect(page).toHaveURL(new RegExp(`/users/${encodeURIComponent(VENDOR.callerUser.arn)}\\?`));
});

test('from an instance-profile session to the EC2 service that assumed it for the instance', async ({ page }) => {
  await page.goto(`/events?${SCOPE_QS}`);
  const instance = GITLAB_RUNNER.instanceIds[1] as string;
  await searchFor(page, assumedRoleArn(GITLAB_RUNNER.role, instance));
  await expect(page).toHaveURL(new RegExp(`${sessionPath(`${GITLAB_RUNNER.role.roleId}:${instance}`)}\\?`));
  await expect(page).toHaveURL(keepsScope);

  await page.getByTestId('assumed-by').getByRole('link', { name: 'ec2.amazonaws.com' }).first().click();
  await expect(page).toHaveURL(/\/services\/ec2\.amazonaws\.com\?/);
  await expect(page).toHaveURL(keepsScope);
  await expect(page.getByRole('heading', { name: 'ec2.amazonaws.com' })).toBeVisible();
  const runner = page.getByTestId('role-assumed-row').filter({ hasText: GITLAB_RUNNER.role.name });
  await expect(runner.getByRole('link', { name: instance })).toHaveAttribute('href', `${sessionPath(`${GITLAB_RUNNER.role.roleId}:${instance}`)}?${SCOPE_QS}`);
  await page.getByRole('button', { name: 'Show SQL (AssumeRole calls)' }).click();
  await expect(page.getByTestId('sql-text')).toContainText("useridentity.invokedby IN ('ec2.amazonaws.com')");
  await snap(page, 'profile-service-ec2');

  await runner.getByRole('link', { name: instance }).click();
  await expect(page.getByRole('heading', { name: `${GITLAB_RUNNER.role.name} / ${instance}` })).toBeVisible();
});

test('searches that match nothing, or name a service or address, say where they go', async ({ page }) => {
  await page.goto(`/?${SCOPE_QS}`);
  await searchFor(page, assumedRoleArn(SARA.demoRole, 'nobody'));
  await expect(page).toHaveURL(/\/search\?/);
  await expect(page.getByTestId('search-message')).toContainText('No event in the search window');
  await expect(page.getByRole('link', { name: 'DemoRole1 sessions named nobody' })).toBeVisible();
  // The box keeps the query, to be corrected.
  await expect(page.getByRole('search').getByRole('searchbox')).toHaveValue(assumedRoleArn(SARA.demoRole, 'nobody'));
  await snap(page, 'search-nothing-matched');

  await searchFor(page, "sara' OR 1=1 --");
  await expect(page.getByTestId('search-message')).toContainText('spaces or characters');

  await searchFor(page, 'EC2.amazonaws.com');
  await expect(page).toHaveURL(/\/services\/ec2\.amazonaws\.com\?/);
  await expect(page).toHaveURL(keepsScope);

  await searchFor(page, '10.0.1.7');
  await expect(page).toHaveURL(/\/ips\/10\.0\.1\.7\?/);
  await expect(page.getByTestId('ip-kind')).toHaveText('private IPv4 (RFC 1918)');
  await expect(page.getByTestId('ip-principals')).toHaveCount(0);
  await snap(page, 'profile-ip-private-unused');
});

test('malformed profile links name the bad parameter', async ({ page }) => {
  const alert = page.getByRole('alert').filter({ hasText: 'invalid parameter' });
  await page.goto('/users/alice');
  await expect(alert).toContainText('user ARN must be an AWS ARN');
  await page.goto(`/users/${encodeURIComponent(SARA.demoRole.arn)}`);
  await expect(alert).toContainText('must be an IAM user, root or federated user ARN');
  await page.goto(`/ips/${encodeURIComponent("1.2.3.4' OR 1=1")}`);
  await expect(alert).toContainText('IP address must be an IP address');
  await page.goto('/services/ec2.example.com');
  await expect(alert).toContainText('service must be an AWS service principal');
  await page.goto(`/ips/18.184.7.93?from=yesterday`);
  await expect(alert).toContainText('from must be an ISO-8601 UTC time');
  await snap(page, 'profile-invalid-link');
});
