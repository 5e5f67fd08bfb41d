import { describe, expect, it } from 'vitest';
import { createAthenaDialect } from '@/lib/engine/athena/dialect';
import { duckdbDialect } from '@/lib/engine/duckdb/dialect';
import { ATHENA_PARTITIONINGS } from '@/lib/env';
import type { QueryModule } from '@/lib/engine/panel';
import { expectValidTrino, placeholdersOutsideWhere } from '@/lib/sql/trino-parse';
import type { Subject } from '@/lib/subjects/subject';
import { bareOptionalColumns, buildForLegacyTable } from '@/test/golden-sql';
import { apiVolume } from './api-volume';
import { BUCKET_SIZES } from './buckets';
import { DETAILS_TABS, scopeDetails } from './scope-details';
import { planVolume } from './volume-plan';

/**
 * Golden SQL of the activity panels, as lib/overview/golden-sql.test.ts pins the others: the exact
 * statement per engine, every Athena string valid Trino, values bound only in WHERE, partitions pruned.
 */
const scope = { from: '2026-11-18T09:00:00Z', to: '2026-11-18T11:00:00Z' };
const session: Subject = { kind: 'role-session', principalId: 'AROAGMFS4MS4L2EGNLIPQ:sara' };
const plan = planVolume(scope);

type AnyModule = QueryModule<never, unknown>;
const cases: [string, AnyModule, unknown][] = [
  ['api-volume (role session, 45-day baseline)', apiVolume as AnyModule, { subject: session, ...plan.window, bucket: plan.bucket }],
  ...DETAILS_TABS.map((tab): [string, AnyModule, unknown] => [`scope-details-${tab}`, scopeDetails[tab] as AnyModule, { subject: session, ...scope }]),
];

const athena = (partitioning: (typeof ATHENA_PARTITIONINGS)[number]) =>
  createAthenaDialect({ catalog: 'AwsDataCatalog', database: 'trailscope', table: 'cloudtrail_logs', partitioning });

function checkAthena(module: AnyModule, params: unknown, partitioning: (typeof ATHENA_PARTITIONINGS)[number]) {
  const q = module.build(athena(partitioning), module.params.parse(params) as never).toQuery();
  expectValidTrino(q.sql, q.params);
  expect(placeholdersOutsideWhere(q.sql)).toEqual([]);
  if (partitioning === 'projected-date') expect(q.sql).toMatch(/"timestamp"|\btimestamp\b/);
  if (partitioning === 'region-date' || partitioning === 'account-region-date') expect(q.sql).toMatch(/\byear\b/);
  return q;
}

describe.each(cases)('%s', (_name, module, params) => {
  it('DuckDB SQL is stable', () => {
    expect(module.build(duckdbDialect, module.params.parse(params) as never).toQuery()).toMatchSnapshot();
  });

  it.each(ATHENA_PARTITIONINGS)('Athena SQL (%s partitions) parses as Trino, binds only in WHERE, prunes partitions', (partitioning) => {
    const q = checkAthena(module, params, partitioning);
    if (partitioning === 'projected-date') expect(q).toMatchSnapshot();
  });
});

describe('every subject kind and bucket size stays valid Trino with values only in WHERE', () => {
  const subjects: Subject[] = [
    session,
    { kind: 'role', arn: 'arn:aws:iam::123456789012:role/DemoRole1' },
    { kind: 'user', arn: 'arn:aws:iam::123456789012:user/alice' },
    { kind: 'ip', ip: '198.51.100.7' },
    { kind: 'service', name: 'ec2.amazonaws.com' },
  ];
  it.each(subjects.map((s) => [s.kind, s] as const))('%s', (_kind, subject) => {
    for (const bucket of BUCKET_SIZES) checkAthena(apiVolume as AnyModule, { subject, ...plan.window, bucket }, 'projected-date');
    for (const tab of DETAILS_TABS) checkAthena(scopeDetails[tab] as AnyModule, { subject, ...scope }, 'projected-date');
  });

  it.each(cases)("%s reads optional columns only through the dialect, so it runs on a table from AWS's older DDL", (_name, module, params) => {
    expect(bareOptionalColumns(buildForLegacyTable(module, params).sql)).toEqual([]);
  });

  it('binds the subject, never splices it', () => {
    const hostile: Subject = { kind: 'role-session', principalId: "AROAX:x'OR'1'='1" };
    const q = apiVolume.build(duckdbDialect, { subject: hostile, ...plan.window, bucket: plan.bucket }).toQuery();
    expect(q.sql).not.toContain("'1'='1");
    expect(q.params).toContain("AROAX:x'OR'1'='1");
  });

  it('refuses a bucket off the allowlist before it reaches SQL text', () => {
    expect(() => apiVolume.params.parse({ subject: session, ...plan.window, bucket: '1 minute' })).toThrow();
    expect(() => apiVolume.build(duckdbDialect, { subject: session, ...plan.window, bucket: '1s' as never })).toThrow(/not allowed/);
  });
});
