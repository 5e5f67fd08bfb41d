import { describe, expect, it } from 'vitest';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { getOverview } from './get-overview';

/** The overview over a scope the store has no events in: zeros and empty lists, not a failed panel. */
describe('overview of an empty scope', () => {
  const conn = scenarioConnection();

  it('answers zero totals and empty breakdowns', async () => {
    const overview = await getOverview(conn(), { from: '2001-01-01T00:00:00Z', to: '2001-01-02T00:00:00Z' });
    expect(overview.totals.rows).toEqual([{ events: 0, failed: 0, principals: 0, accounts: 0, regions: 0 }]);
    expect([overview.accounts.rows, overview.regions.rows, overview.principals.rows, overview.eventNames.rows]).toEqual([[], [], [], []]);
  });
});
