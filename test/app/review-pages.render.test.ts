import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReactElement } from 'react';
import { parseEnv } from '@/lib/env';
import { GENERIC_SESSION, GITLAB_RUNNER, VENDOR } from '@/lib/generator/scenarios';
import { scenarioConnection } from '@/test/fixtures/scenario-store';

/**
 * The review pages rendered to HTML on the scenario store, without a Next build: every panel,
 * test id, CSV link and drill-down is where the e2e specs will look for it, and a bad URL
 * parameter shows the invalid-link notice.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-review-pages-'));
const holder = vi.hoisted(() => ({ conn: null as unknown }));

vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  return { ...actual, env: () => parseEnv({ TRAILSCOPE_DATA_DIR: dataDir, TRAILSCOPE_VENDOR_NAMES: '444455556666=Acme Monitoring' }) };
});
vi.mock('@/lib/engine', () => ({ getConnection: async () => holder.conn }));
// Pages record their views in the audit log as the signed-in user.
vi.mock('@/auth', () => ({ auth: async () => ({ user: { name: 'admin', role: 'admin' } }) }));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
// Outside a server render React's cache() has no request to hold the refused link: keep the last one here.
const refusedLink = vi.hoisted(() => ({ parameter: undefined as string | undefined }));
vi.mock('@/lib/http/invalid-link', () => ({
  linkIsValid: async () => undefined,
  invalidLink: (details: { parameter: string }) => {
    refusedLink.parameter = details.parameter;
    throw new Error('NEXT_NOT_FOUND');
  },
}));
vi.mock('next/navigation', () => ({
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
  useRouter: () => ({ push: () => undefined, refresh: () => undefined }),
  usePathname: () => '/',
  useSearchParams: () => new URLSearchParams(),
}));

const connection = scenarioConnection();
const scope = { from: '2026-09-11T00:00:00Z', to: '2026-11-20T00:00:00Z' };
const sp = (extra: Record<string, string> = {}) => Promise.resolve({ ...scope, ...extra });

async function html(page: Promise<ReactElement>): Promise<string> {
  return renderToString(await page);
}

beforeAll(async () => {
  holder.conn = connection();
  const { parseAuthorizationDetails } = await import('@/lib/reviews/policy/authorization-details');
  const { saveAuthorizationDetails } = await import('@/lib/reviews/state/authorization-details-store');
  const parsed = parseAuthorizationDetails(fs.readFileSync(path.resolve(__dirname, '../../test/fixtures/authorization-details-production.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  await saveAuthorizationDetails(parsed.details, 'prod.json', 'admin');
});
afterAll(async () => {
  const { closeStateDb } = await import('@/lib/state/db');
  await closeStateDb();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('review pages render', () => {
  it('/vendors: the inventory with the vendor, its trust policy, CSV and SQL', async () => {
    const { default: Page } = await import('@/app/(dashboard)/vendors/page');
    const out = await html(Page({ searchParams: sp() }));
    expect(out).toContain('data-testid="vendor-roles-table"');
    expect(out).toContain('VendorReadOnly');
    expect(out).toContain('Acme Monitoring');
    expect(out).toContain('never used');
    expect(out).toMatch(/href="\/api\/vendors\?[^"]*format=csv"[^>]*download="vendor-roles.csv"|download="vendor-roles.csv"[^>]*href="\/api\/vendors\?[^"]*format=csv/);
    expect(out).toContain('/events?');
    expect(out).toContain('Show SQL');
  });

  it('/vendors/[roleArn]: unexpected calls, rate, throttling, cost, callers and the identities of a call', async () => {
    const { default: Page } = await import('@/app/(dashboard)/vendors/[roleArn]/page');
    const out = await html(Page({ params: Promise.resolve({ roleArn: encodeURIComponent(VENDOR.role.arn) }), searchParams: sp({ call: 'iam.amazonaws.com:GenerateCredentialReport' }) }));
    for (const id of ['unexpected-calls-table', 'vendor-calls-table', 'assume-callers-table', 'rate-chart', 'throttled-table', 'cost-calls-table', 'call-identities-table', 'expected-actions-editor', 'csv-unexpected', 'vendor-report-link']) {
      expect(out, id).toContain(`data-testid="${id}"`);
    }
    expect(out).toContain('!iam:Generate*');
    expect(out).toContain('Client.RequestLimitExceeded');
    expect(out).toContain('GetCostAndUsage');
    expect(out).toContain(VENDOR.callerUser.arn);
  });

  it('/vendors/[roleArn]/report: the printable report, without the editor', async () => {
    const { default: Page } = await import('@/app/(dashboard)/vendors/[roleArn]/report/page');
    const out = await html(Page({ params: Promise.resolve({ roleArn: encodeURIComponent(VENDOR.role.arn) }), searchParams: sp() }));
    expect(out).toContain('data-testid="vendor-report"');
    expect(out).toContain('data-print-root');
    expect(out).not.toContain('data-testid="expected-actions-editor"');
    expect(out).toContain('data-testid="print-report"');
  });

  it('/hygiene: MyBucketRole flagged with its recommendation', async () => {
    const { default: Page } = await import('@/app/(dashboard)/hygiene/page');
    const out = await html(Page({ searchParams: sp({ show: 'flagged' }) }));
    expect(out).toContain('data-testid="hygiene-table"');
    expect(out).toContain(`data-role="${GENERIC_SESSION.role.name}"`);
    expect(out).toContain('sts:RoleSessionName');
    expect(out).toContain('data-testid="csv-hygiene"');
  });

  it('/access and /access/[principalArn]: the list, and S3 never used by the runner', async () => {
    const { default: Index } = await import('@/app/(dashboard)/access/page');
    const index = await html(Index({ searchParams: sp() }));
    expect(index).toContain('data-testid="access-index-table"');
    expect(index).toContain('LegacyDeployRole');
    expect(index).toContain('data-testid="auth-details-upload"');
    const { default: Page } = await import('@/app/(dashboard)/access/[principalArn]/page');
    const out = await html(Page({ params: Promise.resolve({ principalArn: encodeURIComponent(GITLAB_RUNNER.role.arn) }), searchParams: sp({ days: '30' }) }));
    expect(out).toMatch(/data-service="s3" data-status="never-used"/);
    expect(out).toContain('data-testid="suggested-policy"');
    expect(out).toContain('data-testid="deny-unused"');
    expect(out).toMatch(/data-testid="days-30" aria-current="true"/);
    // iam:PassRole is checked, never logged: not a service to deny.
    expect(out).toMatch(/data-service="iam" data-status="unknown"/);
  });

  it('a bad parameter answers 404 naming it, never an error page', async () => {
    /** The page refuses its link (notFound, rendered as 404 by the dashboard's not-found page) and says which parameter. */
    const refused = async (page: () => Promise<ReactElement>) => {
      await expect(page()).rejects.toThrow('NEXT_NOT_FOUND');
      return refusedLink.parameter;
    };
    const { default: Vendors } = await import('@/app/(dashboard)/vendors/page');
    expect(await refused(() => Vendors({ searchParams: sp({ sort: 'nope' }) }))).toBe('sort');
    const { default: Access } = await import('@/app/(dashboard)/access/[principalArn]/page');
    expect(await refused(() => Access({ params: Promise.resolve({ principalArn: encodeURIComponent(GITLAB_RUNNER.role.arn) }), searchParams: sp({ days: '45' }) }))).toBe('days');
    expect(await refused(() => Access({ params: Promise.resolve({ principalArn: 'arn%3Aaws%3As3%3A%3A%3Abucket' }), searchParams: sp() }))).toBe('principal ARN');
    const { default: Role } = await import('@/app/(dashboard)/vendors/[roleArn]/page');
    expect(await refused(() => Role({ params: Promise.resolve({ roleArn: '%E0%A4%A' }), searchParams: sp() }))).toBe('role ARN');
  });
});
