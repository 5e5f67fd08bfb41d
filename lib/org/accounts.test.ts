import { describe, expect, it } from 'vitest';
import type { Connection } from '@/lib/engine/types';

// Set before lib/env is first read: env() is parsed once per process.
process.env.TRAILSCOPE_ORG_ACCOUNTS = '210987654321,111122223333,111122223333';
const { inferOrganisationAccounts, organisationAccounts } = await import('./accounts');

describe('organisation accounts', () => {
  it('uses TRAILSCOPE_ORG_ACCOUNTS when set, without querying the store', async () => {
    const conn = {
      dialect: {},
      query: () => {
        throw new Error('must not query');
      },
      close: async () => undefined,
    } as unknown as Connection;
    expect(await organisationAccounts(conn)).toEqual({ accounts: ['111122223333', '210987654321'], source: 'config' });
  });

  it('infers the accounts with records of their own, not those with only caller-side AssumeRole copies', () => {
    expect(
      inferOrganisationAccounts([
        { account_id: '123456789012', events: 100, own_events: 90 },
        // The vendor's copies of its own AssumeRole calls into the organisation's roles.
        { account_id: '444455556666', events: 40, own_events: 0 },
        { account_id: '111122223333', events: 3, own_events: 1 },
        { account_id: 'not-an-id', events: 3, own_events: 3 },
      ]),
    ).toEqual(['111122223333', '123456789012']);
  });
});
