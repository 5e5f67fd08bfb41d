import { describe, expect, it } from 'vitest';
import { createAthenaDialect } from '@/lib/engine/athena/dialect';
import { duckdbDialect } from '@/lib/engine/duckdb/dialect';
import { ATHENA_PARTITIONINGS } from '@/lib/env';
import type { QueryModule } from '@/lib/queries/panel';
import { expectValidTrino, placeholdersOutsideWhere } from '@/lib/sql/trino-parse';
import { lookupWindow } from './lookup-window';
import { identityLookup, LOOKUP_FIELDS } from './queries/identity-lookup';

/**
 * Golden SQL of the search lookup, as lib/queries/golden-sql.test.ts pins the others: the exact
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

describe.each(cases)('%s', (_name, module, params) => {
  it('DuckDB SQL is stable', () => {
    expect(module.build(duckdbDialect, module.params.parse(params) as never).toQuery()).toMatchSnapshot();
  });

  it.each(ATHENA_PARTITIONINGS)('Athena SQL (%s partitions) parses as Trino, binds only in WHERE, prunes partitions', (partitioning) => {
    const dialect = createAthenaDialect({ catalog: 'AwsDataCatalog', database: 'trailscope', table: 'cloudtrail_logs', partitioning });
    const q = module.build(dialect, module.params.parse(params) as never).toQuery();
    expectValidTrino(q.sql, q.params);
    expect(placeholdersOutsideWhere(q.sql)).toEqual([]);
    if (partitioning === 'projected-date') expect(q.sql).toMatch(/"timestamp"|\btimestamp\b/);
    if (partitioning === 'region-date' || partitioning === 'account-region-date') expect(q.sql).toMatch(/\byear\b/);
    if (partitioning === 'projected-date') expect(q).toMatchSnapshot();
  });
});

it('refuses a field outside the allowlist', () => {
  expect(identityLookup.params.safeParse({ by: 'useridentity.arn OR 1=1', value: 'x', ...window }).success).toBe(false);
});
