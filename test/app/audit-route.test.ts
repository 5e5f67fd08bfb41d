import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseEnv } from '@/lib/env';

/** GET /api/audit: administrators only, filters and paging as the page has them, CSV. */
const API_TOKEN = 'audit-token-0123456789abcdef';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-audit-route-'));
const session = vi.hoisted(() => ({ current: null as { user: { name: string; role: string } } | null }));

vi.mock('@/auth', () => ({ auth: vi.fn(async () => session.current) }));
vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  return { ...actual, env: () => parseEnv({ TRAILSCOPE_API_TOKENS: API_TOKEN, TRAILSCOPE_DATA_DIR: dataDir }) };
});

const { GET } = await import('@/app/api/audit/route');
const { recordAudit } = await import('@/lib/audit/record');
const { queryAudit } = await import('@/lib/audit/store');
const { closeStateDb } = await import('@/lib/state/db');

const noParams = { params: Promise.resolve({}) };
const get = (query: string, headers: Record<string, string> = {}) => GET(new NextRequest(`http://localhost/api/audit${query}`, { headers }), noParams);

beforeEach(() => {
  session.current = { user: { name: 'admin', role: 'admin' } };
});
afterAll(async () => {
  await closeStateDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /api/audit', () => {
  it('sets up some entries', async () => {
    await recordAudit({ action: 'sign-in', actor: 'sara', via: 'password', address: '192.0.2.1' });
    await recordAudit({ action: 'view', actor: 'sara', via: 'session', entity: 'role-session:AROAEXAMPLE12345:sara', scope: { from: '2026-11-18T00:00:00Z', to: '2026-11-19T00:00:00Z' } });
    await recordAudit({ action: 'view', actor: 'sara', via: 'session', entity: 'events', detail: { principal: '=cmd|calc' } });
    await recordAudit({ action: 'import-findings', actor: 'admin', via: 'session', entity: 'findings', detail: { imported: 2 } });
    // Single sign-on names are the identity provider's: anything, a spreadsheet formula included.
    await recordAudit({ action: 'sign-in-failed', actor: '=HYPERLINK("http://evil.example")', via: 'oidc', outcome: 'refused' });
  });

  it('refuses a viewer with 403, and records the attempt', async () => {
    session.current = { user: { name: 'analyst', role: 'viewer' } };
    const response = await get('');
    expect(response.status).toBe(403);
    const [refusal] = (await queryAudit({ limit: 1 })).entries;
    expect(refusal).toMatchObject({ action: 'view', actor: 'analyst', entity: 'audit-log', outcome: 'refused' });
  });

  it('refuses an API token: tokens never act as administrators', async () => {
    session.current = null;
    expect((await get('', { authorization: `Bearer ${API_TOKEN}` })).status).toBe(403);
  });

  it('answers an admin with entries newest first, filtered, paged', async () => {
    const all = await get('?actor=sara');
    expect(all.status).toBe(200);
    const body = (await all.json()) as { entries: { action: string; entity: string | null }[]; nextCursor: string | null };
    expect(body.entries.map((e) => e.action)).toEqual(['view', 'view', 'sign-in']);

    const views = (await (await get('?action=view&entity=role-session:&limit=1')).json()) as typeof body;
    expect(views.entries).toHaveLength(1);
    expect(views.entries[0]?.entity).toBe('role-session:AROAEXAMPLE12345:sara');

    const first = (await (await get('?actor=sara&limit=2')).json()) as typeof body;
    expect(first.nextCursor).toMatch(/^\d+$/);
    const second = (await (await get(`?actor=sara&limit=2&cursor=${first.nextCursor}`)).json()) as typeof body;
    expect(second).toMatchObject({ entries: [{ action: 'sign-in' }], nextCursor: null });
  });

  it('names a bad filter', async () => {
    expect(await (await get('?action=delete-everything')).json()).toMatchObject({ error: 'invalid parameter', parameter: 'action' });
    expect(await (await get('?from=2026-11-20T00:00:00Z&to=2026-11-19T00:00:00Z')).json()).toMatchObject({ parameter: 'from' });
    expect(await (await get('?cursor=abc')).json()).toMatchObject({ parameter: 'cursor' });
  });

  it('downloads CSV with the same filters, formulas defused', async () => {
    const response = await get('?actor=sara&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="trailscope-audit-log\.csv"/);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('Time (UTC),User,Via,Action,Outcome,Entity,Scope from,Scope to,Address,Detail');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('""principal"":""=cmd|calc""');
    expect(lines[2]).toContain('role-session:AROAEXAMPLE12345:sara,2026-11-18T00:00:00Z,2026-11-19T00:00:00Z');
    expect(lines[3]).toMatch(/,sara,password,sign-in,ok,,,,192\.0\.2\.1,$/);
    const failed = await (await get('?action=sign-in-failed&format=csv')).text();
    expect(failed).toContain(`,"'=HYPERLINK(""http://evil.example"")",oidc,sign-in-failed,refused,`);
  });

  it('records that an admin read the log, with the filters', async () => {
    await get('?action=view&entity=role');
    const [entry] = (await queryAudit({ limit: 1 })).entries;
    expect(entry).toMatchObject({ actor: 'admin', action: 'view', entity: 'audit-log', outcome: 'ok', detail: { request: 'GET /api/audit', action: 'view', entity: 'role' } });
  });
});
