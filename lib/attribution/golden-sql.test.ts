import { describeGoldenSql } from '@/test/golden-sql';
import type { QueryModule } from '@/lib/engine/panel';
import { assumeRoleEvents } from './queries/assume-role-events';
import { sessionCredentials } from './queries/session-credentials';

/** Golden SQL of attribution, on both engines (see test/golden-sql.ts for what is checked). */
const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };

const cases: [string, QueryModule<never, unknown>, unknown][] = [
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
  ['session-credentials', sessionCredentials as QueryModule<never, unknown>, { ...scope, principalIds: ['AROAEXAMPLE000000001:sara', 'AROAEXAMPLE000000003:bob'] }],
];

describeGoldenSql(cases);
