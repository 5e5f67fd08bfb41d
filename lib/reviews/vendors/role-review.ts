import { mergeCopies } from '@/lib/attribution/assumptions';
import { assumeRoleEvents, NO_MATCH } from '@/lib/attribution/queries/assume-role-events';
import type { AssumeRoleEventRow, Assumer, Assumption } from '@/lib/attribution/types';
import type { TimeGrain } from '@/lib/engine/dialect';
import type { Connection } from '@/lib/engine/types';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import type { CallRef } from '@/lib/reviews/params';
import { iamActionOf } from '@/lib/reviews/policy/iam-actions';
import { callIdentities, type CallIdentityRow } from '@/lib/reviews/queries/call-identities';
import { ROLE_API_CALLS_LIMIT, roleApiCalls, type RoleApiCallRow } from '@/lib/reviews/queries/role-api-calls';
import { roleCallRate, type RoleCallRateRow } from '@/lib/reviews/queries/role-call-rate';
import { roleCostCalls, type RoleCostCallRow } from '@/lib/reviews/queries/role-cost-calls';
import { roleThrottles, type RoleThrottleRow } from '@/lib/reviews/queries/role-throttles';
import type { ExpectedActions } from '@/lib/reviews/state/expected-actions-store';
import { groupBy } from '@/lib/reviews/group-by';
import { costRuleOf } from './cost-calls';
import { flagUnexpected, type UnexpectedCall } from './expected-actions';
import { isoUtc } from '@/lib/time';

/**
 * One vendor role, reviewed for security (unexpected calls, who is behind the sessions),
 * availability (call rate, throttling) and cost (calls that are billed).
 *
 *   role-api-calls ─▶ calls table, unexpected calls (expected-actions globs)
 *   role-call-rate ─▶ calls per minute over time, peak      role-throttles ─▶ throttled calls
 *   role-cost-calls ─▶ cost-relevant calls per day           assume-role-events ─▶ who assumes it
 *   call-identities (one call, on demand) ─▶ keys ─▶ the assumptions that issued them
 */

/** Credentials live up to 12 hours: an AssumeRole that long before the scope can issue a key used in it. */
const ASSUMPTION_LOOKBACK_MS = 12 * 3600_000;

export interface ApiCallSummary {
  eventSource: string;
  eventName: string;
  action: string;
  success: number;
  failed: number;
  throttled: number;
  first: string;
  last: string;
  /** S3 calls by bucket. */
  buckets: { bucket: string | null; success: number; failed: number }[];
}

export interface AssumeRoleCaller {
  /** The role assumed. */
  roleArn: string;
  /** The caller's ARN, or its principal id when only the role account's copy is in the data. */
  userArn: string;
  assumer: Assumer;
  count: number;
  first: string;
  last: string;
  sessionNames: string[];
  withExternalId: number;
  crossAccount: boolean;
}

export interface SharedSessionName {
  sessionName: string;
  assumers: Assumer[];
  count: number;
}

export interface RateSeries {
  grain: TimeGrain;
  perMinute: RoleCallRateRow[];
  peak: { perMinute: number; at: string } | null;
  totalCalls: number;
}

export interface CostCallSummary {
  eventSource: string;
  eventName: string;
  calls: number;
  failed: number;
  days: number;
  why: string;
}

export interface CallIdentity {
  assumer: Assumer | null;
  sessions: string[];
  accessKeyIds: string[];
  calls: number;
  failed: number;
  first: string;
  last: string;
}

export interface VendorRoleReview {
  roleArn: string;
  scope: Scope;
  calls: ApiCallSummary[];
  callsTruncated: boolean;
  assumeRoleCallers: AssumeRoleCaller[];
  sharedSessionNames: SharedSessionName[];
  rate: RateSeries;
  throttled: { total: number; rows: RoleThrottleRow[] };
  costCalls: { summary: CostCallSummary[]; perDay: RoleCostCallRow[] };
  expected: ExpectedActions;
  unexpected: UnexpectedCall[];
  identities: { call: CallRef; rows: CallIdentity[]; panel: PanelResult<CallIdentityRow> } | null;
  panels: {
    calls: PanelResult<RoleApiCallRow>;
    rate: PanelResult<RoleCallRateRow>;
    throttles: PanelResult<RoleThrottleRow>;
    cost: PanelResult<RoleCostCallRow>;
    assumptions: PanelResult<AssumeRoleEventRow>;
  };
}

