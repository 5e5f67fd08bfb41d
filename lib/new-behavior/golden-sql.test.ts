import { describe, expect, it } from 'vitest';
import { createAthenaDialect } from '@/lib/engine/athena/dialect';
import { duckdbDialect } from '@/lib/engine/duckdb/dialect';
import { ATHENA_PARTITIONINGS } from '@/lib/env';
import { expectValidTrino, placeholdersOutsideWhere } from '@/lib/sql/trino-parse';
import type { Subject } from '@/lib/subjects/subject';
import { bareOptionalColumns, buildForLegacyTable } from '@/test/golden-sql';
import { behaviorCounts, type BehaviorCountsParams } from './behavior-counts';
import { baselineWindow } from './coverage';

/**
 * Golden SQL of the New behavior counts query, as lib/activity/golden-sql.test.ts pins the activity
 * panels: the exact statement per engine, every Athena string valid Trino, values bound only in
 * WHERE, and the partition predicate covering baseline + scope.
 */
const scope = { from: '2026-11-18T08:00:00Z', to: '2026-11-18T11:00:00Z' };
const session: Subject = { kind: 'role-session', principalId: 'AROAGMFS4MS4L2EGNLIPQ:sara' };
const params = (subject: Subject): BehaviorCountsParams => ({ subject, baselineFrom: baselineWindow(scope.from, 45).from, scopeFrom: scope.from, scopeTo: scope.to });

const athena = (partitioning: (typeof ATHENA_PARTITIONINGS)[number]) =>
  createAthenaDialect({ catalog: 'AwsDataCatalog', database: 'trailscope', table: 'cloudtrail_logs', partitioning });

describe('new-behavior-counts', () => {
  it('DuckDB SQL is stable', () => {
    expect(behaviorCounts.build(duckdbDialect, behaviorCounts.params.parse(params(session))).toQuery()).toMatchSnapshot();
  });

  it('DuckDB SQL from the hourly summary is stable', () => {
    expect(behaviorCounts.fromSummary?.(duckdbDialect, duckdbDialect.summary!, behaviorCounts.params.parse(params(session)))?.toQuery() ?? null).toMatchSnapshot();
  });

  it.each(ATHENA_PARTITIONINGS)('Athena SQL (%s partitions) parses as Trino, binds only in WHERE, prunes partitions', (partitioning) => {
    const q = behaviorCounts.build(athena(partitioning), behaviorCounts.params.parse(params(session))).toQuery();
    expectValidTrino(q.sql, q.params);
    expect(placeholdersOutsideWhere(q.sql)).toEqual([]);
    // The scope split is text (Athena), from the validated instant: epoch seconds of 2026-11-18T08:00:00Z.
    expect(q.sql).toContain(String(Date.parse(scope.from) / 1000));
    expect(q.params).toContain('2026-10-04T08:00:00.000Z');
    if (partitioning === 'projected-date') {
      expect(q.sql).toMatch(/"timestamp"|\btimestamp\b/);
      expect(q).toMatchSnapshot();
    }
    if (partitioning === 'region-date' || partitioning === 'account-region-date') expect(q.sql).toMatch(/\byear\b/);
  });

  it.each<Subject>([
    { kind: 'role', arn: 'arn:aws:iam::123456789012:role/DemoRole1' },
    { kind: 'user', arn: 'arn:aws:iam::123456789012:user/alice' },
    { kind: 'ip', ip: '198.51.100.7' },
    { kind: 'service', name: 'ec2.amazonaws.com' },
  ])('every subject kind stays valid Trino with values only in WHERE ($kind)', (subject) => {
    const q = behaviorCounts.build(athena('projected-date'), behaviorCounts.params.parse(params(subject))).toQuery();
    expectValidTrino(q.sql, q.params);
    expect(placeholdersOutsideWhere(q.sql)).toEqual([]);
  });

  it("reads optional columns only through the dialect, so it runs on a table from AWS's older DDL", () => {
    const q = buildForLegacyTable(behaviorCounts as never, params(session));
    expect(bareOptionalColumns(q.sql)).toEqual([]);
  });

  it('binds the subject, never splices it', () => {
    const hostile: Subject = { kind: 'role-session', principalId: "AROAX:x'OR'1'='1" };
    const q = behaviorCounts.build(duckdbDialect, params(hostile)).toQuery();
    expect(q.sql).not.toContain("'1'='1");
    expect(q.params).toContain("AROAX:x'OR'1'='1");
  });

  it('refuses windows that are not instants or run backwards', () => {
    expect(() => behaviorCounts.params.parse({ ...params(session), scopeFrom: "2026-11-18' OR 1=1" })).toThrow();
    expect(() => behaviorCounts.params.parse({ ...params(session), scopeFrom: scope.to, scopeTo: scope.from })).toThrow();
  });
});
