import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from './event';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-audit-'));
process.env.TRAILSCOPE_DATA_DIR = dataDir;

const store = await import('./store');
const { insertAudit, queryAudit, purgeAuditBefore } = store;
const { recordAudit, resetAuditPurgeClock } = await import('./record');
const { closeStateDb, withStateConnection } = await import('@/lib/state/db');

const entry = (over: Partial<Omit<AuditEntry, 'id'>>): Omit<AuditEntry, 'id'> => ({
  at: '2026-11-20T10:00:00.000Z',
  action: 'view',
  actor: 'sara',
  via: 'session',
  address: '192.0.2.1',
  entity: 'events',
  scope: null,
  outcome: 'ok',
  detail: null,
  ...over,
});

async function clear() {
  await withStateConnection((c) => c.run('DELETE FROM audit_log'));
}

afterAll(async () => {
  await closeStateDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('audit store', () => {
  beforeEach(clear);

  it('is append-only: it offers insert, query and the retention purge, nothing that edits one entry', () => {
    expect(Object.keys(store).sort()).toEqual(['insertAudit', 'purgeAuditBefore', 'queryAudit']);
  });

  it('reads back what was appended, newest first', async () => {
    await insertAudit(entry({ entity: 'role-session:AROAEXAMPLE12345:sara', scope: { from: '2026-11-18T00:00:00Z', to: '2026-11-19T00:00:00Z' }, detail: { tab: 'events' } }));
    await insertAudit(entry({ action: 'import-findings', actor: 'admin', entity: 'findings', detail: { imported: 3 }, at: '2026-11-20T10:00:01.250Z' }));
    const { entries, nextCursor } = await queryAudit({ limit: 10 });
    expect(nextCursor).toBeNull();
    expect(entries.map((e) => e.action)).toEqual(['import-findings', 'view']);
    expect(entries[0]).toMatchObject({ actor: 'admin', at: '2026-11-20T10:00:01.250Z', detail: { imported: 3 }, scope: null });
    expect(entries[1]).toMatchObject({
      actor: 'sara',
      via: 'session',
      address: '192.0.2.1',
      entity: 'role-session:AROAEXAMPLE12345:sara',
      scope: { from: '2026-11-18T00:00:00Z', to: '2026-11-19T00:00:00Z' },
      outcome: 'ok',
      detail: { tab: 'events' },
    });
    expect(Number(entries[0]?.id)).toBeGreaterThan(Number(entries[1]?.id));
  });

  it('filters by actor, action, entity prefix and time', async () => {
    await insertAudit(entry({ actor: 'sara', entity: 'role-session:AROAEXAMPLE12345:sara', at: '2026-11-20T09:00:00.000Z' }));
    await insertAudit(entry({ actor: 'lee', entity: 'role:arn:aws:iam::123456789012:role/Admin', at: '2026-11-20T10:00:00.000Z' }));
    await insertAudit(entry({ actor: 'lee', action: 'sign-in', entity: null, via: 'password', at: '2026-11-20T11:00:00.000Z' }));
    const ids = async (f: Parameters<typeof queryAudit>[0]) => (await queryAudit(f)).entries.map((e) => `${e.actor} ${e.action} ${e.entity ?? '-'}`);
    expect(await ids({ limit: 10, actor: 'lee' })).toEqual(['lee sign-in -', 'lee view role:arn:aws:iam::123456789012:role/Admin']);
    expect(await ids({ limit: 10, action: 'view' })).toHaveLength(2);
    expect(await ids({ limit: 10, entity: 'role-session:' })).toEqual(['sara view role-session:AROAEXAMPLE12345:sara']);
    expect(await ids({ limit: 10, entity: 'role' })).toHaveLength(2);
    // A LIKE wildcard in the prefix is a plain character.
    expect(await ids({ limit: 10, entity: 'role%' })).toEqual([]);
    expect(await ids({ limit: 10, from: '2026-11-20T10:00:00Z', to: '2026-11-20T11:00:00Z' })).toEqual(['lee view role:arn:aws:iam::123456789012:role/Admin']);
    expect(await ids({ limit: 10, actor: "lee' OR '1'='1" })).toEqual([]);
  });

  it('pages newest first with a keyset cursor, without repeating or skipping', async () => {
    for (let i = 0; i < 7; i++) await insertAudit(entry({ entity: `finding:f${i}` }));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await queryAudit({ limit: 3, entity: 'finding:', cursor });
      seen.push(...page.entries.map((e) => e.entity ?? ''));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(['f6', 'f5', 'f4', 'f3', 'f2', 'f1', 'f0'].map((f) => `finding:${f}`));
  });

  it('purges entries older than the cutoff and counts them', async () => {
    await insertAudit(entry({ entity: 'old', at: '2025-01-01T00:00:00.000Z' }));
    await insertAudit(entry({ entity: 'new', at: '2026-11-20T00:00:00.000Z' }));
    expect(await purgeAuditBefore('2026-01-01T00:00:00.000Z')).toBe(1);
    expect((await queryAudit({ limit: 10 })).entries.map((e) => e.entity)).toEqual(['new']);
  });
});

describe('recordAudit', () => {
  beforeEach(async () => {
    await clear();
    resetAuditPurgeClock();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('stores an event with the time it was recorded and outcome ok by default', async () => {
    const before = Date.now();
    await recordAudit({ action: 'sign-in', actor: 'sara', via: 'password', address: '192.0.2.1' });
    const [e] = (await queryAudit({ limit: 1 })).entries;
    expect(e).toMatchObject({ action: 'sign-in', actor: 'sara', via: 'password', address: '192.0.2.1', entity: null, scope: null, outcome: 'ok', detail: null });
    expect(Date.parse(e?.at ?? '')).toBeGreaterThanOrEqual(before - 1);
  });

  it('never throws: an invalid event is reported on the console with [audit] and not stored', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // @ts-expect-error: an action the log does not know, as a caller outside TypeScript could pass
    await expect(recordAudit({ action: 'drop-table', actor: 'x', via: null })).resolves.toBeUndefined();
    await expect(recordAudit({ action: 'view', actor: 'x'.repeat(500), via: 'session' })).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls.every(([message]) => String(message).startsWith('[audit]'))).toBe(true);
    expect((await queryAudit({ limit: 10 })).entries).toEqual([]);
  });

  it('never throws when the store fails', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = await import('@/lib/state/db');
    vi.spyOn(db, 'withStateConnection').mockRejectedValueOnce(new Error('disk full'));
    await expect(recordAudit({ action: 'view', actor: 'sara', via: 'session', entity: 'events' })).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^\[audit\] could not record view by sara/), expect.any(Error));
  });

  it('bounds the detail and keeps it JSON', async () => {
    await recordAudit({ action: 'view', actor: 'sara', via: 'session', detail: { big: 'x'.repeat(10_000) } });
    await recordAudit({ action: 'view', actor: 'sara', via: 'session', detail: { n: 1n } });
    const [unserialisable, big] = (await queryAudit({ limit: 2 })).entries;
    expect(JSON.stringify(big?.detail).length).toBeLessThan(4200);
    expect(big?.detail).toHaveProperty('truncated');
    expect(unserialisable?.detail).toEqual({ unserialisable: ['n'] });
  });

  it('purges past retention (365 days by default) on write, at most once an hour', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T12:00:00Z'));
    const year = 365 * 24 * 3600 * 1000;
    const old = (n: number) => insertAudit(entry({ entity: `old-${n}`, at: new Date(Date.now() - year - 60_000).toISOString() }));
    await old(1);
    await recordAudit({ action: 'view', actor: 'sara', via: 'session', entity: 'first' });
    const entities = async () => (await queryAudit({ limit: 10 })).entries.map((e) => e.entity);
    expect(await entities()).toEqual(['first']);

    await old(2);
    vi.setSystemTime(new Date('2026-11-20T12:59:00Z'));
    await recordAudit({ action: 'view', actor: 'sara', via: 'session', entity: 'within-the-hour' });
    expect(await entities()).toEqual(['within-the-hour', 'old-2', 'first']);

    vi.setSystemTime(new Date('2026-11-20T13:00:00Z'));
    await recordAudit({ action: 'view', actor: 'sara', via: 'session', entity: 'an-hour-later' });
    expect(await entities()).toEqual(['an-hour-later', 'within-the-hour', 'first']);
  });
});
