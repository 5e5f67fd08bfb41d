import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseEnv } from '@/lib/env';
import { adminRouteTests, statusAndBody } from '@/test/fixtures/route-harness';

/**
 * /api/admin/webhooks: admins add, list, change, test and delete webhooks; a URL that is not https
 * (plain http only to loopback) is a 400 naming `url`; the secret is answered once and neither it
 * nor the full URL is listed; every change is audited without them. The test message goes to a
 * receiver this test starts on 127.0.0.1.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-webhooks-route-'));
const session = vi.hoisted(() => ({ current: null as { user: { name: string; role: string } } | null }));

vi.mock('@/auth', () => ({ auth: vi.fn(async () => session.current) }));
vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  return { ...actual, env: () => parseEnv({ TRAILSCOPE_DATA_DIR: dataDir }) };
});

const list = await import('@/app/api/admin/webhooks/route');
const one = await import('@/app/api/admin/webhooks/[id]/route');
const test = await import('@/app/api/admin/webhooks/[id]/test/route');
const { queryAudit } = await import('@/lib/audit/store');
const { settleNotifications } = await import('@/lib/notifications/notify');

adminRouteTests(session, dataDir);

const SAME_ORIGIN = { origin: 'http://localhost', host: 'localhost', 'content-type': 'application/json' };
const noParams = { params: Promise.resolve({}) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });
const request = (url: string, method: string, body?: unknown) =>
  new NextRequest(`http://localhost${url}`, { method, headers: method === 'GET' ? {} : SAME_ORIGIN, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

const bodies: string[] = [];
const receiver = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    bodies.push(body);
    res.writeHead(200).end('ok');
  });
});
let hook = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/secret-path-part`;
});

afterAll(async () => {
  await settleNotifications();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('/api/admin/webhooks', () => {
  let id = '';
  let secret = '';

  it('refuses plain http beyond loopback, and credentials in the URL, with a 400 naming url', async () => {
    for (const url of ['http://hooks.example.com/x', 'https://user:pw@hooks.example.com/x']) {
      const answer = await statusAndBody(await list.POST(request('/api/admin/webhooks', 'POST', { name: 'x', url, format: 'json' }), noParams));
      expect(answer, url).toMatchObject({ status: 400, body: { error: 'invalid parameter', parameter: 'url', message: expect.stringMatching(/https|credentials/) as unknown } });
    }
    expect((await list.POST(request('/api/admin/webhooks', 'POST', { name: 'x', url: hook, format: 'xml' }), noParams)).status).toBe(400);
  });

  it('adds a webhook, answering its secret once; the listing masks the URL and never has the secret', async () => {
    const created = await statusAndBody(await list.POST(request('/api/admin/webhooks', 'POST', { name: 'SOC relay', url: hook, format: 'json', minSeverity: 'Medium' }), noParams));
    expect(created).toMatchObject({ status: 200, body: { webhook: { name: 'SOC relay', format: 'json', minSeverity: 'Medium', kinds: ['findings', 'incidents'], enabled: true, createdBy: 'admin' }, secret: expect.stringMatching(/^whsec_/) as unknown } });
    id = (created.body as { webhook: { id: string } }).webhook.id;
    secret = (created.body as { secret: string }).secret;
    const listed = await statusAndBody(await list.GET(request('/api/admin/webhooks', 'GET'), noParams));
    expect(listed).toMatchObject({ status: 200, body: { webhooks: [{ id, maskedUrl: expect.stringMatching(/\/hooks\/…$/) as unknown, lastDelivery: null }], deliveries: [], publicUrl: null } });
    const text = JSON.stringify(listed.body);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('secret-path-part');
  });

  it('sends a test message and shows it as the last delivery', async () => {
    const sent = await statusAndBody(await test.POST(request(`/api/admin/webhooks/${id}/test`, 'POST'), withId(id)));
    expect(sent).toMatchObject({ status: 200, body: { delivery: { webhookId: id, event: 'test', outcome: 'delivered', status: 200, attempts: 1 } } });
    expect(JSON.parse(bodies.at(-1) ?? '')).toMatchObject({ version: 1, kind: 'test', reason: 'test', items: [] });
    const listed = await statusAndBody(await list.GET(request('/api/admin/webhooks', 'GET'), noParams));
    expect(listed.body).toMatchObject({ webhooks: [{ lastDelivery: { event: 'test', outcome: 'delivered', status: 200 } }], deliveries: [{ event: 'test' }] });
  });

  it('changes and disables it; a bad change is a 400, an unknown id a 404', async () => {
    const changed = await statusAndBody(await one.PATCH(request(`/api/admin/webhooks/${id}`, 'PATCH', { enabled: false, kinds: ['incidents'] }), withId(id)));
    expect(changed).toMatchObject({ status: 200, body: { webhook: { enabled: false, kinds: ['incidents'] } } });
    expect(changed.body).not.toHaveProperty('secret');
    expect(await statusAndBody(await one.PATCH(request(`/api/admin/webhooks/${id}`, 'PATCH', { url: 'http://10.0.0.1/x' }), withId(id)))).toMatchObject({ status: 400, body: { parameter: 'url' } });
    expect((await one.PATCH(request(`/api/admin/webhooks/${id}`, 'PATCH', {}), withId(id))).status).toBe(400);
    expect((await one.PATCH(request('/api/admin/webhooks/wh-0000000000000000', 'PATCH', { enabled: true }), withId('wh-0000000000000000'))).status).toBe(404);
    expect((await one.PATCH(request('/api/admin/webhooks/gd-1', 'PATCH', { enabled: true }), withId('gd-1'))).status).toBe(400);
    const rotated = await statusAndBody(await one.PATCH(request(`/api/admin/webhooks/${id}`, 'PATCH', { rotateSecret: true }), withId(id)));
    expect((rotated.body as { secret: string }).secret).not.toBe(secret);
  });

  it('is for admins only', async () => {
    session.current = { user: { name: 'triager', role: 'analyst' } };
    expect((await list.GET(request('/api/admin/webhooks', 'GET'), noParams)).status).toBe(403);
    expect((await test.POST(request(`/api/admin/webhooks/${id}/test`, 'POST'), withId(id))).status).toBe(403);
  });

  it('deletes it; every change is in the audit log without the URL or the secret', async () => {
    expect(await statusAndBody(await one.DELETE(request(`/api/admin/webhooks/${id}`, 'DELETE'), withId(id)))).toEqual({ status: 200, body: { deleted: id } });
    expect((await one.DELETE(request(`/api/admin/webhooks/${id}`, 'DELETE'), withId(id))).status).toBe(404);
    const { entries } = await queryAudit({ entity: `webhook:${id}`, limit: 50 });
    expect(entries.map((e) => `${e.action} ${e.outcome}`).reverse()).toEqual([
      'save-webhook ok',
      'run-webhook-test ok',
      'save-webhook ok',
      'save-webhook failed',
      'save-webhook failed',
      'save-webhook ok',
      'run-webhook-test refused',
      'delete-webhook ok',
      'delete-webhook failed',
    ]);
    const text = JSON.stringify(entries);
    expect(text).not.toContain('secret-path-part');
    expect(text).not.toContain(secret);
  });
});
