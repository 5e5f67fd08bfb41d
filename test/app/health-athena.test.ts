import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AthenaClient } from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { addIsoDays, isoDay } from '@/lib/time';
import { MB, simulateAthena } from '@/test/fixtures/athena-trail';
import { adminRouteTests, statusAndBody } from '@/test/fixtures/route-harness';
import { tableMetadata } from '@/test/fixtures/table-metadata';

/**
 * The health answer on Athena (issue 12, defect 8): the data range without a count (counting would
 * read the whole trail), and a warning for each account or region that exists but the table's enum
 * projections do not list. Only AWS's API is mocked.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailscope-health-'));
const session = vi.hoisted(() => ({ current: null as { user: { name: string; role: string } } | null }));
vi.mock('@/auth', () => ({ auth: vi.fn(async () => session.current) }));
vi.mock('@/lib/env', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/env')>();
  const e = actual.parseEnv({
    TRAILSCOPE_DATA_DIR: dataDir,
    TRAILSCOPE_ENGINE: 'athena',
    TRAILSCOPE_ATHENA_DATABASE: 'trails',
    TRAILSCOPE_ATHENA_TABLE: 'cloudtrail_logs',
    TRAILSCOPE_ATHENA_WORKGROUP: 'trailscope',
    AWS_REGION: 'us-east-1',
    // The organisation has a third account, which joined after the table was made.
    TRAILSCOPE_ORG_ACCOUNTS: '111122223333,444455556666,777788889999',
  });
  return { ...actual, env: () => e };
});

const athena = mockClient(AthenaClient);
afterAll(() => athena.restore());
adminRouteTests(session, dataDir);

const today = isoDay(Date.now());
const ACCOUNTS = ['111122223333', '444455556666'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const log = simulateAthena(athena, {
  firstDay: addIsoDays(today, -90),
  lastDay: today,
  bytesPerDay: 10 * MB,
  accounts: ACCOUNTS,
  regions: REGIONS,
  // A principal of the trail assumes a role in an account the projection does not list; an event
  // names a region it does not list either.
  assumedAccounts: ['123412341234'],
  eventRegions: ['ap-southeast-7'],
  metadata: tableMetadata('aws', 'projected-date', { startDate: addIsoDays(today, -90).replaceAll('-', '/'), accounts: ACCOUNTS, regions: REGIONS }),
});

const route = await import('@/app/api/health/route');
const get = async () => statusAndBody(await route.GET(new NextRequest('http://localhost/api/health'), { params: Promise.resolve({}) }));

describe('GET /api/health on Athena', () => {
  it('answers the true range, no count, and the accounts and regions the projection does not read', async () => {
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body).toMatchObject({ engine: 'athena', eventCount: null, firstEventTime: `${addIsoDays(today, -90)}T00:00:00Z`, lastEventTime: `${today}T23:55:00Z` });
    expect(body.warnings).toEqual([
      expect.objectContaining({ key: 'account', values: ['777788889999'], message: expect.stringContaining('TRAILSCOPE_ORG_ACCOUNTS names account 777788889999') }),
      expect.objectContaining({ key: 'account', values: ['123412341234'], message: expect.stringContaining('roles assumed there from your accounts') }),
      expect.objectContaining({ key: 'region', values: ['ap-southeast-7'] }),
    ]);
    expect(body.warnings[0].message).toContain("ALTER TABLE trails.cloudtrail_logs SET TBLPROPERTIES ('projection.account.values'='111122223333,444455556666,777788889999')");
  });

  it('a second health check reads nothing more from the trail', async () => {
    const before = log.length;
    expect((await get()).status).toBe(200);
    expect(log.slice(before)).toEqual([]);
  });
});
