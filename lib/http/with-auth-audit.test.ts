import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from '@/lib/zod';
import type { AuditEvent } from '@/lib/audit/event';
import { parseEnv } from '@/lib/env';

/** withAuth's `audit` member: what one call of an audited route records, whatever its outcome. */
const API_TOKEN = 'test-token-0123456789abcdef';
const session = vi.hoisted(() => ({ current: null as { user: { name: string; role: string } } | null }));
const recorded = vi.hoisted(() => [] as AuditEvent[]);

vi.mock('@/auth', () => ({ auth: vi.fn(async () => session.current) }));
vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  return { ...actual, env: () => parseEnv({ TRAILSCOPE_API_TOKENS: API_TOKEN }) };
});
vi.mock('@/lib/audit/record', () => ({
  recordAudit: vi.fn(async (event: AuditEvent) => {
    recorded.push(event);
  }),
}));

const { withAuth } = await import('./with-auth');
const { auditEntity } = await import('@/lib/audit/entity');

const get = (path: string, headers: Record<string, string> = {}) => new NextRequest(`http://localhost${path}`, { headers });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const schemas = { query: z.object({ from: z.string().optional(), to: z.string().optional() }), params: z.object({ id: z.string().regex(/^f-\d+$/, 'must be f-<n>') }) };

beforeEach(() => {
  session.current = { user: { name: 'sara', role: 'viewer' } };
  recorded.length = 0;
});
afterEach(() => vi.restoreAllMocks());

describe('withAuth audit', () => {
  const view = withAuth(schemas, ({ params }) => ({ id: params.id, scope: { from: '2026-11-18T00:00:00Z', to: '2026-11-19T00:00:00Z' } }), {
    role: 'viewer',
    audit: { action: 'view', entity: ({ params }) => auditEntity('finding', params.id), detail: ({ result }) => ({ seen: result?.id }) },
  });

  it('records who viewed what, from where, over which scope (the resolved one the handler returns)', async () => {
    const response = await view(get('/api/findings/f-1', { 'x-forwarded-for': '6.6.6.6, 192.0.2.10' }), ctx('f-1'));
    expect(response.status).toBe(200);
    expect(recorded).toEqual([
      {
        action: 'view',
        actor: 'sara',
        via: 'session',
        address: '192.0.2.10',
        entity: 'finding:f-1',
        scope: { from: '2026-11-18T00:00:00Z', to: '2026-11-19T00:00:00Z' },
        outcome: 'ok',
        detail: { request: 'GET /api/findings/f-1', seen: 'f-1' },
      },
    ]);
  });

  it('takes the scope from the query when the result has none', async () => {
    const route = withAuth(schemas, () => ({ ok: true }), { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('finding', params.id) } });
    await route(get('/api/findings/f-2?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z'), ctx('f-2'));
    expect(recorded[0]?.scope).toEqual({ from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' });
  });

  it('records a refused write with its entity, as refused', async () => {
    const write = withAuth(schemas, () => ({ ok: true }), { role: 'admin', audit: { action: 'delete-expected-actions', entity: ({ params }) => auditEntity('vendor-role', params.id) } });
    const response = await write(new NextRequest('http://localhost/api/x/f-3', { method: 'DELETE' }), ctx('f-3'));
    expect(response.status).toBe(403);
    expect(recorded[0]).toMatchObject({ action: 'delete-expected-actions', actor: 'sara', entity: 'vendor-role:f-3', outcome: 'refused', detail: { status: 403 } });
  });

  it('records failures: a handler error, an answer of 404, a bad parameter (without an entity)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = withAuth(schemas, () => {
      throw new Error('boom');
    }, { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('finding', params.id) } });
    const missing = withAuth(schemas, () => Response.json({ error: 'not found' }, { status: 404 }), { role: 'viewer', audit: { action: 'view', entity: ({ params }) => auditEntity('finding', params.id) } });
    expect((await broken(get('/api/findings/f-4'), ctx('f-4'))).status).toBe(500);
    expect((await missing(get('/api/findings/f-5'), ctx('f-5'))).status).toBe(404);
    expect((await missing(get('/api/findings/nope'), ctx('nope'))).status).toBe(400);
    expect(recorded.map((e) => [e.entity, e.outcome, e.detail?.status])).toEqual([
      ['finding:f-4', 'failed', 500],
      ['finding:f-5', 'failed', 404],
      [null, 'failed', 400],
    ]);
  });

  it('records an API token as the api-token actor', async () => {
    session.current = null;
    await view(get('/api/findings/f-6', { authorization: `Bearer ${API_TOKEN}` }), ctx('f-6'));
    expect(recorded[0]).toMatchObject({ actor: 'api-token', via: 'token', outcome: 'ok' });
  });

  it('records nothing without a caller, or for a route that does not audit', async () => {
    session.current = null;
    expect((await view(get('/api/findings/f-7'), ctx('f-7'))).status).toBe(401);
    session.current = { user: { name: 'sara', role: 'viewer' } };
    await withAuth(schemas, () => ({ ok: true }), { role: 'viewer' })(get('/api/findings/f-8'), ctx('f-8'));
    expect(recorded).toEqual([]);
  });

  it('keeps the entry when a callback throws, without what the callback would have said', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const route = withAuth(schemas, () => ({ ok: true }), {
      role: 'viewer',
      audit: {
        action: 'view',
        entity: () => {
          throw new Error('unexpected result');
        },
      },
    });
    expect((await route(get('/api/findings/f-9'), ctx('f-9'))).status).toBe(200);
    expect(recorded[0]).toMatchObject({ action: 'view', entity: null, outcome: 'ok' });
  });

  it('exposes the audited action beside the role', () => {
    expect(view.access).toEqual({ role: 'viewer', audit: 'view' });
  });
});
