import { describeGoldenSql } from '@/test/golden-sql';
import type { QueryModule } from '@/lib/engine/panel';
import { accountActivity } from '@/lib/org/accounts';
import { activePrincipals } from './queries/active-principals';
import { callIdentities } from './queries/call-identities';
import { dataEventSources } from './queries/data-event-sources';
import { externalAssumptions } from './queries/external-assumptions';
import { principalUsage } from './queries/principal-usage';
import { roleApiCalls } from './queries/role-api-calls';
import { roleCallRate } from './queries/role-call-rate';
import { roleCallTotals } from './queries/role-call-totals';
import { roleCostCalls } from './queries/role-cost-calls';
import { roleThrottles } from './queries/role-throttles';
import { sessionNameUsage } from './queries/session-name-usage';
import { trustPolicyEvents } from './queries/trust-policy-events';

/**
 * Golden SQL of the review pages' queries: the exact statement per engine, every Athena string
 * valid Trino, values bound only in WHERE, partitions pruned to the scope.
 */
const scope = { from: '2026-10-20T00:00:00Z', to: '2026-11-20T00:00:00Z' };
const roleArn = 'arn:aws:iam::123456789012:role/VendorReadOnly';

type AnyModule = QueryModule<never, unknown>;
const cases: [string, AnyModule, unknown][] = [
  ['organisation-account-activity', accountActivity as AnyModule, scope],
  ['vendor-external-assumptions', externalAssumptions as AnyModule, { ...scope, organisationAccounts: ['111122223333', '123456789012'] }],
  ['vendor-role-call-totals', roleCallTotals as AnyModule, { ...scope, roleArns: [roleArn, 'arn:aws:iam::123456789012:role/Other'] }],
  ['vendor-trust-policy-events', trustPolicyEvents as AnyModule, scope],
  ['vendor-role-api-calls', roleApiCalls as AnyModule, { ...scope, roleArn }],
  ['vendor-call-identities', callIdentities as AnyModule, { ...scope, roleArn, eventSource: 'iam.amazonaws.com', eventName: 'GenerateCredentialReport' }],
  ['vendor-role-call-rate (hour)', roleCallRate as AnyModule, { ...scope, roleArn, grain: 'hour' }],
  ['vendor-role-throttles', roleThrottles as AnyModule, { ...scope, roleArn }],
  ['vendor-role-cost-calls', roleCostCalls as AnyModule, { ...scope, roleArn }],
  ['hygiene-session-name-usage', sessionNameUsage as AnyModule, scope],
  ['access-principal-usage (role)', principalUsage as AnyModule, { ...scope, kind: 'role', arn: 'arn:aws:iam::123456789012:role/GitlabRunnerRole' }],
  ['access-principal-usage (user)', principalUsage as AnyModule, { ...scope, kind: 'user', arn: 'arn:aws:iam::123456789012:user/pchen' }],
  ['access-active-principals', activePrincipals as AnyModule, scope],
  ['access-data-event-sources', dataEventSources as AnyModule, scope],
];

describeGoldenSql(cases);
