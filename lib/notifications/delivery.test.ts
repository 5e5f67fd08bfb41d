import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFinding } from '@/lib/findings/test-finding';
import type { JsonMessage, SlackMessage } from './message';

/**
 * Deliveries over real HTTP to a receiver this test starts on 127.0.0.1: a receiver that fails
 * the first attempt with 503 and then accepts gets the same signed body twice, and the log says
 * delivered after two attempts; a receiver that never answers is given up on after its timeout,
 * logged as failed, and nothing throws.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-delivery-'));
process.env.TRAILSCOPE_DATA_DIR = dataDir;
delete process.env.TRAILSCOPE_PUBLIC_URL;
delete process.env.AUTH_URL;

const { closeStateDb } = await import('@/lib/state/db');
const { configureDelivery, notifyFindings, settleNotifications } = await import('./notify');
const { createWebhook, listWebhooks } = await import('./store');
const { SIGNATURE_HEADER, verifySignature } = await import('./sign');

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const received: Received[] = [];
const hanging: http.ServerResponse[] = [];
let answered = 0;

/** /flaky answers 503 to its first request and 200 after; /hang never answers. */
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    if (req.url === '/hang') {
      hanging.push(res);
      return;
    }
    answered++;
    if (answered === 1) res.writeHead(503, { 'content-type': 'text/plain' }).end('warming up');
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
});
let base = '';
let restore: () => void = () => undefined;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Real timers, short: the policy's shape (retry on 5xx and on no answer) is what is under test here.
  restore = configureDelivery({ policy: { timeoutMs: 1_000, retryDelaysMs: [50, 100, 200] } });
});

afterAll(async () => {
  restore();
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await closeStateDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const SETTINGS = { minSeverity: 'High', kinds: ['findings'], enabled: true } as const;
const finding = testFinding('det-delivered', { severity: 8.5, severityLabel: 'High', title: 'CloudTrail logging disabled: demo-trail-2' });

describe('delivering to a receiver on loopback', () => {
  it('retries a 503, then delivers the same signed body; the log shows both attempts and the last status', async () => {
    const { webhook, secret } = await createWebhook({ ...SETTINGS, name: 'flaky json', url: `${base}/flaky`, format: 'json' }, 'admin');
    const [delivery] = await notifyFindings([finding], 'new');

    expect(delivery).toMatchObject({ webhookId: webhook.id, outcome: 'delivered', attempts: 2, status: 200, error: null, itemIds: ['det-delivered'] });
    const attempts = received.filter((r) => r.path === '/flaky');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.body).toBe(attempts[1]?.body);
    for (const attempt of attempts) {
      expect(attempt.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(attempt.headers['x-trailscope-event']).toBe('findings');
      expect(attempt.headers['x-trailscope-delivery']).toBe(delivery?.id);
      const signature = attempt.headers[SIGNATURE_HEADER] as string;
      expect(verifySignature(secret, attempt.body, signature, Math.floor(Date.now() / 1000))).toBe(true);
      expect(verifySignature('whsec_wrong', attempt.body, signature, Math.floor(Date.now() / 1000))).toBe(false);
    }
    const body = JSON.parse(attempts[0]?.body ?? '') as JsonMessage;
    expect(body).toMatchObject({ version: 1, kind: 'findings', reason: 'new', baseUrl: null, count: 1, omitted: 0, webhook: { id: webhook.id, name: 'flaky json' } });
    expect(body.items).toEqual([expect.objectContaining({ id: 'det-delivered', url: '/findings/det-delivered', severityLabel: 'High', title: 'CloudTrail logging disabled: demo-trail-2' })]);

    const [listed] = (await listWebhooks()).filter((w) => w.id === webhook.id);
    expect(listed?.lastDelivery).toMatchObject({ outcome: 'delivered', status: 200, attempts: 2, error: null });
    expect(listed?.lastDelivery?.attemptLog).toEqual([
      expect.objectContaining({ status: 503, error: 'HTTP 503: warming up', retryInMs: 50 }),
      expect.objectContaining({ status: 200, error: null }),
    ]);
    expect(listed?.lastDelivery?.attemptLog[1]).not.toHaveProperty('retryInMs');
  });

  it('sends a Slack webhook Slack\'s shape', async () => {
    await createWebhook({ ...SETTINGS, name: 'slack', url: `${base}/slack`, format: 'slack' }, 'admin');
    await notifyFindings([testFinding('det-slack', { severity: 9, severityLabel: 'Critical', title: 'Root & co' })], 'new');
    const [request] = received.filter((r) => r.path === '/slack');
    const message = JSON.parse(request?.body ?? '') as SlackMessage;
    expect(message.text).toBe('1 new finding in Trailscope: Critical: Root &amp; co');
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    expect(JSON.stringify(message.blocks[1])).toContain('`/findings/det-slack`');
  });

  it('gives up on a receiver that never answers after its timeout, logs it as failed, and throws nothing', async () => {
    const restoreShort = configureDelivery({ policy: { timeoutMs: 300, retryDelaysMs: [50] } });
    try {
      const { webhook } = await createWebhook({ ...SETTINGS, name: 'silent', url: `${base}/hang`, format: 'json' }, 'admin');
      const started = Date.now();
      const deliveries = await notifyFindings([testFinding('det-unheard', { severity: 7 })], 'new');
      await settleNotifications();
      expect(Date.now() - started).toBeLessThan(5_000);
      const mine = deliveries.find((d) => d.webhookId === webhook.id);
      expect(mine).toMatchObject({ outcome: 'failed', attempts: 2, status: null, error: 'no answer within 0.3 s' });
      expect(received.filter((r) => r.path === '/hang')).toHaveLength(2);
      const [listed] = (await listWebhooks()).filter((w) => w.id === webhook.id);
      expect(listed?.lastDelivery).toMatchObject({ outcome: 'failed', attempts: 2, status: null, error: 'no answer within 0.3 s' });
    } finally {
      restoreShort();
    }
  });
});
