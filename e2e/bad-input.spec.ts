import { request as playwrightRequest, type APIRequestContext } from '@playwright/test'; // eslint-disable-line no-restricted-imports -- API contexts only, no pages
import { ADMIN_STORAGE_STATE } from '../playwright.config';
import { routeTable, type RouteEntry } from '../test/app/route-table';
import { PAGE_QUERY_NAMES, PROBE_PAYLOADS, SAMPLE_PATH_PARAMS, SAMPLE_QUERY } from '../test/app/route-samples';
import { expect, test } from './fixtures';

/**
 * Issue 11: hostile and broken input in every path segment and query parameter of every page of
 * the running app, signed in as an admin. No page answers 500, a refused link answers 4xx with its
 * message, and no payload comes back as live markup. The API routes get the same payloads through
 * their handlers in test/bad-input-probes.test.ts.
 */

const baseURL = process.env.TRAILSCOPE_E2E_URL ?? 'http://127.0.0.1:3100';
const MARKUP = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];
let admin: APIRequestContext;

test.beforeAll(async () => {
  admin = await playwrightRequest.newContext({ baseURL, storageState: ADMIN_STORAGE_STATE });
});
test.afterAll(async () => admin.dispose());

const pages = routeTable().filter((r) => r.kind === 'page' && r.methods.GET?.kind !== 'public');

function pathWith(route: RouteEntry, override?: { name: string; encoded: string }): string {
  return route.pattern.replace(/\[([^\]]+)\]/g, (_m, name: string) => (override?.name === name ? override.encoded : encodeURIComponent(SAMPLE_PATH_PARAMS[name] ?? '')));
}

interface Answer {
  where: string;
  status: number;
  body: string;
}

async function probeAll(targets: { where: string; url: string }[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  // Four at a time: the server has two cores and the suite has a budget.
  for (let i = 0; i < targets.length; i += 4) {
    const batch = targets.slice(i, i + 4);
    answers.push(
      ...(await Promise.all(
        batch.map(async ({ where, url }) => {
          const response = await admin.get(url, { maxRedirects: 0 });
          return { where, status: response.status(), body: await response.text() };
        }),
      )),
    );
  }
  return answers;
}

function problems(answers: Answer[]): string[] {
  return answers.flatMap((a) => [
    ...(a.status >= 500 ? [`${a.where}: ${a.status}`] : []),
    ...MARKUP.filter((m) => a.body.includes(m)).map((m) => `${a.where}: reflected ${m}`),
  ]);
}

test('every payload in every page path segment: no 500, no markup reflected', async () => {
  test.setTimeout(300_000);
  const targets = pages.flatMap((route) =>
    route.params.flatMap((name) =>
      PROBE_PAYLOADS.flatMap((payload) =>
        [encodeURIComponent(payload), payload.replace(/[/?#]/g, encodeURIComponent)].map((encoded) => ({
          where: `${route.pattern} [${name}]=${JSON.stringify(payload.slice(0, 30))}`,
          url: pathWith(route, { name, encoded }),
        })),
      ),
    ),
  );
  const answers = await probeAll(targets);
  console.log(`page path-segment probes: ${answers.length}, refused as 4xx: ${answers.filter((a) => a.status >= 400 && a.status < 500).length}`);
  expect(problems(answers)).toEqual([]);
});

test('a hostile value in every query parameter of every page: no 500, no markup reflected', async () => {
  test.setTimeout(600_000);
  const targets = pages.flatMap((route) =>
    PAGE_QUERY_NAMES.map((name, i) => {
      const query = new URLSearchParams(SAMPLE_QUERY[route.pattern] ?? '');
      // Each parameter gets markup, an injection or a broken value in turn.
      query.set(name, [MARKUP[0], "' OR '1'='1", '2026-02-30T00:00:00Z', MARKUP[1], '%E0%A4%A'][i % 5] as string);
      return { where: `${route.pattern}?${name}`, url: `${pathWith(route)}?${query}` };
    }),
  );
  const answers = await probeAll(targets);
  console.log(`page query-parameter probes: ${answers.length}, refused as 4xx: ${answers.filter((a) => a.status >= 400 && a.status < 500).length}`);
  expect(problems(answers)).toEqual([]);
});

test('a refused link says which parameter, with a 4xx status', async ({ page }) => {
  const response = await page.goto('/events?from=2026-02-30T00:00:00Z');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('This link has an invalid parameter')).toBeVisible();
  await expect(page.locator('code', { hasText: 'from' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/invalid-link.png', fullPage: true });
});
