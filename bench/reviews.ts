import fs from 'node:fs';
import path from 'node:path';
import { createDuckDbConnection } from '@/lib/engine/duckdb/connection';
import { inferFromStore } from '@/lib/org/accounts';
import { runPanel } from '@/lib/engine/panel';
import { getAccessIndex } from '@/lib/reviews/access/index-list';
import { getAccessReview } from '@/lib/reviews/access/review';
import { getHygieneReview } from '@/lib/reviews/hygiene/review';
import { REVIEW_DEFAULT_DAYS } from '@/lib/reviews/params';
import { parseAuthorizationDetails } from '@/lib/reviews/policy/authorization-details';
import { trustPolicyEvents } from '@/lib/reviews/queries/trust-policy-events';
import { resolveReviewScope } from '@/lib/reviews/scope';
import { defaultExpectedActions } from '@/lib/reviews/state/expected-actions-store';
import { getVendorInventory, TRUST_POLICY_LOOKBACK_DAYS } from '@/lib/reviews/vendors/inventory';
import { getVendorRoleReview } from '@/lib/reviews/vendors/role-review';
import { getDataRange } from '@/lib/data-range/get-data-range';
import { benchStore, timeRuns } from './stats';
import { isoUtc } from '@/lib/time';

/**
 * The managers' review pages' data, as each page loads it (data range, then its queries), on the
 * store bench:ingest left, with each page's default scope: /vendors, /vendors/[roleArn] (with one
 * call's identities), /hygiene, /access and /access/[principalArn] (with the authorization-details
 * test fixture as the upload). 50 runs each; the target is a p95 under 2 s.
 *
 * The app-state store is not opened (a running server may hold its lock): expected actions are the
 * defaults and the upload is parsed from the fixture, as the pages would read them.
 */
const { dataDir } = benchStore();
const RUNS = 50;
const TARGET_P95_MS = 2000;
const RUNNER_ROLE = 'arn:aws:iam::123456789012:role/GitlabRunnerRole';

async function main() {
  const conn = await createDuckDbConnection({ dataDir });
  const range = await getDataRange(conn);
  if (!range?.last) throw new Error(`no data in ${dataDir}: run npm run bench:ingest first`);
  const fixture = parseAuthorizationDetails(fs.readFileSync(path.resolve(__dirname, '../test/fixtures/authorization-details-production.json'), 'utf8'));
  if (!fixture.ok) throw new Error(fixture.message);
  const uploads = [fixture.details];

  // The organisation is inferred once per process and cached by the app: timed apart.
  const orgStarted = performance.now();
  const org = await inferFromStore(conn);
  const organisationInferenceMs = Math.round(performance.now() - orgStarted);
  const organisation = { accounts: org.accounts, source: 'inferred' as const };

  const vendorScope = resolveReviewScope({}, range.last, REVIEW_DEFAULT_DAYS.vendors);
  const hygieneScope = resolveReviewScope({}, range.last, REVIEW_DEFAULT_DAYS.hygiene);
  const accessScope = resolveReviewScope({}, range.last, REVIEW_DEFAULT_DAYS.access);

  const vendors = await timeRuns(RUNS, async () => {
    await getDataRange(conn);
    await getVendorInventory(conn, vendorScope, { organisation, vendorNames: {}, uploads });
  });
  const inventory = await getVendorInventory(conn, vendorScope, { organisation, vendorNames: {}, uploads });
  const vendorRole = inventory.roles.sort((a, b) => b.calls - a.calls)[0]?.roleArn;
  if (!vendorRole) throw new Error('no vendor role in the default scope');
  const busiestCall = (await getVendorRoleReview(conn, vendorRole, vendorScope, { expected: defaultExpectedActions(vendorRole) })).calls[0];

  const vendorRolePage = await timeRuns(RUNS, async () => {
    await getDataRange(conn);
    await Promise.all([
      getVendorRoleReview(conn, vendorRole, vendorScope, {
        expected: defaultExpectedActions(vendorRole),
        call: busiestCall ? { eventSource: busiestCall.eventSource, eventName: busiestCall.eventName } : undefined,
      }),
      runPanel(conn, trustPolicyEvents, { from: isoUtc(Date.parse(vendorScope.from) - TRUST_POLICY_LOOKBACK_DAYS * 86_400_000), to: vendorScope.to }),
    ]);
  });
  const hygiene = await timeRuns(RUNS, async () => {
    await getDataRange(conn);
    await getHygieneReview(conn, hygieneScope);
  });
  const accessIndex = await timeRuns(RUNS, async () => {
    await getDataRange(conn);
    await getAccessIndex(conn, accessScope, uploads, { kind: 'all', q: undefined });
  });
  const accessPrincipal = await timeRuns(RUNS, async (i) => {
    await getDataRange(conn);
    await getAccessReview(conn, RUNNER_ROLE, accessScope, { days: [30, 90, 180][i % 3] as number, uploads });
  });

  const pages = { vendorsMs: vendors, vendorRoleMs: vendorRolePage, hygieneMs: hygiene, accessIndexMs: accessIndex, accessPrincipalMs: accessPrincipal };
  const overTarget = Object.entries(pages)
    .filter(([, t]) => t.p95 > TARGET_P95_MS)
    .map(([name]) => name);
  console.log(
    JSON.stringify(
      { store: dataDir, events: range.events, scopes: { vendorScope, hygieneScope, accessScope }, vendorRole, busiestCall: busiestCall ? `${busiestCall.eventSource}:${busiestCall.eventName}` : null, organisationInferenceMs, ...pages, targetP95Ms: TARGET_P95_MS, overTarget },
      null,
      2,
    ),
  );
  await conn.close();
  if (overTarget.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
