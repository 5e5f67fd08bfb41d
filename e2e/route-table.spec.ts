import { request as playwrightRequest, type APIRequestContext } from '@playwright/test'; // eslint-disable-line no-restricted-imports -- API contexts only, no pages
import { ADMIN_STORAGE_STATE, e2eEnv } from '../playwright.config';
import { SAMPLE_PATH_PARAMS as SAMPLE_PARAMS, SAMPLE_QUERY } from '../test/app/route-samples';
import { HTTP_METHODS, routeTable, type Access, type HttpMethod, type RouteEntry } from '../test/app/route-table';
import { expect, signedInContext, test } from './fixtures';
import { roleAtLeast } from '../lib/auth/roles';

/**
 * Issue 11: every page and API route × method × identity, generated from the app/ tree, against
 * the running app. A route added without a declared role fails test/app/route-table.test.ts; one whose
 * answers differ from its declaration fails here.
 */

const IDENTITIES = ['signed out', 'wrong token', 'api token', 'viewer', 'analyst', 'admin'] as const;
type Identity = (typeof IDENTITIES)[number];

/** Hole 1: a last segment that merely ends like an asset must not skip the gate. */
const ASSET_SUFFIXES = ['.png', '.jpg', '.svg', '.ico', '.woff2', '.js', '.css'];

let findingId = '';
let incidentId = '';
const contexts = {} as Record<Identity, APIRequestContext>;
const baseURL = process.env.TRAILSCOPE_E2E_URL ?? 'http://127.0.0.1:3100';

test.beforeAll(async ({ browser }) => {
  const analyst = await signedInContext(browser, 'analyst');
  const triager = await signedInContext(browser, 'triager');
  contexts['signed out'] = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  contexts['wrong token'] = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { authorization: 'Bearer not-a-configured-token-0123456789' } });
  contexts['api token'] = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { authorization: `Bearer ${e2eEnv('TRAILSCOPE_E2E_API_TOKEN')}` } });
  contexts.viewer = await playwrightRequest.newContext({ baseURL, storageState: await analyst.storageState() });
  contexts.analyst = await playwrightRequest.newContext({ baseURL, storageState: await triager.storageState() });
  contexts.admin = await playwrightRequest.newContext({ baseURL, storageState: ADMIN_STORAGE_STATE });
  await analyst.close();
  await triager.close();
  const findings = (await (await contexts.admin.get('/api/findings?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z')).json()) as { findings: { id: string }[] };
  findingId = findings.findings[0]?.id ?? 'gd-0000000000000000';
  // Incidents appear once the app's loop has resolved the findings' origins, seconds after start.
  await expect
    .poll(async () => {
      const listed = (await (await contexts.admin.get('/api/incidents?status=all&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z')).json()) as { incidents: { id: string }[] };
      incidentId = listed.incidents[0]?.id ?? '';
      return incidentId;
    }, { timeout: 60_000 })
    .not.toBe('');
});

test.afterAll(async () => {
  await Promise.all(Object.values(contexts).map((c) => c.dispose()));
});

function urlOf(route: RouteEntry, lastSuffix = ''): string {
  const path = route.params.reduce((p, name, i) => {
    const value = name === 'id' ? (route.pattern.includes('/incidents/') ? incidentId : route.pattern.includes('/findings/') ? findingId : SAMPLE_PARAMS[name]) : SAMPLE_PARAMS[name];
    if (value === undefined) throw new Error(`Add a sample value for [${name}] (${route.file}) to SAMPLE_PARAMS`);
    const encoded = encodeURIComponent(value) + (i === route.params.length - 1 ? lastSuffix : '');
    return p.replace(/\[(?:\.\.\.)?[^\]]+\]/, encoded);
  }, route.pattern);
  const query = SAMPLE_QUERY[route.pattern];
  return query ? `${path}?${query}` : path;
}

type Expected = number | 'passes the gate';

