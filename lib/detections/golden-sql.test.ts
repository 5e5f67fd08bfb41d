import { describe, expect, it } from 'vitest';
import { rangeKey } from '@/lib/event-store/segment-range';
import { duckdbDialect } from '@/lib/engine/duckdb/dialect';
import type { QueryModule } from '@/lib/engine/panel';
import { describeGoldenSql, type GoldenCase } from '@/test/golden-sql';
import { accessDeniedBursts } from './queries/access-denied-burst';
import { consoleLogins } from './queries/console-logins';
import { externalAssumeRoles } from './queries/external-assume-role';
import { accessKeysForOtherUsers, policyChangesByRoleSession } from './queries/iam-changes';
import { principalSources } from './queries/principal-sources';
import { trailChanges } from './queries/trail-changes';
import { instanceSessionSources } from './queries/instance-sessions';
import { sourceSwitches } from './queries/source-switches';
import { sensitiveCalls } from './queries/sensitive-calls';

/**
 * Golden SQL of the detections (see test/golden-sql.ts for what is checked): the exact statement
 * per engine, every Athena string valid Trino, values bound only in WHERE, partitions pruned.
 */
const scope = { from: '2026-11-18T00:00:00Z', to: '2026-11-19T00:00:00Z' };
const m = (module: unknown) => module as QueryModule<never, unknown>;

const cases: GoldenCase[] = [
  ['detection-trail-changes (StopLogging)', m(trailChanges), { ...scope, eventNames: ['StopLogging'] }],
  ['detection-trail-changes (UpdateTrail, PutEventSelectors)', m(trailChanges), { ...scope, eventNames: ['UpdateTrail', 'PutEventSelectors'] }],
  ['detection-iam-policy-by-role-session', m(policyChangesByRoleSession), scope],
  ['detection-access-key-for-other-user', m(accessKeysForOtherUsers), scope],
  ['detection-console-logins (IAM users without MFA)', m(consoleLogins), { ...scope, kind: 'iam-user-without-mfa' }],
  ['detection-console-logins (root)', m(consoleLogins), { ...scope, kind: 'root' }],
  ['detection-access-denied-burst', m(accessDeniedBursts), scope],
  ['detection-external-assume-role', m(externalAssumeRoles), { ...scope, organisationAccounts: ['111111111111', '222222222222'] }],
  ['detection-principal-sources (45-day baseline)', m(principalSources), { baselineFrom: '2026-10-04T00:00:00Z', scopeFrom: scope.from, scopeTo: scope.to }],
  ['detection-instance-session-sources', m(instanceSessionSources), scope],
  ['detection-source-switches', m(sourceSwitches), scope],
  ['detection-sensitive-calls (45-day baseline)', m(sensitiveCalls), { baselineFrom: '2026-10-04T00:00:00Z', scopeFrom: scope.from, scopeTo: scope.to }],
];

describeGoldenSql(cases);

describe('detection queries bind what they are given', () => {
  it('organisation accounts are bound values, and only 12-digit ids are accepted', () => {
    const q = externalAssumeRoles.build(duckdbDialect, { ...scope, organisationAccounts: ['111111111111'] }).toQuery();
    expect(q.params).toEqual([scope.from, scope.to, rangeKey(scope.from), rangeKey(scope.to), '111111111111', '111111111111']);
    expect(() => externalAssumeRoles.params.parse({ ...scope, organisationAccounts: ["1' OR '1'='1"] })).toThrow();
    expect(() => externalAssumeRoles.params.parse({ ...scope, organisationAccounts: [] })).toThrow();
  });

  it('only the allowlisted trail events can be asked for', () => {
    expect(() => trailChanges.params.parse({ ...scope, eventNames: ['DeleteBucket'] })).toThrow();
  });

  it('scopes must be whole UTC instants, from before to', () => {
    expect(() => policyChangesByRoleSession.params.parse({ from: scope.to, to: scope.from })).toThrow(/before/);
    expect(() => policyChangesByRoleSession.params.parse({ from: "2026-11-18' OR 1=1", to: scope.to })).toThrow();
  });
});
