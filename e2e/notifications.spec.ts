import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from './fixtures';
import { SIGNATURE_HEADER, verifySignature } from '../lib/notifications/sign';

/**
 * Webhook notifications as an administrator sets them up: a webhook to plain http beyond loopback
 * is refused; one to a receiver this spec starts on 127.0.0.1 is added (its signing secret shown
 * once, its URL masked), sent a signed test message, and its last delivery shows on the page; a
 * receiver answering 503 shows as failed with the answer. The webhooks are deleted at the end, so
 * later specs' findings go nowhere.
 */
async function snap(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

test('notifications: an admin adds a webhook to a loopback receiver, sends a test message and sees the last delivery', async ({ page }) => {
  const received: Received[] = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.url?.startsWith('/down')) res.writeHead(503, { 'content-type': 'text/plain' }).end('receiver is down for maintenance');
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  page.on('dialog', (dialog) => void dialog.accept());

  async function add(name: string, url: string) {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel(/^URL/).fill(url);
    await page.getByLabel(/^Format/).selectOption('json');
    await page.getByLabel('Severity at or above').selectOption('Critical');
    // Findings only: the app's loop announces incidents as it groups them, which would reach this webhook too.
    await page.getByLabel('new incidents').uncheck();
    await page.getByRole('button', { name: 'Add webhook' }).click();
  }

  try {
    await page.goto('/');
    await page.getByRole('link', { name: 'Notifications' }).click();
    await expect(page.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible();
    // The e2e server has no public URL: messages carry paths, and the page says so.
    await expect(page.getByText('Links in messages are paths, not addresses')).toBeVisible();

    await add('Elsewhere', 'http://hooks.example.com/trailscope');
    await expect(page.getByTestId('webhooks-message')).toContainText('Refused: url must be https://');

    await add('E2E receiver', `${base}/hooks/e2e-secret-part`);
    await expect(page.getByTestId('webhooks-message')).toContainText('Signing secret (shown only now');
    const secret = /whsec_[A-Za-z0-9_-]+/.exec((await page.getByTestId('webhooks-message').textContent()) ?? '')?.[0] ?? '';
    expect(secret).not.toBe('');
    const row = page.getByTestId('webhook-E2E receiver');
    await expect(row).toContainText(`${base}/hooks/…`);
    await expect(row).toContainText('none yet');
    await expect(row).toContainText('Critical');

    await row.getByRole('button', { name: 'Send test' }).click();
    await expect(page.getByTestId('webhooks-message')).toContainText('Test message to “E2E receiver” delivered (HTTP 200');
    await expect(row.getByTestId('last-delivery')).toContainText('delivered · HTTP 200');
    await expect(row.getByTestId('last-delivery')).toContainText('test message · 1 attempt');

    const tests = received.filter((r) => r.headers['x-trailscope-event'] === 'test');
    expect(tests).toHaveLength(1);
    expect(tests[0]?.path).toBe('/hooks/e2e-secret-part');
    expect(JSON.parse(tests[0]?.body ?? '')).toMatchObject({ version: 1, kind: 'test', reason: 'test', webhook: { name: 'E2E receiver' }, baseUrl: null, items: [] });
    expect(verifySignature(secret, tests[0]?.body ?? '', tests[0]?.headers[SIGNATURE_HEADER] as string, Math.floor(Date.now() / 1000))).toBe(true);

    // A receiver that answers 503: the test is one attempt, shown failed with the answer's first words.
    await add('Down receiver', `${base}/down`);
    await expect(page.getByTestId('webhook-Down receiver')).toBeVisible();
    await page.getByTestId('webhook-Down receiver').getByRole('button', { name: 'Send test' }).click();
    await expect(page.getByTestId('webhooks-message')).toContainText('failed: HTTP 503: receiver is down for maintenance');
    await expect(page.getByTestId('webhook-Down receiver').getByTestId('last-delivery')).toContainText('failed · HTTP 503');

    // Edit: the URL field left blank keeps the stored one.
    await page.getByTestId('webhook-Down receiver').getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByRole('heading', { name: 'Edit “Down receiver”' })).toBeVisible();
    await page.getByLabel('Severity at or above').selectOption('High');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('webhooks-message')).toContainText('Saved “Down receiver”.');
    await expect(page.getByTestId('webhook-Down receiver')).toContainText(`High`);
    await expect(page.getByTestId('webhook-Down receiver')).toContainText(`${base}/down`);

    await row.getByRole('button', { name: 'Disable' }).click();
    await expect(row).toContainText('disabled');
    await expect(page.getByTestId('deliveries-table').getByTestId('delivery-row')).toHaveCount(2);
    // Neither the page nor the API ever shows the full URL or the secret again.
    expect(await page.content()).not.toContain('e2e-secret-part');
    const listed = await page.request.get('/api/admin/webhooks');
    expect(await listed.text()).not.toContain(secret);
    await snap(page, 'notifications');

    for (const name of ['E2E receiver', 'Down receiver']) {
      await page.getByTestId(`webhook-${name}`).getByRole('button', { name: 'Delete' }).click();
      await expect(page.getByTestId(`webhook-${name}`)).toHaveCount(0);
    }
  } finally {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
