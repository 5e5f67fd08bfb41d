import { describe, expect, it } from 'vitest';
import { createAthenaDialect } from '@/lib/engine/athena/dialect';
import { duckdbDialect } from '@/lib/engine/duckdb/dialect';
import { ATHENA_PARTITIONINGS } from '@/lib/env';
import type { QueryModule } from '@/lib/queries/panel';
import { expectValidTrino, placeholdersOutsideWhere } from '@/lib/sql/trino-parse';
import { ipPrincipals } from './queries/ip-principals';
import { userAccessKeys } from './queries/user-access-keys';

/**
 * Golden SQL of the profiles' own queries (the AssumeRole lookups are assume-role-events, pinned
 * in lib/queries): the exact statement per engine, every Athena string valid Trino, values bound
 * only in WHERE, partitions pruned to the scope.
 */
const scope = { from: '2026-11-18T09:00:00Z', to: '2026-11-18T11:00:00Z' };

type AnyModule = QueryModule<never, unknown>;
const cases: [string, AnyModule, unknown][] = [
  ['user-access-keys', userAccessKeys as AnyModule, { arn: 'arn:aws:iam::444455556666:user/acme-collector', ...scope }],
  ['ip-principals', ipPrincipals as AnyModule, { ip: '18.184.7.93', ...scope }],
];

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