/** Minute buckets for a few hours, hours up to about a week, days beyond: a chart of at most a few hundred bars. */
export function rateGrain(scope: Scope): TimeGrain {
  const hours = (Date.parse(scope.to) - Date.parse(scope.from)) / 3600_000;
  if (hours <= 6) return 'minute';
  if (hours <= 8 * 24) return 'hour';
  return 'day';
}

/** Pure: the per-API rows (split by bucket for S3) gathered into one line per API. */
export function summariseCalls(rows: readonly RoleApiCallRow[]): ApiCallSummary[] {
  const by = new Map<string, ApiCallSummary>();
  for (const r of rows) {
    const key = `${r.eventSource}\n${r.eventName}`;
    const s = by.get(key) ?? {
      eventSource: r.eventSource,
      eventName: r.eventName,
      action: iamActionOf(r.eventSource, r.eventName),
      success: 0,
      failed: 0,
      throttled: 0,
      first: r.first,
      last: r.last,
      buckets: [],
    };
    s.success += r.success;
    s.failed += r.failed;
    s.throttled += r.throttled;
    if (r.first < s.first) s.first = r.first;
    if (r.last > s.last) s.last = r.last;
    if (r.eventSource === 's3.amazonaws.com') s.buckets.push({ bucket: r.bucket, success: r.success, failed: r.failed });
    by.set(key, s);
  }
  return [...by.values()].sort((a, b) => b.success + b.failed - (a.success + a.failed) || a.action.localeCompare(b.action));
}

/** Pure: who called AssumeRole into the role in the scope, and session names used by several of them. */
export function summariseCallers(roleArn: string, assumptions: readonly Assumption[], scope: Scope): { callers: AssumeRoleCaller[]; shared: SharedSessionName[] } {
  const inScope = assumptions.filter((a) => a.roleArn === roleArn && a.issuedAt >= scope.from && a.issuedAt < scope.to);
  const byAssumer = groupBy(inScope, (a) => a.assumer.key);
  const callers = [...byAssumer.values()]
    .map((list): AssumeRoleCaller => {
      const a = (list[0] as Assumption).assumer;
      return {
        roleArn,
        userArn: a.arn ?? a.principalId ?? a.key,
        assumer: a,
        count: list.length,
        first: list[0]?.issuedAt ?? '',
        last: list[list.length - 1]?.issuedAt ?? '',
        sessionNames: [...new Set(list.map((x) => x.sessionName))].sort(),
        withExternalId: list.filter((x) => x.externalIdUsed).length,
        crossAccount: list.some((x) => x.crossAccount),
      };
    })
    .sort((x, y) => y.count - x.count || x.userArn.localeCompare(y.userArn));
  const byName = groupBy(inScope, (a) => a.sessionName);
  const shared = [...byName.entries()]
    .map(([sessionName, list]) => ({ sessionName, assumers: [...new Map(list.map((x) => [x.assumer.key, x.assumer])).values()], count: list.length }))
    .filter((s) => s.assumers.length > 1)
    .sort((x, y) => y.count - x.count);
  return { callers, shared };
}

/** Pure: the rate buckets with the overall peak minute. */
export function rateSeries(grain: TimeGrain, rows: readonly RoleCallRateRow[]): RateSeries {
  let peak: RateSeries['peak'] = null;
  for (const r of rows) if (!peak || r.peakPerMinute > peak.perMinute) peak = { perMinute: r.peakPerMinute, at: r.peakMinute };
  return { grain, perMinute: [...rows], peak, totalCalls: rows.reduce((n, r) => n + r.calls, 0) };
}

