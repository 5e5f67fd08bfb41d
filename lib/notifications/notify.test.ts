import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testFinding } from '@/lib/findings/test-finding';
import type { JsonMessage, SlackMessage } from './message';

/**
 * The store (webhooks, deliveries, what was told) and the announcing around it, on a throwaway
 * state database, with a fetch that records what it is sent: which webhooks get what (kinds,
 * minimum severity, enabled), the dedupe, reopened findings told again, and the findings write
 * path announcing without waiting for or failing on deliveries.
 */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-notify-'));
process.env.TRAILSCOPE_DATA_DIR = dataDir;
process.env.TRAILSCOPE_PUBLIC_URL = 'https://trailscope.example.com/';

const { closeStateDb, withStateConnection } = await import('@/lib/state/db');
const { configureDelivery, notifyFindings, notifyIncidents, queueIncidentNotifications, saveFindingsAndNotify, sendTestMessage, settleNotifications } = await import('./notify');
const { createWebhook, deleteWebhook, getWebhook, listWebhooks, recentDeliveries, updateWebhook } = await import('./store');

interface Sent {
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

let sent: Sent[] = [];
let answer: (url: string) => Response | Promise<Response> = () => new Response('ok');
let restore: () => void = () => undefined;

beforeEach(() => {
  sent = [];
  answer = () => new Response('ok');
  const fakeFetch = (async (url: string, init: RequestInit) => {
    sent.push({ url, body: JSON.parse(String(init.body)), headers: init.headers as Record<string, string> });
    return answer(url);
  }) as unknown as typeof fetch;
  restore = configureDelivery({ fetch: fakeFetch, sleep: async () => undefined });
});

afterEach(async () => {
  await settleNotifications();
  restore();
  await withStateConnection(async (c) => {
    for (const table of ['webhooks', 'webhook_deliveries', 'webhook_notified', 'findings', 'finding_activity']) await c.run(`DELETE FROM ${table}`);
  });
});

afterAll(async () => {
  await closeStateDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const SETTINGS = { format: 'json', minSeverity: 'High', kinds: ['findings', 'incidents'], enabled: true } as const;
const high = testFinding('det-high', { severity: 8, severityLabel: 'High', title: 'high one' });
const medium = testFinding('det-medium', { severity: 5, severityLabel: 'Medium', title: 'medium one' });
const critical = testFinding('gd-critical', { source: 'guardduty', severity: 9.2, severityLabel: 'Critical', title: 'critical one' });

const bodiesTo = (url: string) => sent.filter((s) => s.url === url).map((s) => s.body as JsonMessage);

describe('the webhooks store', () => {
  it('keeps the URL and secret server-side: a listing masks one and never holds the other', async () => {
    const { webhook, secret } = await createWebhook({ ...SETTINGS, name: 'Slack SOC', url: 'https://hooks.slack.com/services/T0/B0/SECRETPART', format: 'slack' }, 'admin');
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(webhook).toMatchObject({ id: expect.stringMatching(/^wh-[0-9a-f]{16}$/) as unknown, name: 'Slack SOC', maskedUrl: 'https://hooks.slack.com/services/…', format: 'slack', minSeverity: 'High', kinds: ['findings', 'incidents'], enabled: true, createdBy: 'admin', lastDelivery: null });
    const listed = JSON.stringify(await listWebhooks());
    expect(listed).not.toContain('SECRETPART');
    expect(listed).not.toContain(secret);
    expect(await getWebhook(webhook.id)).toMatchObject({ url: 'https://hooks.slack.com/services/T0/B0/SECRETPART', secret });
  });

  it('changes settings, rotates the secret (answered once), deletes with the log', async () => {
    const { webhook, secret } = await createWebhook({ ...SETTINGS, name: 'a', url: 'https://a.example/hook' }, 'admin');
    const changed = await updateWebhook(webhook.id, { enabled: false, minSeverity: 'Critical', kinds: ['incidents'], name: 'b' }, 'lee');
    expect(changed).toEqual({ webhook: expect.objectContaining({ name: 'b', enabled: false, minSeverity: 'Critical', kinds: ['incidents'], updatedBy: 'lee' }) as unknown });
    const rotated = await updateWebhook(webhook.id, { rotateSecret: true }, 'lee');
    expect(rotated?.secret).toMatch(/^whsec_/);
    expect(rotated?.secret).not.toBe(secret);
    expect(await updateWebhook('wh-0000000000000000', { enabled: true }, 'lee')).toBeNull();
    await sendTestMessage((await getWebhook(webhook.id))!);
    expect(await recentDeliveries(10, webhook.id)).toHaveLength(1);
    expect(await deleteWebhook(webhook.id)).toBe(true);
    expect(await deleteWebhook(webhook.id)).toBe(false);
    expect(await recentDeliveries(10, webhook.id)).toEqual([]);
  });
});

describe('announcing', () => {
  it('tells each enabled webhook what is at or above its severity, for the kinds it wants, in one message', async () => {
    await createWebhook({ ...SETTINGS, name: 'high', url: 'https://high.example/hook' }, 'admin');
    await createWebhook({ ...SETTINGS, name: 'medium', url: 'https://medium.example/hook', minSeverity: 'Medium' }, 'admin');
    await createWebhook({ ...SETTINGS, name: 'incidents only', url: 'https://incidents.example/hook', kinds: ['incidents'] }, 'admin');
    await createWebhook({ ...SETTINGS, name: 'off', url: 'https://off.example/hook', enabled: false }, 'admin');

    const deliveries = await notifyFindings([medium, high, critical], 'new');
    expect(deliveries.map((d) => d.outcome)).toEqual(['delivered', 'delivered']);
    expect(bodiesTo('https://high.example/hook').map((b) => b.items.map((i) => i.id))).toEqual([['gd-critical', 'det-high']]);
    expect(bodiesTo('https://medium.example/hook').map((b) => b.items.map((i) => i.id))).toEqual([['gd-critical', 'det-high', 'det-medium']]);
    expect(bodiesTo('https://incidents.example/hook')).toEqual([]);
    expect(bodiesTo('https://off.example/hook')).toEqual([]);
    expect(bodiesTo('https://high.example/hook')[0]).toMatchObject({ version: 1, kind: 'findings', reason: 'new', baseUrl: 'https://trailscope.example.com', items: [{ url: 'https://trailscope.example.com/findings/gd-critical' }, {}] });
  });

  it('tells a webhook about nothing twice, and nothing at all below its severity', async () => {
    await createWebhook({ ...SETTINGS, name: 'high', url: 'https://high.example/hook' }, 'admin');
    await notifyFindings([high], 'new');
    expect(await notifyFindings([high, critical], 'new')).toHaveLength(1);
    expect(await notifyFindings([high, critical, medium], 'new')).toEqual([]);
    expect(bodiesTo('https://high.example/hook').map((b) => b.items.map((i) => i.id))).toEqual([['det-high'], ['gd-critical']]);
  });

  it('tells a reopened finding again, once per time it fired again', async () => {
    await createWebhook({ ...SETTINGS, name: 'high', url: 'https://high.example/hook' }, 'admin');
    const again = { ...high, lastSeen: '2026-11-19T00:00:00Z' };
    await notifyFindings([high], 'new');
    await notifyFindings([again], 'reopened');
    await notifyFindings([again], 'reopened');
    await notifyFindings([{ ...high, lastSeen: '2026-11-20T00:00:00Z' }], 'reopened');
    expect(bodiesTo('https://high.example/hook').map((b) => `${b.reason} ${b.items.map((i) => i.lastSeen).join()}`)).toEqual([
      'new 2026-11-18T09:41:23Z',
      'reopened 2026-11-19T00:00:00Z',
      'reopened 2026-11-20T00:00:00Z',
    ]);
  });

  it('announces incidents once each to the webhooks that want them, in Slack\'s shape for a Slack webhook', async () => {
    await createWebhook({ ...SETTINGS, name: 'slack', url: 'https://hooks.slack.com/services/T/B/C', format: 'slack', minSeverity: 'Medium' }, 'admin');
    await createWebhook({ ...SETTINGS, name: 'findings only', url: 'https://findings.example/hook', kinds: ['findings'] }, 'admin');
    const incident = { id: 'inc-1', title: 'sara stopped logging', severity: 8, firstSeen: '2026-11-18T09:00:00Z', lastSeen: '2026-11-18T09:41:23Z', origin: 'sara via IAM Identity Center', findingIds: ['det-high'] };
    await notifyIncidents([incident, { ...incident, id: 'inc-low', severity: 'Low' as const }]);
    await notifyIncidents([incident]);
    expect(sent.map((s) => s.url)).toEqual(['https://hooks.slack.com/services/T/B/C']);
    const slack = sent[0]?.body as SlackMessage;
    expect(slack.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '1 new incident in Trailscope' } });
    expect(JSON.stringify(slack)).toContain('<https://trailscope.example.com/incidents/inc-1|sara stopped logging>');
  });

  it('queueing incidents resolves once they are claimed, before the delivery ends', async () => {
    await createWebhook({ ...SETTINGS, name: 'high', url: 'https://high.example/hook' }, 'admin');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    answer = async () => {
      await held;
      return new Response('ok');
    };
    const incident = { id: 'inc-q', title: 'queued', severity: 'High' as const, firstSeen: '2026-11-18T09:00:00Z', lastSeen: '2026-11-18T09:41:23Z', origin: null, findingIds: [] };
    try {
      await queueIncidentNotifications([incident]);
      await queueIncidentNotifications([incident]);
    } finally {
      release();
    }
    await settleNotifications();
    expect(sent.map((s) => (s.body as JsonMessage).items.map((i) => i.id))).toEqual([['inc-q']]);
  });

  it('the findings write announces what is new and what reopened, and returns before deliveries end', async () => {
    await createWebhook({ ...SETTINGS, name: 'high', url: 'https://high.example/hook' }, 'admin');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    answer = async () => {
      await held;
      return new Response('ok');
    };
    try {
      const saved = await saveFindingsAndNotify([high, medium]);
      expect(saved).toMatchObject({ inserted: 2, newIds: ['det-high', 'det-medium'] });
      // The write has returned; the delivery is under way, waiting on its receiver.
      await expect.poll(() => sent.length).toBe(1);
      expect((await recentDeliveries(5)).map((d) => d.outcome)).toEqual(['pending']);
    } finally {
      release();
    }
    await settleNotifications();
    expect((await recentDeliveries(5)).map((d) => [d.outcome, d.itemIds])).toEqual([['delivered', ['det-high']]]);

    // Resolved, then fired again: reopened and announced as such; a merge that changes nothing announces nothing.
    await withStateConnection((c) => c.run(`UPDATE findings SET status = 'resolved' WHERE id = 'det-high'`));
    answer = () => new Response('ok');
    const again = await saveFindingsAndNotify([{ ...high, lastSeen: '2026-11-19T00:00:00Z' }]);
    expect(again).toMatchObject({ inserted: 0, reopenedIds: ['det-high'] });
    await saveFindingsAndNotify([{ ...high, lastSeen: '2026-11-19T00:00:00Z' }]);
    await settleNotifications();
    expect(bodiesTo('https://high.example/hook').map((b) => b.reason)).toEqual(['new', 'reopened']);
  });

  it('a delivery that fails is logged as failed; the findings write still succeeds', async () => {
    await createWebhook({ ...SETTINGS, name: 'broken', url: 'https://broken.example/hook' }, 'admin');
    answer = () => {
      throw new TypeError('fetch failed');
    };
    expect(await saveFindingsAndNotify([critical])).toMatchObject({ inserted: 1 });
    await settleNotifications();
    const [last] = (await listWebhooks()).map((w) => w.lastDelivery);
    expect(last).toMatchObject({ outcome: 'failed', attempts: 4, status: null, error: 'fetch failed', itemIds: ['gd-critical'] });
    expect(last?.attemptLog.map((a) => a.retryInMs)).toEqual([1000, 4000, 16000, undefined]);
  });

  it('does nothing (and touches no webhook) when nothing is new', async () => {
    await createWebhook({ ...SETTINGS, name: 'high', url: 'https://high.example/hook' }, 'admin');
    await saveFindingsAndNotify([high]);
    await settleNotifications();
    sent = [];
    expect(await saveFindingsAndNotify([high])).toMatchObject({ inserted: 0, updated: 1, newIds: [], reopenedIds: [] });
    await settleNotifications();
    expect(sent).toEqual([]);
  });
});