/** What each identity must get: the whole security model in one function. */
function expected(route: RouteEntry, method: HttpMethod, who: Identity): Expected {
  const access: Access | undefined = route.methods[method];
  if (route.kind === 'page') {
    // The sign-in page sends a signed-in visitor on to where they were going.
    if (access?.kind === 'public') return who === 'viewer' || who === 'analyst' || who === 'admin' ? 307 : 200;
    if (who === 'signed out' || who === 'wrong token' || who === 'api token') return 307; // pages take no tokens
    if (access?.kind === 'role' && !roleAtLeast(who, access.role)) return 403;
    return 200;
  }
  if (access?.kind === 'public') return 'passes the gate';
  if (who === 'signed out' || who === 'wrong token') return 401;
  if (!access) return 405;
  if (access.kind !== 'role') throw new Error(`${method} ${route.pattern} declares no role`);
  if (!roleAtLeast(who === 'api token' ? 'viewer' : who, access.role)) return 403;
  return method === 'GET' ? 200 : 'passes the gate';
}

function matches(status: number, want: Expected): boolean {
  return want === 'passes the gate' ? status < 500 && ![401, 403, 405].includes(status) : status === want;
}

const table = routeTable();

test('every route × method × identity answers as declared', async () => {
  test.setTimeout(600_000);
  const wrong: string[] = [];
  let checked = 0;
  for (const route of table) {
    const methods = route.kind === 'page' ? (['GET'] as const) : HTTP_METHODS;
    for (const method of methods) {
      // Auth.js's POST endpoints need its CSRF token; its own gate is not ours to probe.
      if (route.pattern.startsWith('/api/auth/')) continue;
      for (const who of IDENTITIES) {
        const url = urlOf(route);
        const headers: Record<string, string> = method === 'GET' ? {} : { origin: baseURL, 'content-type': 'application/json' };
        const response = await contexts[who].fetch(url, { method, headers, data: method === 'GET' ? undefined : '', maxRedirects: 0 });
        const want = expected(route, method, who);
        checked++;
        if (!matches(response.status(), want)) wrong.push(`${who} ${method} ${url}: ${response.status()}, expected ${want}`);
        if (response.status() === 307 && route.methods[method]?.kind !== 'public' && !(response.headers().location ?? '').startsWith('/sign-in')) wrong.push(`${who} ${method} ${url}: redirects to ${response.headers().location}`);
      }
    }
  }
  console.log(`route table: ${table.length} routes, ${checked} route × method × identity requests, ${wrong.length} unexpected`);
  expect(wrong).toEqual([]);
});

test('a page path that ends like an image or font still needs sign-in (hole 1)', async () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const route of table.filter((r) => r.kind === 'page' && r.params.length > 0)) {
    for (const suffix of ASSET_SUFFIXES) {
      const url = urlOf(route, suffix);
      const response = await contexts['signed out'].get(url, { maxRedirects: 0 });
      checked++;
      if (response.status() !== 307 || !(response.headers().location ?? '').startsWith('/sign-in')) wrong.push(`${url}: ${response.status()}`);
    }
  }
  console.log(`asset-suffixed page paths: ${checked} checked`);
  expect(wrong).toEqual([]);
});

test('cookie-authenticated writes from another origin are refused (hole 5)', async () => {
  const writes = table.filter((r) => r.kind === 'api').flatMap((r) => (Object.keys(r.methods) as HttpMethod[]).filter((m) => m !== 'GET' && !r.pattern.startsWith('/api/auth/')).map((m) => [r, m] as const));
  expect(writes.length).toBeGreaterThan(4);
  for (const [route, method] of writes) {
    for (const origin of ['http://127.0.0.1:4999', 'null', 'https://evil.example']) {
      const response = await contexts.admin.fetch(urlOf(route), { method, headers: { origin, 'content-type': 'application/json' }, data: '{}', maxRedirects: 0 });
      expect(response.status(), `${method} ${route.pattern} from ${origin}`).toBe(403);
    }
    const sameSite = await contexts.admin.fetch(urlOf(route), { method, headers: { 'sec-fetch-site': 'same-site' }, data: '{}', maxRedirects: 0 });
    expect(sameSite.status(), `${method} ${route.pattern} with Sec-Fetch-Site: same-site`).toBe(403);
  }
});
