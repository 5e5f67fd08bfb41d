import { describe, expect, it, vi } from 'vitest';
import { declaredMethods, routeTable } from './route-table';

// Route modules import the Auth.js setup; the declarations are what is checked here, not sign-in.
vi.mock('@/auth', () => ({ auth: vi.fn(async () => null), handlers: { GET: () => new Response(), POST: () => new Response() } }));

const table = routeTable();

describe('the route table', () => {
  it('finds the app\'s pages and API routes', () => {
    expect(table.filter((r) => r.kind === 'page').length).toBeGreaterThan(15);
    expect(table.filter((r) => r.kind === 'api').length).toBeGreaterThan(20);
    expect(table.map((r) => r.pattern)).toEqual(expect.arrayContaining(['/', '/sign-in', '/api/findings/import', '/role-sessions/[sessionId]']));
  });

  it('every API method declares its role in withAuth (Auth.js\'s own routes excepted)', () => {
    const undeclared = table.flatMap((r) =>
      Object.entries(r.methods)
        .filter(([, access]) => access.kind === 'undeclared')
        .map(([method, access]) => `${method} ${r.pattern} (${r.file}): ${'why' in access ? access.why : ''}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('writes need the admin role, but for the investigation work an analyst does: triage and detection runs', () => {
    const writesBelowAdmin = table.flatMap((r) =>
      Object.entries(r.methods)
        .filter(([method, access]) => method !== 'GET' && access.kind === 'role' && access.role !== 'admin')
        .map(([method, access]) => `${method} ${r.pattern} ${access.kind === 'role' ? access.role : ''}`),
    );
    expect(writesBelowAdmin.sort()).toEqual(['PATCH /api/findings analyst', 'PATCH /api/findings/[id] analyst', 'POST /api/detections/run analyst']);
  });

  it('the parsed declarations are what the handlers enforce at run time', async () => {
    for (const route of table.filter((r) => r.kind === 'api' && !r.pattern.startsWith('/api/auth/'))) {
      const routeModule = (await import(/* @vite-ignore */ `../../${route.file}`)) as Record<string, { access?: { role: string } }>;
      for (const [method, access] of Object.entries(route.methods)) {
        expect(routeModule[method]?.access?.role, `${method} ${route.pattern}`).toBe(access.kind === 'role' ? access.role : undefined);
      }
    }
  });
});

describe('declaredMethods', () => {
  it('reads the literal role of each exported method', () => {
    const source = `
      export const GET = withAuth({}, () => 1, { role: 'viewer' });
      export const POST = withAuth({}, async () => 2, { role: 'admin' });`;
    expect(declaredMethods(source)).toEqual({ GET: { kind: 'role', role: 'viewer' }, POST: { kind: 'role', role: 'admin' } });
  });

  it.each([
    ['a bare function', 'export async function DELETE() { return new Response(); }'],
    ['a wrapper without the role argument', 'export const PUT = withAuth({}, () => 1);'],
    ['a role that is not written out', "const r = 'viewer'; export const GET = withAuth({}, () => 1, { role: r });"],
    ['another wrapper', 'export const PATCH = somethingElse(() => 1);'],
  ])('flags %s as undeclared', (_what, source) => {
    const [access] = Object.values(declaredMethods(source));
    expect(access?.kind).toBe('undeclared');
  });
});
