import { accountActivity } from '@/lib/org/accounts';
import { coverageCounts } from '@/lib/coverage/queries/coverage-counts';
import { trailEventHours, trailEvents } from '@/lib/coverage/queries/trail-events';
import { apiVolume } from '@/lib/activity/api-volume';
import { scopeDetails } from '@/lib/activity/scope-details';
import { assumeRoleEvents } from '@/lib/attribution/queries/assume-role-events';
import { sessionCredentials } from '@/lib/attribution/queries/session-credentials';
import { accessDeniedBursts } from '@/lib/detections/queries/access-denied-burst';
import { consoleLogins } from '@/lib/detections/queries/console-logins';
import { externalAssumeRoles } from '@/lib/detections/queries/external-assume-role';
import { accessKeysForOtherUsers, policyChangesByRoleSession } from '@/lib/detections/queries/iam-changes';
import { principalSources } from '@/lib/detections/queries/principal-sources';
import { trailChanges } from '@/lib/detections/queries/trail-changes';
import { instanceSessionSources } from '@/lib/detections/queries/instance-sessions';
import { sourceSwitches } from '@/lib/detections/queries/source-switches';
import { sensitiveCalls } from '@/lib/detections/queries/sensitive-calls';
import { evidenceEventNames, keyOwner } from '@/lib/findings/resolve-actor';
import { behaviorCounts } from '@/lib/new-behavior/behavior-counts';
import { ipPrincipals } from '@/lib/profiles/queries/ip-principals';
import { userAccessKeys } from '@/lib/profiles/queries/user-access-keys';
import { dataRange, dataRangeExtent, dataRangeProbe, registeredPartitionDays } from '@/lib/data-range/queries/data-range';
import { eventSearch } from '@/lib/events/queries/event-search';
import { accountsInScope, regionsInScope, scopeTotals, topEventNames, topPrincipals } from '@/lib/overview/queries/overview';
import type { QueryModule } from '@/lib/engine/panel';
import { roleSessionList } from '@/lib/role-sessions/queries/role-session-list';
import { subjectExtent } from '@/lib/subjects/queries/subject-extent';
import { activePrincipals } from '@/lib/reviews/queries/active-principals';
import { callIdentities } from '@/lib/reviews/queries/call-identities';
import { dataEventSources } from '@/lib/reviews/queries/data-event-sources';
import { externalAssumptions } from '@/lib/reviews/queries/external-assumptions';
import { principalUsage } from '@/lib/reviews/queries/principal-usage';
import { roleApiCalls } from '@/lib/reviews/queries/role-api-calls';
import { roleCallRate } from '@/lib/reviews/queries/role-call-rate';
import { roleCallTotals } from '@/lib/reviews/queries/role-call-totals';
import { roleCostCalls } from '@/lib/reviews/queries/role-cost-calls';
import { roleThrottles } from '@/lib/reviews/queries/role-throttles';
import { sessionNameUsage } from '@/lib/reviews/queries/session-name-usage';
import { trustPolicyEvents } from '@/lib/reviews/queries/trust-policy-events';
import { lookupWindow } from '@/lib/search/lookup-window';
import { identityLookup, LOOKUP_FIELDS } from '@/lib/search/queries/identity-lookup';
import { sessionTimeline } from '@/lib/timeline/query';
import type { Facts } from './facts';

/**
 * Every query module, with realistic parameters for the generated scenarios: the conformance
 * suite runs each on every engine and table layout and requires equal rows. A module missing here
 * fails registry.test.ts, so a new analysis cannot skip it.
 */
export type AnyModule = QueryModule<never, unknown>;

export interface ConformanceCase {
  name: string;
  module: AnyModule;
  params(f: Facts): unknown;
  /**
   * What the rows must equal when not DuckDB's: the folder days the loader wrote, for the catalog's
   * registered partitions (only tables partitioned by hand have them; DuckDB has no catalog).
   */
  expect?: 'registered-partition-days';
}

const m = (module: unknown) => module as AnyModule;