export function summariseCost(rows: readonly RoleCostCallRow[]): CostCallSummary[] {
  const by = new Map<string, CostCallSummary>();
  for (const r of rows) {
    const key = `${r.eventSource}\n${r.eventName}`;
    const s = by.get(key) ?? { eventSource: r.eventSource, eventName: r.eventName, calls: 0, failed: 0, days: 0, why: costRuleOf(r.eventSource, r.eventName)?.why ?? '' };
    s.calls += r.calls;
    s.failed += r.failed;
    s.days += 1;
    by.set(key, s);
  }
  return [...by.values()].sort((a, b) => b.calls - a.calls);
}

/** Pure: the sessions that made one call, tied by access key to the AssumeRole that issued the key. */
export function identitiesOf(rows: readonly CallIdentityRow[], assumptions: readonly Assumption[]): CallIdentity[] {
  const byKey = new Map(assumptions.filter((a) => a.accessKeyId).map((a) => [a.accessKeyId as string, a]));
  const groups = new Map<string, CallIdentity>();
  for (const r of rows) {
    const assumer = r.accessKeyId ? (byKey.get(r.accessKeyId)?.assumer ?? null) : null;
    const key = assumer?.key ?? '(unknown)';
    const g = groups.get(key) ?? { assumer, sessions: [], accessKeyIds: [], calls: 0, failed: 0, first: r.first, last: r.last };
    if (r.sessionId && !g.sessions.includes(r.sessionId)) g.sessions.push(r.sessionId);
    if (r.accessKeyId && !g.accessKeyIds.includes(r.accessKeyId)) g.accessKeyIds.push(r.accessKeyId);
    g.calls += r.calls;
    g.failed += r.failed;
    if (r.first < g.first) g.first = r.first;
    if (r.last > g.last) g.last = r.last;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.calls - a.calls);
}

export interface RoleReviewOptions {
  expected: ExpectedActions;
  call?: CallRef;
  signal?: AbortSignal;
}

export async function getVendorRoleReview(conn: Connection, roleArn: string, scope: Scope, o: RoleReviewOptions): Promise<VendorRoleReview> {
  const grain = rateGrain(scope);
  const lookback = { from: isoUtc(Date.parse(scope.from) - ASSUMPTION_LOOKBACK_MS), to: scope.to };
  const [calls, rate, throttles, cost, assumptions, identities] = await Promise.all([
    runPanel(conn, roleApiCalls, { ...scope, roleArn }, o.signal),
    runPanel(conn, roleCallRate, { ...scope, roleArn, grain }, o.signal),
    runPanel(conn, roleThrottles, { ...scope, roleArn }, o.signal),
    runPanel(conn, roleCostCalls, { ...scope, roleArn }, o.signal),
    runPanel(conn, assumeRoleEvents, { ...NO_MATCH, ...lookback, roleArns: [roleArn] }, o.signal),
    o.call ? runPanel(conn, callIdentities, { ...scope, roleArn, ...o.call }, o.signal) : Promise.resolve(null),
  ]);
  const callRows = calls.rows.slice(0, ROLE_API_CALLS_LIMIT);
  const merged = mergeCopies(assumptions.rows);
  const { callers, shared } = summariseCallers(roleArn, merged, scope);
  return {
    roleArn,
    scope,
    calls: summariseCalls(callRows),
    callsTruncated: calls.rows.length > ROLE_API_CALLS_LIMIT,
    assumeRoleCallers: callers,
    sharedSessionNames: shared,
    rate: rateSeries(grain, rate.rows),
    throttled: { total: throttles.rows.reduce((n, r) => n + r.count, 0), rows: throttles.rows },
    costCalls: { summary: summariseCost(cost.rows), perDay: cost.rows },
    expected: o.expected,
    unexpected: flagUnexpected(callRows, o.expected.patterns),
    identities: o.call && identities ? { call: o.call, rows: identitiesOf(identities.rows, merged), panel: identities } : null,
    panels: { calls, rate, throttles, cost, assumptions },
  };
}
