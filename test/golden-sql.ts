import { describe, expect, it } from 'vitest';
import { createAthenaDialect } from '@/lib/engine/athena/dialect';
import { duckdbDialect } from '@/lib/engine/duckdb/dialect';
import { ATHENA_PARTITIONINGS } from '@/lib/env';
import type { QueryModule } from '@/lib/queries/panel';
import { expectValidTrino, placeholdersOutsideWhere } from '@/lib/sql/trino-parse';

/** A query module with the parameters to build it with, named for the test report. */
export type GoldenCase = [name: string, module: QueryModule<never, unknown>, params: unknown];

/**
 * Golden SQL: the exact statement each analysis sends to each engine. Every Athena string must
 * parse with the Trino grammar, bind values only in WHERE (Athena's rule), and carry the
 * partition predicate so it reads only the scope's days.
 */
export function describeGoldenSql(cases: readonly GoldenCase[]): void {
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
}