export const CONFORMANCE_CASES: readonly ConformanceCase[] = [
  // Overview and the store's extent.
  { name: 'data-range (whole store)', module: m(dataRange), params: () => ({}) },
  // A day with no event in the delivery lag before either midnight: its folder holds exactly its events.
  { name: 'data-range probe (a day with data)', module: m(dataRangeProbe), params: (f) => ({ firstDay: f.quietDay, lastDay: f.quietDay }) },
  { name: 'data-range probe (days before the trail)', module: m(dataRangeProbe), params: () => ({ firstDay: '2020-01-01', lastDay: '2020-01-31' }) },
  { name: 'data-range extent', module: m(dataRangeExtent), params: (f) => ({ days: [f.quietDay] }) },
  { name: 'data-range registered partitions', module: m(registeredPartitionDays), params: () => ({ keys: 'year-month-day' }), expect: 'registered-partition-days' },
  { name: 'scope-totals', module: m(scopeTotals), params: (f) => f.month },
  { name: 'accounts', module: m(accountsInScope), params: (f) => f.month },
  { name: 'regions', module: m(regionsInScope), params: (f) => f.month },
  { name: 'top-principals', module: m(topPrincipals), params: (f) => f.month },
  { name: 'top-event-names', module: m(topEventNames), params: (f) => f.month },
  { name: 'organisation-account-activity', module: m(accountActivity), params: (f) => f.month },

  // Event search: filters, wildcards, keyset paging.
  { name: 'event-search (first page)', module: m(eventSearch), params: (f) => ({ ...f.month, limit: 51 }) },
  {
    name: 'event-search (session filters)',
    module: m(eventSearch),
    params: (f) => ({ ...f.month, principal: f.session.arn, ip: f.session.ip, limit: 101 }),
  },
  {
    name: 'event-search (second page, failures only)',
    module: m(eventSearch),
    params: (f) => ({ ...f.month, errorCode: '*', limit: 26, after: f.errorPageCursor }),
  },
  {
    name: 'event-search (name, account, region, session name)',
    module: m(eventSearch),
    params: (f) => ({ ...f.month, eventName: 'AssumeRole', account: f.primaryAccount, region: f.region, sessionName: f.session.name, limit: 101 }),
  },

  // Role sessions and attribution.
  {
    name: 'role-sessions (by events)',
    module: m(roleSessionList),
    params: (f) => ({ ...f.month, sort: 'events', order: 'desc', limit: 51, offset: 0 }),
  },
  {
    name: 'role-sessions (second page, filtered)',
    module: m(roleSessionList),
    params: (f) => ({ ...f.month, account: f.primaryAccount, sort: 'last_seen', order: 'desc', limit: 21, offset: 20 }),
  },
  {
    name: 'assume-role-events',
    module: m(assumeRoleEvents),
    params: (f) => ({
      ...f.month,
      assumedRoleIds: [f.session.principalId, f.busy.principalId],
      accessKeyIds: f.session.accessKeys,
      roleArns: [f.session.roleArn, f.busy.roleArn],
      callerPrincipalIds: [f.session.principalId],
      callerRoleArns: [f.session.roleArn],
      callerServices: ['ec2.amazonaws.com', 'lambda.amazonaws.com'],
      callerArns: [f.user.arn],
      federated: ['AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity'],
    }),
  },
  {
    name: 'session-credentials',
    module: m(sessionCredentials),
    params: (f) => ({ ...f.month, principalIds: [f.session.principalId, f.busy.principalId] }),
  },
  { name: 'session-timeline', module: m(sessionTimeline), params: (f) => ({ ...f.month, principalId: f.session.principalId }) },
  { name: 'subject-extent (role session)', module: m(subjectExtent), params: (f) => ({ subject: f.sessionSubject, window: f.month }) },
  { name: 'subject-extent (role)', module: m(subjectExtent), params: (f) => ({ subject: { kind: 'role', arn: f.busy.roleArn }, window: f.month }) },

  // Profile panels.
  { name: 'api-volume (1h)', module: m(apiVolume), params: (f) => ({ subject: f.sessionSubject, ...f.month, bucket: '1h' }) },
  { name: 'api-volume (1d, user)', module: m(apiVolume), params: (f) => ({ subject: { kind: 'user', arn: f.user.arn }, ...f.month, bucket: '1d' }) },
  ...(['ips', 'apis', 'keys'] as const).map(
    (tab): ConformanceCase => ({ name: `scope-details (${tab})`, module: m(scopeDetails[tab]), params: (f) => ({ subject: f.sessionSubject, ...f.month }) }),
  ),
  {
    name: 'new-behavior counts (role session)',
    module: m(behaviorCounts),
    params: (f) => ({ subject: f.sessionSubject, baselineFrom: f.baselineFrom, scopeFrom: f.day.from, scopeTo: f.day.to }),
  },
  {
    name: 'new-behavior counts (ip)',
    module: m(behaviorCounts),
    params: (f) => ({ subject: { kind: 'ip', ip: f.session.ip }, baselineFrom: f.baselineFrom, scopeFrom: f.day.from, scopeTo: f.day.to }),
  },
  { name: 'ip-principals', module: m(ipPrincipals), params: (f) => ({ ip: f.session.ip, ...f.month }) },
  { name: 'user-access-keys', module: m(userAccessKeys), params: (f) => ({ arn: f.user.arn, ...f.month }) },
  ...LOOKUP_FIELDS.map(
    (by): ConformanceCase => ({
      name: `identity-lookup (${by})`,
      module: m(identityLookup),
      params: (f) => ({ by, value: f.lookup[by], ...lookupWindow(f.day) }),
    }),
  ),

  // Findings.
  { name: 'finding-key-owner', module: m(keyOwner), params: (f) => ({ ...f.month, accessKeyId: f.session.accessKeys[0] }) },
  { name: 'finding-evidence-names', module: m(evidenceEventNames), params: (f) => ({ ...f.month, eventIds: f.session.eventIds }) },

  // Detections.
  { name: 'detection-trail-changes', module: m(trailChanges), params: (f) => ({ ...f.month, eventNames: ['StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors'] }) },
  { name: 'detection-iam-policy-by-role-session', module: m(policyChangesByRoleSession), params: (f) => f.month },
  { name: 'detection-access-key-for-other-user', module: m(accessKeysForOtherUsers), params: (f) => f.month },
  { name: 'detection-console-logins (no MFA)', module: m(consoleLogins), params: (f) => ({ ...f.month, kind: 'iam-user-without-mfa' }) },
  { name: 'detection-console-logins (root)', module: m(consoleLogins), params: (f) => ({ ...f.month, kind: 'root' }) },
  { name: 'detection-access-denied-burst', module: m(accessDeniedBursts), params: (f) => f.month },
  { name: 'detection-external-assume-role', module: m(externalAssumeRoles), params: (f) => ({ ...f.month, organisationAccounts: [f.primaryAccount] }) },
  {
    name: 'detection-principal-sources',
    module: m(principalSources),
    params: (f) => ({ baselineFrom: f.baselineFrom, scopeFrom: f.week.from, scopeTo: f.week.to }),
  },
  { name: 'detection-instance-session-sources', module: m(instanceSessionSources), params: (f) => f.month },
  { name: 'detection-source-switches', module: m(sourceSwitches), params: (f) => f.month },
  { name: 'detection-sensitive-calls', module: m(sensitiveCalls), params: (f) => ({ baselineFrom: f.baselineFrom, scopeFrom: f.week.from, scopeTo: f.week.to }) },
  { name: 'assume-role-events (chained)', module: m(assumeRoleEvents), params: (f) => ({ ...f.month, chained: true }) },

  // Reviews.
  { name: 'vendor-external-assumptions', module: m(externalAssumptions), params: (f) => ({ ...f.month, organisationAccounts: [f.primaryAccount] }) },
  { name: 'vendor-role-call-totals', module: m(roleCallTotals), params: (f) => ({ ...f.month, roleArns: [f.busy.roleArn, f.session.roleArn] }) },
  { name: 'vendor-trust-policy-events', module: m(trustPolicyEvents), params: (f) => f.month },
  { name: 'vendor-role-api-calls', module: m(roleApiCalls), params: (f) => ({ ...f.month, roleArn: f.busy.roleArn }) },
  {
    name: 'vendor-call-identities',
    module: m(callIdentities),
    params: (f) => ({ ...f.month, roleArn: f.busy.roleArn, eventSource: f.busy.eventSource, eventName: f.busy.eventName }),
  },
  { name: 'vendor-role-call-rate (hour)', module: m(roleCallRate), params: (f) => ({ ...f.month, roleArn: f.busy.roleArn, grain: 'hour' }) },
  { name: 'vendor-role-throttles', module: m(roleThrottles), params: (f) => ({ ...f.month, roleArn: f.busy.roleArn }) },
  { name: 'vendor-role-cost-calls', module: m(roleCostCalls), params: (f) => ({ ...f.month, roleArn: f.busy.roleArn }) },
  { name: 'hygiene-session-name-usage', module: m(sessionNameUsage), params: (f) => f.month },
  { name: 'access-principal-usage (role)', module: m(principalUsage), params: (f) => ({ ...f.month, kind: 'role', arn: f.busy.roleArn }) },
  { name: 'access-principal-usage (user)', module: m(principalUsage), params: (f) => ({ ...f.month, kind: 'user', arn: f.user.arn }) },
  { name: 'access-active-principals', module: m(activePrincipals), params: (f) => f.month },
  { name: 'access-data-event-sources', module: m(dataEventSources), params: (f) => f.month },

  // Coverage.
  { name: 'coverage-counts (hours and daily files)', module: m(coverageCounts), params: (f) => ({ ...f.month, days: f.month }) },
  { name: 'coverage-counts (hours around a week of days)', module: m(coverageCounts), params: (f) => ({ ...f.month, days: f.week }) },
  { name: 'coverage-counts (hours)', module: m(coverageCounts), params: (f) => ({ ...f.month, days: null }) },
  { name: 'coverage-trail-events', module: m(trailEvents), params: (f) => f.month },
  { name: 'coverage-trail-events (two stretches)', module: m(trailEvents), params: (f) => ({ ...f.month, spans: [f.week, f.day] }) },
  { name: 'coverage-trail-event-hours', module: m(trailEventHours), params: (f) => f.month },
];
