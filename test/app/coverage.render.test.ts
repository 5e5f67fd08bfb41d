import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { parseEnv } from '@/lib/env';
import { SARA } from '@/lib/generator/scenarios';
import type { CoverageGap } from '@/lib/coverage/coverage';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { adminRouteTests, statusAndBody } from '@/test/fixtures/route-harness';

/**
 * GET /api/coverage and the coverage page on the scenario store (seed 7, 20k events: sara stops
 * demo-trail-2 two days before the end and nothing restarts it), and GapNotice as other pages will
 * render it.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-coverage-route-'));
const holder = vi.hoisted(() => ({ conn: null as unknown }));
const session = vi.hoisted(() => ({ current: null as { user: { name: string; role: string } } | null }));

vi.mock('@/auth', () => ({ auth: vi.fn(async () => session.current) }));
vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  return { ...actual, env: () => parseEnv({ TRAILSCOPE_DATA_DIR: dataDir }) };
});
vi.mock('@/lib/engine', () => ({ getConnection: async () => holder.conn }));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('next/navigation', () => ({
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
  useRouter: () => ({ push: () => undefined, refresh: () => undefined }),
  usePathname: () => '/coverage',
  useSearchParams: () => new URLSearchParams(),
}));
vi.mock('@/lib/http/invalid-link', () => ({
  linkIsValid: async () => undefined,
  invalidLink: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
}));

const connection = scenarioConnection();
adminRouteTests(session, dataDir);

const route = await import('@/app/api/coverage/route');
const get = (query: string) => route.GET(new NextRequest(`http://localhost/api/coverage${query}`), { params: Promise.resolve({}) });
const SCOPE = '?from=2026-11-10T00:00:00Z&to=2026-11-20T00:00:00Z';

beforeAll(() => {
  holder.conn = connection();
});

describe('GET /api/coverage', () => {
  it('answers cells per account × region × day and the gaps, with the queries behind them', async () => {
    const { status, body } = await statusAndBody(await get(SCOPE));
    expect(status).toBe(200);
    const { cells, gaps, queries, scope } = body as { cells: { accountId: string; region: string; day: string; events: number; files: number }[]; gaps: CoverageGap[]; queries: { sql: string }[]; scope: unknown };
    expect(scope).toEqual({ from: '2026-11-10T00:00:00Z', to: '2026-11-20T00:00:00Z' });
    expect(new Set(cells.map((c) => c.day)).size).toBe(10);
    const busy = cells.find((c) => c.accountId === SARA.ssoRole.accountId && c.region === 'us-east-1' && c.day === '2026-11-15');
    expect(busy?.events).toBeGreaterThan(0);
    expect(busy?.files).toBeGreaterThan(0);
    expect(gaps).toContainEqual(
      expect.objectContaining({ kind: 'logging-stopped', accountId: SARA.ssoRole.accountId, region: 'us-east-1', trailName: SARA.trailName, to: '2026-11-20T00:00:00Z', open: true }),
    );
    for (const g of gaps) expect(Object.keys(g)).toEqual(expect.arrayContaining(['accountId', 'region', 'from', 'to', 'reason']));
    // The counts, the hours with trail calls (from the summary), and the calls of those hours.
    expect(queries).toHaveLength(3);
    expect(queries[0]?.sql).toContain('source_file');
    expect(queries[1]?.sql).toContain('cloudtrail_hourly');
  });

  it.each([
    ['from=yesterday', 'from'],
    ['from=2026-11-20T00:00:00Z&to=2026-11-10T00:00:00Z', 'from'],
    ['from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from'],
    ["to=2026-11-20T00:00:00Z' OR '1'='1", 'to'],
  ])('refuses %s with a 400 naming the parameter', async (query, parameter) => {
    const { status, body } = await statusAndBody(await get(`?${query}`));
    expect(status).toBe(400);
    expect(body).toMatchObject({ parameter, message: expect.any(String) });
  });

  it('needs a signed-in viewer', async () => {
    session.current = null;
    expect((await get(SCOPE)).status).toBe(401);
    session.current = { user: { name: 'viewer', role: 'viewer' } };
    expect((await get(SCOPE)).status).toBe(200);
  });
});

describe('the coverage page', () => {
  it('renders the heat map, the gap list with its drill-downs, and both queries', async () => {
    const { default: Page } = await import('@/app/(dashboard)/coverage/page');
    const out = renderToString(await (Page({ searchParams: Promise.resolve({ from: '2026-11-10T00:00:00Z', to: '2026-11-20T00:00:00Z' }) }) as Promise<ReactElement>));
    expect(out).toContain('data-testid="coverage-heat-map"');
    expect(out.match(/data-testid="coverage-cell"/g)?.length).toBeGreaterThanOrEqual(10 * 3);
    expect(out).toContain('data-kind="logging-stopped"');
    expect(out).toContain(`No logs from account ${SARA.ssoRole.accountId} in`);
    expect(out).toContain('href="/events?from=2026-11-15T00%3A00%3A00Z&amp;to=2026-11-16T00%3A00%3A00Z&amp;account=');
    expect(out).toContain('Show SQL (events per hour, events and delivery files per day)');
    expect(out).toContain('Show SQL (trail stops, starts, deletions and updates)');
  });
});

describe('GapNotice', () => {
  it('renders nothing without gaps, and the sentence and reason for each', async () => {
    const { GapNotice } = await import('@/components/coverage/gap-notice');
    expect(renderToString(createElement(GapNotice, { gaps: [] }))).toBe('');
    const gap: CoverageGap = {
      kind: 'no-delivery',
      accountId: '123456789012',
      region: 'eu-west-1',
      from: '2026-11-12T10:00:00Z',
      to: '2026-11-12T16:00:00Z',
      reason: 'No events for 6 hours where the 12 hours on each side averaged 20 an hour.',
      open: false,
      eventIds: [],
      hours: 6,
      ratePerHour: 20,
      expectedEvents: 120,
      longestOtherSilenceHours: 0,
      trailName: null,
      trailArn: null,
      stoppedBy: null,
      multiRegion: null,
      organization: null,
    };
    const out = renderToString(createElement(GapNotice, { gaps: [gap] }));
    expect(out).toContain('No logs from account 123456789012 in region eu-west-1 between 2026-11-12 10:00:00 UTC and 2026-11-12 16:00:00 UTC: the absence of events there is not evidence.');
    expect(out).toContain('averaged 20 an hour');
  });

  it('ScopeGapNotice loads the gaps of a scope, a stopped trail counting for its account', async () => {
    const { ScopeGapNotice } = await import('@/components/coverage/gap-notice');
    const scope = { from: '2026-11-18T00:00:00Z', to: '2026-11-19T00:00:00Z' };
    const conn = connection();
    const out = renderToString(await ScopeGapNotice({ conn, scope, accountId: SARA.ssoRole.accountId, region: 'us-east-1' }));
    expect(out).toContain(`No logs from account ${SARA.ssoRole.accountId} in region us-east-1 between`);
    expect(out).toContain('StopLogging');
    expect(renderToString(await ScopeGapNotice({ conn, scope, accountId: '999999999999' }))).toBe('');
  });
});
