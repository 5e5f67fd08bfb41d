import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from '@/lib/zod';
import { profileParams, roleArnParam, roleHref } from '@/lib/profiles/params';
import { NO_SCOPE } from '@/lib/params/scope';
import { vendorListParams } from '@/lib/reviews/params';

const calls = vi.hoisted(() => ({ refused: [] as unknown[], valid: 0 }));
vi.mock('./invalid-link', () => ({
  invalidLink: vi.fn(async (details: unknown) => {
    calls.refused.push(details);
    throw new Error('refused');
  }),
  linkIsValid: vi.fn(async () => {
    calls.valid += 1;
  }),
}));
vi.mock('@/lib/engine', () => ({ getConnection: async () => ({}) }));
vi.mock('@/lib/data-range/get-data-range', () => ({ getDataRange: async () => ({ events: 10, first: '2026-10-01T00:00:00Z', last: '2026-11-19T10:20:00Z' }) }));

const { loadPage, loadPageUrl } = await import('./page-params');

const role = 'arn:aws:iam::111122223333:role/Ops';
const rolePage = (sp: Record<string, string>, value: unknown = encodeURIComponent(role)) =>
  loadPage(sp, { path: { name: 'role ARN', schema: roleArnParam, value }, query: profileParams, reset: { path: '/role-sessions', query: (arn) => roleHref(arn, NO_SCOPE) } });

describe('loadPage', () => {
  beforeEach(() => {
    calls.refused = [];
    calls.valid = 0;
  });

  it('validates the path, the query and the scope, then says the link is fine', async () => {
    const load = await rolePage({ tab: 'graph' });
    expect(load.path).toBe(role);
    expect(load.params.tab).toBe('graph');
    expect(load.page.scope).toEqual({ from: '2026-11-18T11:00:00Z', to: '2026-11-19T11:00:00Z' });
    expect(calls.valid).toBe(1);
  });

  it('refuses a bad segment by its name, starting again from the path reset', async () => {
    await expect(rolePage({ tab: 'nope' }, 'not-an-arn')).rejects.toThrow('refused');
    expect(calls.refused).toEqual([{ parameter: 'role ARN', message: expect.stringMatching(/ARN/), resetHref: '/role-sessions' }]);
  });

  it('refuses a bad query parameter, then a bad scope, each starting again from the page itself', async () => {
    await expect(rolePage({ tab: 'nope' })).rejects.toThrow('refused');
    await expect(rolePage({ from: '2026-01-03T00:00:00Z', to: '2026-01-01T00:00:00Z' })).rejects.toThrow('refused');
    expect(calls.refused).toEqual([
      expect.objectContaining({ parameter: 'tab', resetHref: '/roles/arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FOps' }),
      expect.objectContaining({ parameter: 'from', message: 'from must be before to', resetHref: '/roles/arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FOps' }),
    ]);
    expect(calls.valid).toBe(0);
  });

  it('gives a review its longer default window', async () => {
    const load = await loadPage({}, { query: vendorListParams, reviewDays: 30, reset: { query: '/vendors' } });
    expect(load.page.scope).toEqual({ from: '2026-10-20T11:00:00Z', to: '2026-11-19T11:00:00Z' });
  });

  it('hands repeated parameters to the schema as lists, the others as their first value', async () => {
    const schema = z.object({ expand: z.array(z.string()), q: z.string() });
    const url = await loadPageUrl({ expand: ['a', 'b'], q: ['x', 'y'] }, { query: schema, repeated: ['expand'], reset: { query: '/' } });
    expect(url.params).toEqual({ expand: ['a', 'b'], q: 'x' });
  });
});
