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
    expect(graph.toHref(focus, scope, [role, 'root:111122223333'])).toBe(
      '/graph?from=2026-11-18T11%3A00%3A00Z&to=2026-11-19T11%3A00%3A00Z&focus=session%3AAROAEXAMPLEID12345%3Asara&expand=role%3Aarn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FOps&expand=root%3A111122223333',
    );
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

describe('review and API search-params', () => {
  const roleArn = 'arn:aws:iam::111122223333:role/Vendor';
  const enc = 'arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FVendor';
  const s = 'from=2026-11-18T11%3A00%3A00Z&to=2026-11-19T11%3A00%3A00Z';
  const call = { eventSource: 'iam.amazonaws.com', eventName: 'GenerateCredentialReport' };

  it('link the reviews as their tables always did', async () => {
    const access = await import('@/app/(dashboard)/access/[principalArn]/search-params');
    const hygiene = await import('@/app/(dashboard)/hygiene/search-params');
    const vendors = await import('@/app/(dashboard)/vendors/search-params');
    const vendorRole = await import('@/app/(dashboard)/vendors/[roleArn]/search-params');
    const finding = await import('@/app/(dashboard)/findings/[id]/search-params');
    expect(access.toHref(roleArn, scope)).toBe(`/access/${enc}?${s}`);
    expect(access.toHref(roleArn, scope, { days: 90 })).toBe(`/access/${enc}?${s}&days=90`);
    expect(hygiene.toHref(scope, { sort: 'issues', order: 'desc', show: 'all' })).toBe(`/hygiene?${s}`);
    expect(hygiene.toHref(scope, { sort: 'role', order: 'asc', show: 'flagged', role: 'Ops' })).toBe(`/hygiene?${s}&sort=role&order=asc&show=flagged&role=Ops`);
    expect(vendors.toHref(scope, { sort: 'sessions', order: 'desc' })).toBe(`/vendors?${s}&sort=sessions&order=desc`);
    expect(vendors.toHref(scope)).toBe(`/vendors?${s}`);
    expect(vendorRole.toHref(roleArn, scope)).toBe(`/vendors/${enc}?${s}`);
    expect(vendorRole.toHref(roleArn, scope, call)).toBe(`/vendors/${enc}?${s}&call=iam.amazonaws.com%3AGenerateCredentialReport`);
    expect(vendorRole.queryParams.parse({ call: 'iam.amazonaws.com:GenerateCredentialReport' }).call).toEqual(call);
    expect(finding.toHref('gd:abc/1')).toBe('/findings/gd%3Aabc%2F1');
  });

  it('name the API routes the client components call', async () => {
    const vendorRole = await import('@/app/(dashboard)/vendors/[roleArn]/search-params');
    const access = await import('@/app/(dashboard)/access/search-params');
    const users = await import('@/app/(dashboard)/admin/users/search-params');
    expect(vendorRole.csvHref(roleArn, scope, 'identities', call)).toBe(`/api/vendors/${enc}?${s}&format=csv&table=identities&call=iam.amazonaws.com%3AGenerateCredentialReport`);
    expect(vendorRole.csvHref(roleArn, scope, 'calls')).toBe(`/api/vendors/${enc}?${s}&format=csv&table=calls`);
    expect(vendorRole.expectedActionsApiHref(roleArn)).toBe(`/api/vendors/${enc}/expected-actions`);
    expect(access.authorizationDetailsApiHref()).toBe('/api/access/authorization-details');
    expect(access.authorizationDetailsApiHref('111122223333')).toBe('/api/access/authorization-details?account=111122223333');
    expect(users.userApiHref('sso:a b/c')).toBe('/api/admin/users/sso%3Aa%20b%2Fc');
  });
});

describe('route paths', () => {
  it('are the paths the nav, the review tabs and the forms always named', async () => {
    const routes = await Promise.all([
      import('@/app/(dashboard)/findings/search-params'),
      import('@/app/(dashboard)/role-sessions/search-params'),
      import('@/app/(dashboard)/events/search-params'),
      import('@/app/(dashboard)/vendors/search-params'),
      import('@/app/(dashboard)/hygiene/search-params'),
      import('@/app/(dashboard)/access/search-params'),
      import('@/app/(dashboard)/search/search-params'),
      import('@/app/(dashboard)/admin/audit/search-params'),
      import('@/app/(dashboard)/admin/users/search-params'),
    ]);
    expect(routes.map((r) => r.path)).toEqual(['/findings', '/role-sessions', '/events', '/vendors', '/hygiene', '/access', '/search', '/admin/audit', '/admin/users']);
    expect(graph.path).toBe('/graph');
  });
});
