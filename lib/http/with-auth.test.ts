import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from '@/lib/zod';
import { EngineError } from '@/lib/engine/types';
import { parseEnv } from '@/lib/env';
import { ParamError } from '@/lib/params/param-error';
import { sessionIdParam } from '@/lib/role-sessions/profile-params';
import { resolveScope, scopeParams } from '@/lib/params/scope';

const API_TOKEN = 'test-token-0123456789abcdef';
const session = vi.hoisted(() => ({ current: null as { user: { name: string; role: string } } | null }));

vi.mock('@/auth', () => ({ auth: vi.fn(async () => session.current) }));
vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  return { ...actual, env: () => parseEnv({ TRAILSCOPE_API_TOKENS: API_TOKEN }) };
});

const { withAuth } = await import('./with-auth');

const url = (path: string) => `http://localhost${path}`;
const get = (path: string, headers: Record<string, string> = {}) => new NextRequest(url(path), { headers });
const noParams = { params: Promise.resolve({}) };
const VIEWER = { role: 'viewer' } as const;
const ADMIN = { role: 'admin' } as const;
const post = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(url(path), { method: 'POST', headers: { host: 'localhost', ...headers } });

async function body(response: Response) {
  return { status: response.status, json: await response.json() };
}

beforeEach(() => {
  session.current = { user: { name: 'admin', role: 'admin' } };
});
afterEach(() => vi.restoreAllMocks());

describe('withAuth: who is calling', () => {
  const route = withAuth({}, ({ user }) => user, VIEWER);

  it('passes the session user to the handler', async () => {
    expect(await body(await route(get('/api/x'), noParams))).toEqual({
      status: 200,
      json: { name: 'admin', role: 'admin', via: 'session' },
    });
  });

  it('answers 401 without a session', async () => {
    session.current = null;
    expect(await body(await route(get('/api/x'), noParams))).toEqual({ status: 401, json: { error: 'unauthorized' } });
  });

  it('accepts a configured bearer token and refuses a wrong one even with a session', async () => {
    session.current = null;
    const ok = await route(get('/api/x', { authorization: `Bearer ${API_TOKEN}` }), noParams);
    expect(await body(ok)).toMatchObject({ status: 200, json: { via: 'token' } });
    session.current = { user: { name: 'admin', role: 'admin' } };
    const wrong = await route(get('/api/x', { authorization: 'Bearer wrong-token-0123456789' }), noParams);
    expect(wrong.status).toBe(401);
  });
});

describe('withAuth: validation', () => {
  const route = withAuth(
    {
      query: z.object({ limit: z.coerce.number().int().max(500).default(100), role: z.array(z.string()).optional() }),
      params: z.object({ id: z.string().regex(/^\d{12}$/, 'must be a 12-digit account id') }),
    },
    ({ query, params }) => ({ limit: query.limit, role: query.role, id: params.id }),
    VIEWER,
  );
  const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

  it('hands typed, parsed values to the handler', async () => {
    const response = await route(get('/api/accounts/123456789012?limit=5&role=a&role=b'), ctx('123456789012'));
    expect(await body(response)).toEqual({ status: 200, json: { limit: 5, role: ['a', 'b'], id: '123456789012' } });
  });

  it('names the first bad query parameter', async () => {
    const response = await route(get('/api/accounts/123456789012?limit=9999'), ctx('123456789012'));
    const { status, json } = await body(response);
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: 'invalid parameter', parameter: 'limit' });
    expect(json.message).toMatch(/500/);
  });

  it('names a bad path parameter', async () => {
    const response = await route(get('/api/accounts/abc'), ctx('abc'));
    expect(await body(response)).toEqual({
      status: 400,
      json: { error: 'invalid parameter', parameter: 'id', message: 'must be a 12-digit account id' },
    });
  });

  it('answers a bad percent-encoding in a path segment as 400 naming it, not a URIError 500', async () => {
    const sessionRoute = withAuth({ params: z.object({ sessionId: sessionIdParam }) }, ({ params }) => params, VIEWER);
    const response = await sessionRoute(get('/api/role-sessions/%25'), { params: Promise.resolve({ sessionId: '%' }) });
    expect(await body(response)).toEqual({
      status: 400,
      json: { error: 'invalid parameter', parameter: 'sessionId', message: 'is not a valid URL-encoded value' },
    });
  });

  it('answers impossible and out-of-range scope times as 400 naming the parameter', async () => {
    const scoped = withAuth({ query: scopeParams }, ({ query }) => resolveScope(query, null), VIEWER);
    const feb30 = await body(await scoped(get('/api/x?from=2026-02-30T00:00:00Z'), noParams));
    expect(feb30).toMatchObject({ status: 400, json: { error: 'invalid parameter', parameter: 'from' } });
    const late = await body(await scoped(get('/api/x?from=9999-12-31T00:00:00Z'), noParams));
    expect(late).toMatchObject({ status: 400, json: { error: 'invalid parameter', parameter: 'from' } });
  });

  it('checks authentication before validation', async () => {
    session.current = null;
    expect((await route(get('/api/accounts/abc?limit=x'), ctx('abc'))).status).toBe(401);
  });
});

