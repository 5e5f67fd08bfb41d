import { describe, expect, it } from 'vitest';
import { createAthenaDialect } from '@/lib/engine/athena/dialect';
import { duckdbDialect } from '@/lib/engine/duckdb/dialect';
import { ATHENA_PARTITIONINGS } from '@/lib/env';
import { expectValidTrino, placeholdersOutsideWhere } from '@/lib/sql/trino-parse';
import { dataRange } from './data-range';
import { eventSearch } from './event-search';
import { accountsInScope, regionsInScope, scopeTotals, topEventNames, topPrincipals } from './overview';
import type { QueryModule } from './panel';
import { subjectExtent } from './subject-extent';
import { roleSessionList } from './role-sessions';
import { assumeRoleEvents } from '@/lib/attribution/queries/assume-role-events';
import { sessionCredentials } from '@/lib/attribution/queries/session-credentials';

/**
 * Golden SQL: the exact statement each analysis sends to each engine. Every Athena string must
 * parse with the Trino grammar, bind values only in WHERE (Athena's rule), and carry the
 * partition predicate so it reads only the scope's days.
 */
const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };

const cases: [string, QueryModule<never, unknown>, unknown][] = [
  ['data-range (windowed)', dataRange as QueryModule<never, unknown>, { window: scope }],
  ['scope-totals', scopeTotals as QueryModule<never, unknown>, scope],
  ['accounts', accountsInScope as QueryModule<never, unknown>, scope],
  ['regions', regionsInScope as QueryModule<never, unknown>, scope],
  ['top-principals', topPrincipals as QueryModule<never, unknown>, scope],
  ['top-event-names', topEventNames as QueryModule<never, unknown>, scope],
  [
    'event-search (all filters, second page)',
    eventSearch as QueryModule<never, unknown>,
    {
      ...scope,
      principal: 'arn:aws:iam::123456789012:role/DemoRole',
      accessKeyId: 'ASIAEXAMPLEKEY000001',
      sessionName: 'sara',
      ip: '198.51.100.7',
      eventName: 'StopLogging',
      errorCode: '*',
      account: '123456789012',
      region: 'us-east-1',
      limit: 51,
      after: { t: '2026-11-19T12:00:00Z', id: 'e-1' },
    },
  ],
  [
    'assume-role-events (every match kind)',
    assumeRoleEvents as QueryModule<never, unknown>,
    {
      ...scope,
      assumedRoleIds: ['AROAEXAMPLE000000001:sara'],
      accessKeyIds: ['ASIAEXAMPLEKEY000001', 'ASIAEXAMPLEKEY000002'],
      roleArns: ['arn:aws:iam::123456789012:role/DemoRole1'],
      callerPrincipalIds: ['AROAEXAMPLE000000002:sara'],
      callerRoleArns: ['arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_598c5f73f8b2b4e5'],
      callerServices: ['ec2.amazonaws.com'],
    },
  ],
  ['subject-extent (role session, windowed)', subjectExtent as QueryModule<never, unknown>, { subject: { kind: 'role-session', principalId: 'AROAEXAMPLE000000001:sara' }, window: scope }],
  [
    'role-sessions (all filters)',
    roleSessionList as QueryModule<never, unknown>,
    { ...scope, account: '123456789012', role: 'DemoRole1', sessionName: 'sara', assumer: 'arn:aws:iam::123456789012:user/alice', sort: 'events', order: 'desc', limit: 51, offset: 50 },
  ],
  ['session-credentials', sessionCredentials as QueryModule<never, unknown>, { ...scope, principalIds: ['AROAEXAMPLE000000001:sara', 'AROAEXAMPLE000000003:bob'] }],
];

describe.each(cases)('%s', (_name, module, params) => {
  it('DuckDB SQL is stable', () => {
    const q = module.build(duckdbDialect, module.params.parse(params) as never).toQuery();
    expect(q).toMatchSnapshot();
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
