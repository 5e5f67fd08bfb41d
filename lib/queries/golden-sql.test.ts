import { sessionTimeline } from '@/lib/timeline/query';
import { evidenceEventNames, keyOwner } from '@/lib/findings/resolve-actor';
import { describeGoldenSql } from '@/test/golden-sql';
import { dataRangeExtent, dataRangeProbe } from './data-range';
import { eventSearch } from './event-search';
import { accountsInScope, regionsInScope, scopeTotals, topEventNames, topPrincipals } from './overview';
import type { QueryModule } from './panel';
import { subjectExtent } from './subject-extent';
import { roleSessionList } from './role-sessions';
import { assumeRoleEvents } from '@/lib/attribution/queries/assume-role-events';
import { sessionCredentials } from '@/lib/attribution/queries/session-credentials';

/** Golden SQL of the core analyses, on both engines (see test/golden-sql.ts for what is checked). */
const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };

const cases: [string, QueryModule<never, unknown>, unknown][] = [
  ['data-range-probe', dataRangeProbe as QueryModule<never, unknown>, { firstDay: '2024-01-30', lastDay: '2024-02-02' }],
  ['data-range-extent (first and last days)', dataRangeExtent as QueryModule<never, unknown>, { days: ['2024-01-31', '2026-11-19'] }],
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
      callerArns: ['arn:aws:iam::123456789012:user/alice'],
      federated: ['AssumeRoleWithSAML'],
    },
  ],
  ['subject-extent (role session, windowed)', subjectExtent as QueryModule<never, unknown>, { subject: { kind: 'role-session', principalId: 'AROAEXAMPLE000000001:sara' }, window: scope }],
  [
    'role-sessions (all filters)',
    roleSessionList as QueryModule<never, unknown>,
    { ...scope, account: '123456789012', role: 'DemoRole1', sessionName: 'sara', assumer: 'arn:aws:iam::123456789012:user/alice', sort: 'events', order: 'desc', limit: 51, offset: 50 },
  ],
  ['session-credentials', sessionCredentials as QueryModule<never, unknown>, { ...scope, principalIds: ['AROAEXAMPLE000000001:sara', 'AROAEXAMPLE000000003:bob'] }],
  ['session-timeline', sessionTimeline as QueryModule<never, unknown>, { ...scope, principalId: 'AROAEXAMPLE000000001:sara' }],
  ['finding-key-owner', keyOwner as QueryModule<never, unknown>, { ...scope, accessKeyId: 'ASIAEXAMPLEKEY000001' }],
  ['finding-evidence-names', evidenceEventNames as QueryModule<never, unknown>, { ...scope, eventIds: ['e-1', 'e-2'] }],
];

describeGoldenSql(cases);