describe('withAuth: errors and results', () => {
  it.each([
    ['TIMEOUT', 504],
    ['QUERY_FAILED', 502],
    ['THROTTLED', 502],
  ] as const)('maps EngineError %s to %i with its message and code', async (code, status) => {
    const route = withAuth({}, () => {
      throw new EngineError('Athena said no', code, { sql: 'SELECT secret' });
    }, VIEWER);
    expect(await body(await route(get('/api/x'), noParams))).toEqual({ status, json: { error: 'Athena said no', code } });
  });

  it('answers a ParamError as 400 naming its parameter', async () => {
    const route = withAuth({}, () => {
      throw new ParamError('to', 'must be after from');
    }, VIEWER);
    expect(await body(await route(get('/api/x'), noParams))).toEqual({
      status: 400,
      json: { error: 'invalid parameter', parameter: 'to', message: 'must be after from' },
    });
  });

  it('hides unknown errors from the client and logs them', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const route = withAuth({}, async () => {
      throw new Error('ENOENT: /var/secret/path');
    }, VIEWER);
    const response = await route(get('/api/x'), noParams);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: 'internal error' });
    expect(text).not.toContain('secret');
    expect(log).toHaveBeenCalledWith('[api] GET /api/x failed:', expect.any(Error));
  });

  it('passes a handler Response through and answers 204 for no data', async () => {
    const custom = withAuth({}, () => new Response('csv', { status: 201, headers: { 'content-type': 'text/csv' } }), VIEWER);
    const created = await custom(get('/api/x'), noParams);
    expect([created.status, await created.text()]).toEqual([201, 'csv']);
    const empty = withAuth({}, () => undefined, VIEWER);
    expect((await empty(get('/api/x'), noParams)).status).toBe(204);
  });
});

describe('withAuth: the role the route declares', () => {
  const write = withAuth({}, ({ user }) => ({ changedBy: user.name }), ADMIN);
  const sameOrigin = { origin: 'http://localhost' };

  it('lets an admin session write', async () => {
    expect(await body(await write(post('/api/x', sameOrigin), noParams))).toEqual({ status: 200, json: { changedBy: 'admin' } });
  });

  it('refuses a viewer session with 403', async () => {
    session.current = { user: { name: 'analyst', role: 'viewer' } };
    const { status, json } = await body(await write(post('/api/x', sameOrigin), noParams));
    expect(status).toBe(403);
    expect(json).toMatchObject({ error: 'forbidden', message: expect.stringMatching(/admin role/) });
  });

  it('refuses a valid API token: tokens are read-only', async () => {
    session.current = null;
    const response = await write(post('/api/x', { authorization: `Bearer ${API_TOKEN}` }), noParams);
    expect(await body(response)).toMatchObject({ status: 403, json: { message: expect.stringMatching(/read-only/) } });
  });

  it('exposes the declared role on the handler, for the route-table test', () => {
    expect(write.access).toEqual({ role: 'admin' });
  });
});

describe('withAuth: cross-site writes', () => {
  const write = withAuth({}, () => ({ ok: true }), ADMIN);
  const read = withAuth({}, () => ({ ok: true }), VIEWER);

  it.each([
    ['a page on another port of the same host', { origin: 'http://localhost:4000' }],
    ['another site', { origin: 'https://evil.example' }],
    ['an opaque origin (sandboxed frame, data: URL)', { origin: 'null' }],
    ['a same-site page without Origin', { 'sec-fetch-site': 'same-site' }],
    ['a cross-site page without Origin', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a cookie-authenticated POST from %s', async (_what, headers) => {
    const response = await write(post('/api/x', headers), noParams);
    expect(await body(response)).toMatchObject({ status: 403, json: { error: 'forbidden', message: expect.stringMatching(/another site/) } });
  });

  it.each([
    ['its own origin', { origin: 'http://localhost' }],
    ['Sec-Fetch-Site same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['neither header (not a browser, so not forgeable by a page)', {}],
  ])('accepts a write from %s', async (_what, headers) => {
    expect((await write(post('/api/x', headers), noParams)).status).toBe(200);
  });

  it('does not apply to reads or to bearer tokens', async () => {
    expect((await read(get('/api/x', { origin: 'https://evil.example' }), noParams)).status).toBe(200);
    session.current = null;
    const token = await read(post('/api/x', { authorization: `Bearer ${API_TOKEN}`, origin: 'https://evil.example' }), noParams);
    expect(token.status).toBe(200);
  });
});
