import { describe, expect, it } from 'vitest';
import * as graph from '@/app/(dashboard)/graph/search-params';

/** The routes' search-params.ts: the links they build are the links the pages always wrote. */
const scope = { from: '2026-11-18T11:00:00Z', to: '2026-11-19T11:00:00Z' };
const focus = 'session:AROAEXAMPLEID12345:sara';
const role = 'role:arn:aws:iam::111122223333:role/Ops';

describe('graph search-params', () => {
  it('links the page, the API and the cache key alike', () => {
    expect(graph.toHref(focus, scope)).toBe('/graph?from=2026-11-18T11%3A00%3A00Z&to=2026-11-19T11%3A00%3A00Z&focus=session%3AAROAEXAMPLEID12345%3Asara');
    expect(graph.toHref(focus, scope, [role])).toMatch(/&expand=role%3Aarn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FOps$/);
    expect(graph.apiHref({ focus, scope, expand: [role, 'root:111122223333'] })).toBe(
      '/api/graph?focus=session%3AAROAEXAMPLEID12345%3Asara&from=2026-11-18T11%3A00%3A00Z&to=2026-11-19T11%3A00%3A00Z&expand=role%3Aarn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FOps&expand=root%3A111122223333',
    );
    expect(graph.queryKey({ focus, scope, expand: ['root:111122223333', role] })).toEqual(graph.queryKey({ focus, scope, expand: [role, 'root:111122223333'] }));
  });

  it('writes the view into a URL and reads it back through the schema', () => {
    const url = new URL(`http://localhost/roles/x?tab=graph&from=${scope.from}&expand=stale`);
    graph.writeGraphView(url, { expand: [role], selected: focus, path: true });
    expect(url.searchParams.get('tab')).toBe('graph');
    expect(graph.parseGraphView(url.searchParams)).toEqual({ ok: true, view: { expand: [role], selected: focus, path: true } });
    graph.writeGraphView(url, { expand: [], selected: null, path: false });
    expect([...url.searchParams.keys()]).toEqual(['tab', 'from']);
    expect(graph.parseGraphView(new URLSearchParams('expand=role:not-an-arn'))).toMatchObject({ ok: false, parameter: 'expand' });
  });
});

describe('list and profile search-params', () => {
  it('leave the default sort and empty filters out, as the pages always did', async () => {
    const roleSessions = await import('@/app/(dashboard)/role-sessions/search-params');
    const findings = await import('@/app/(dashboard)/findings/search-params');
    const events = await import('@/app/(dashboard)/events/search-params');
    const roles = await import('@/app/(dashboard)/roles/[roleArn]/search-params');
    expect(roleSessions.toHref(scope, { role: 'Ops', sort: 'last_seen', order: 'desc', account: '' })).toBe('/role-sessions?from=2026-11-18T11%3A00%3A00Z&to=2026-11-19T11%3A00%3A00Z&role=Ops');
    expect(roleSessions.toHref({ from: '', to: '' }, {})).toBe('/role-sessions');
    const p = findings.queryParams.parse({ severity: 'High' });
    expect(findings.toHref(scope, p, { sort: 'lastSeen', order: 'asc' })).toBe('/findings?from=2026-11-18T11%3A00%3A00Z&to=2026-11-19T11%3A00%3A00Z&severity=High&sort=lastSeen&order=asc');
    expect(findings.runDetectionsHref(scope)).toBe('/api/detections/run?from=2026-11-18T11%3A00%3A00Z&to=2026-11-19T11%3A00%3A00Z');
    expect(events.toHref(scope, { principal: 'AROAEXAMPLEID12345:sara', errorCode: '*' })).toBe(
      '/events?from=2026-11-18T11%3A00%3A00Z&to=2026-11-19T11%3A00%3A00Z&principal=AROAEXAMPLEID12345%3Asara&errorCode=*',
    );
    expect(roles.toHref('arn:aws:iam::111122223333:role/Ops', scope, { tab: 'graph' })).toBe(
      '/roles/arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FOps?from=2026-11-18T11%3A00%3A00Z&to=2026-11-19T11%3A00%3A00Z&tab=graph',
    );
  });
});
