import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AthenaClient } from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { renderToString } from 'react-dom/server';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { addIsoDays, isoDay } from '@/lib/time';
import { MB, openMockedAthena, simulateAthena } from '@/test/fixtures/athena-trail';
import { tableMetadata } from '@/test/fixtures/table-metadata';

/**
 * The overview page on Athena, rendered without a Next build against a mocked Athena: the true
 * data range, no event count (it would read the whole trail), and a warning for the account the
 * table's projection does not list (issue 12, defects 3, 4 and 8).
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-overview-athena-'));
const holder = vi.hoisted(() => ({ conn: null as unknown }));
vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  const e = actual.parseEnv({ TRAILSCOPE_DATA_DIR: dataDir, TRAILSCOPE_ENGINE: 'athena', TRAILSCOPE_ORG_ACCOUNTS: '111122223333,777788889999' });
  return { ...actual, env: () => e };
});
vi.mock('@/lib/engine', () => ({ getConnection: async () => holder.conn }));
vi.mock('@/lib/http/invalid-link', () => ({ linkIsValid: async () => undefined, invalidLink: () => null }));
vi.mock('next/navigation', () => ({
  useRouter: () => ({ push: () => undefined, refresh: () => undefined }),
  usePathname: () => '/',
  useSearchParams: () => new URLSearchParams(),
}));

const athena = mockClient(AthenaClient);
afterAll(() => {
  athena.restore();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the overview on Athena', () => {
  it('shows the first and last events, no count, and the logs the table does not read', async () => {
    const today = isoDay(Date.now());
    const accounts = ['111122223333'];
    simulateAthena(athena, {
      firstDay: addIsoDays(today, -200),
      lastDay: addIsoDays(today, -45),
      bytesPerDay: MB,
      accounts,
      regions: ['us-east-1'],
      metadata: tableMetadata('aws-legacy', 'projected-date', { startDate: addIsoDays(today, -365).replaceAll('-', '/'), accounts: ['111122223333', '444455556666'], regions: ['us-east-1'] }),
    });
    holder.conn = await openMockedAthena();
    const { default: Page } = await import('@/app/(dashboard)/page');
    const html = renderToString(await Page({ searchParams: Promise.resolve({}) }));
    expect(html).toContain('data-testid="stat-events-stored">—<');
    expect(html).toContain('not counted: it would read the whole trail');
    expect(html).toContain('data-testid="projection-warnings"');
    expect(html).toContain('TRAILSCOPE_ORG_ACCOUNTS names account 777788889999');
    expect(html).not.toContain('No CloudTrail events');
  });
});
