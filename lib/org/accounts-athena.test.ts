import { AthenaClient } from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { addIsoDays, isoDay } from '@/lib/time';
import { MB, openMockedAthena, simulateAthena, summarise } from '@/test/fixtures/athena-trail';
import { tableMetadata } from '@/test/fixtures/table-metadata';
import { organisationAccounts } from './accounts';

/**
 * Inferring the organisation's accounts reads 30 days of the trail; on Athena (issue 12, defect 4)
 * that must happen once in hours, not every five minutes, and must not re-read the data range.
 */
const athena = mockClient(AthenaClient);
afterAll(() => athena.restore());
afterEach(() => vi.restoreAllMocks());

describe('organisation accounts on Athena', () => {
  it('infers them once, and serves them for hours', async () => {
    const today = isoDay(Date.now());
    const accounts = ['111122223333', '444455556666'];
    const log = simulateAthena(athena, {
      firstDay: addIsoDays(today, -60),
      lastDay: today,
      bytesPerDay: 10 * MB,
      accounts,
      regions: ['us-east-1'],
      metadata: tableMetadata('project', 'projected-date', { startDate: addIsoDays(today, -60).replaceAll('-', '/'), accounts, regions: ['us-east-1'] }),
    });
    const conn = await openMockedAthena();
    expect(await organisationAccounts(conn)).toEqual({ accounts, source: 'inferred' });
    const now = Date.now();
    for (const minutes of [6, 60, 5 * 60]) {
      vi.spyOn(Date, 'now').mockReturnValue(now + minutes * 60_000);
      expect((await organisationAccounts(conn)).accounts).toEqual(accounts);
    }
    expect(summarise(log).panels['organisation-account-activity']).toBe(1);
  });
});
