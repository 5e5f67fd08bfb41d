import { describe, expect, it } from 'vitest';
import { createAthenaDialect } from '@/lib/engine/athena/dialect';
import { duckdbDialect } from '@/lib/engine/duckdb/dialect';
import { ATHENA_PARTITIONINGS } from '@/lib/env';
import type { QueryModule } from '@/lib/engine/panel';
import { expectValidTrino, placeholdersOutsideWhere } from '@/lib/sql/trino-parse';
import { COLUMN_NAMES, columnPaths, MISSING_COLUMNS, OPTIONAL_COLUMN_PATHS } from '@/lib/cloudtrail/columns';

const OPTIONAL_NAMES = [...new Set(OPTIONAL_COLUMN_PATHS.map((p) => p.split('.').at(-1) as string))];

/**
 * The optional columns (lib/cloudtrail/columns.ts) a statement names directly, outside string
 * literals and comments: on a table made from AWS's DDL each is an analysis error. Queries must
 * reach them through `Dialect.optionalColumn`, which reads NULL where the table lacks them.
 */
export function bareOptionalColumns(text: string): string[] {
  const code = text
    .replace(/--[^\n]*/g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
  return OPTIONAL_NAMES.filter((name) => new RegExp(`(?<![A-Za-z0-9_$])${name}(?![A-Za-z0-9_$])`, 'i').test(code));
}

const DECLARED_PATHS = new Set(columnPaths());

/**
 * The dotted column paths a statement names, outside string literals and comments, that
 * lib/cloudtrail/columns.ts does not declare. A path counts from its first segment that is a
 * column (`t.useridentity.arn` is `useridentity.arn`); dotted names of aliases are not columns.
 */
export function undeclaredColumnPaths(text: string): string[] {
  const code = text
    .replace(/--[^\n]*/g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
  const found = new Set<string>();
  for (const [name] of code.matchAll(/(?<![A-Za-z0-9_$".])[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+/g)) {
    const segments = name.toLowerCase().split('.');
    const start = segments.findIndex((s) => COLUMN_NAMES.includes(s));
    if (start === -1) continue;
    const path = segments.slice(start).join('.');
    if (!DECLARED_PATHS.has(path)) found.add(path);
  }
  return [...found];
}

/** Builds the module for an Athena table made from AWS's older DDL, which lacks every optional column. */
export function buildForLegacyTable(module: QueryModule<never, unknown>, params: unknown) {
  const dialect = createAthenaDialect({
    catalog: 'AwsDataCatalog',
    database: 'trailscope',
    table: 'cloudtrail_logs',
    partitioning: 'projected-date',
    missingColumns: MISSING_COLUMNS['aws-legacy'],
  });
  return module.build(dialect, module.params.parse(params) as never).toQuery();
}

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

    it.runIf(module.fromSummary !== undefined)('DuckDB SQL from the hourly summary is stable', () => {
      const checked = module.params.parse(params) as never;
      expect(module.fromSummary?.(duckdbDialect, duckdbDialect.summary!, checked)?.toQuery() ?? null).toMatchSnapshot();
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

    it('names only column paths lib/cloudtrail/columns.ts declares', () => {
      expect(undeclaredColumnPaths(module.build(duckdbDialect, module.params.parse(params) as never).toQuery().sql)).toEqual([]);
      expect(undeclaredColumnPaths(buildForLegacyTable(module, params).sql)).toEqual([]);
    });

    it("reads optional columns only through the dialect, so it runs on a table from AWS's older DDL", () => {
      const q = buildForLegacyTable(module, params);
      expect(bareOptionalColumns(q.sql)).toEqual([]);
      expectValidTrino(q.sql, q.params);
    });
  });
}
