import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/**
 * Which API routes the audit log covers, read from the routes themselves: every change, every view
 * of one entity (a path with a parameter), the event search, the graph and the audit log itself.
 * A new route of those kinds that forgets its `audit` fails here.
 */
vi.mock('@/auth', () => ({ auth: vi.fn(async () => null), handlers: { GET: () => undefined, POST: () => undefined } }));

const API = path.resolve(__dirname, '../../app/api');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Not audited on purpose: Auth.js's own endpoints (the sign-in flow records sign-ins), and reading a vendor role's expected-actions list (settings, not investigation data; changing it is audited). */
const NOT_AUDITED = new Set(['GET /api/auth/[...nextauth]', 'POST /api/auth/[...nextauth]', 'GET /api/vendors/[roleArn]/expected-actions']);
const SEARCHES = new Set(['GET /api/events', 'GET /api/graph', 'GET /api/audit']);

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === 'route.ts' ? [full] : [];
  });
}

const routes = await Promise.all(
  routeFiles(API).map(async (file) => {
    const url = `/api/${path.relative(API, path.dirname(file)).split(path.sep).join('/')}`;
    const mod = (await import(file)) as Partial<Record<(typeof METHODS)[number], { access?: { role: string; audit?: string } }>>;
    return METHODS.filter((m) => mod[m]).map((m) => ({ key: `${m} ${url}`, method: m, url, audit: mod[m]?.access?.audit }));
  }),
).then((r) => r.flat());

describe('audited routes', () => {
  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it.each(routes.filter((r) => !NOT_AUDITED.has(r.key)).filter((r) => r.method !== 'GET' || r.url.includes('[') || SEARCHES.has(r.key)).map((r) => [r.key, r.audit, r.method] as const))(
    '%s records %s',
    (_key, audit, method) => {
      if (method === 'GET') expect(audit).toBe('view');
      else expect(audit).toMatch(/^(import|run|save|delete|upload|triage)-|^user-change$/);
    },
  );
});
