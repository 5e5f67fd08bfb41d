import { describe, expect, it } from 'vitest';
import { ACCOUNT_IDS, ORGANIZATION_ACCOUNT_IDS } from '@/lib/generator/scenarios';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { inferFromStore, organisationAccounts } from './accounts';

const connection = scenarioConnection();

describe('organisation accounts inferred from the scenario store', () => {
  it('are the three organisation accounts; the vendor, whose only records are its AssumeRole copies, is not one', async () => {
    const { accounts, panel } = await inferFromStore(connection());
    expect(accounts).toEqual([...ORGANIZATION_ACCOUNT_IDS].sort());
    // The vendor's account is in the store, which is why the rule matters.
    expect(panel?.rows.find((r) => r.account_id === ACCOUNT_IDS.vendor)).toMatchObject({ own_events: 0 });
    expect(panel?.rows.find((r) => r.account_id === ACCOUNT_IDS.vendor)?.events).toBeGreaterThan(0);
  });

  it('says where the list came from', async () => {
    expect(await organisationAccounts(connection())).toEqual({ accounts: [...ORGANIZATION_ACCOUNT_IDS].sort(), source: 'inferred' });
  });
});
