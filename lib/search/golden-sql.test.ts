import { expect, it } from 'vitest';
import { describeGoldenSql } from '@/test/golden-sql';
import type { QueryModule } from '@/lib/engine/panel';
import { lookupWindow } from './lookup-window';
import { identityLookup, LOOKUP_FIELDS } from './queries/identity-lookup';

/**
 * Golden SQL of the search lookup, as lib/overview/golden-sql.test.ts pins the others: the exact
 * statement per engine for every field it can look up by, each Athena string valid Trino with
 * values bound only in WHERE and partitions pruned to the window.
 */
const window = lookupWindow({ from: '2026-11-18T09:00:00Z', to: '2026-11-18T11:00:00Z' });
const VALUES = {
  arn: 'arn:aws:sts::123456789012:assumed-role/DemoRole1/sara',
  principalId: 'AIDACD5WHJ6TSCKZDUIAM',
  roleId: 'AROAGMFS4MS4L2EGNLIPQ',
  accessKeyId: 'ASIAEXAMPLEKEY000001',
} as const;

type AnyModule = QueryModule<never, unknown>;
const cases = LOOKUP_FIELDS.map((by): [string, AnyModule, unknown] => [`identity-lookup by ${by}`, identityLookup as AnyModule, { by, value: VALUES[by], ...window }]);

it('the lookup window is the scope and the 90 days before it', () => {
  expect(window).toEqual({ from: '2026-08-20T09:00:00Z', to: '2026-11-18T11:00:00Z' });
});

describeGoldenSql(cases);

it('refuses a field outside the allowlist', () => {
  expect(identityLookup.params.safeParse({ by: 'useridentity.arn OR 1=1', value: 'x', ...window }).success).toBe(false);
});
