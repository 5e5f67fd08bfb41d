import { globMatches } from '@/lib/reviews/policy/glob';
import { eventSourceOf, iamActionOf, needsNoPermission, servicePrefixOf } from '@/lib/reviews/policy/iam-actions';
import type { PrincipalUsageRow } from '@/lib/reviews/queries/principal-usage';
import type { Grants } from './granted-services';

/**
 * Granted versus used, per service. CloudTrail is the only witness, so a service it cannot see is
 * "unknown", never "never used": services it does not record at all, and data-plane permissions
 * (S3 object reads, DynamoDB items, Lambda invokes...) when the trail holds no data events for them.
 */

export const DAYS_CHOICES = [30, 90, 180] as const;
export type Days = (typeof DAYS_CHOICES)[number];

/** Services (IAM prefixes) whose calls CloudTrail does not record. */
export const NOT_LOGGED_SERVICES: readonly string[] = ['execute-api', 'rds-db', 'ssmmessages', 'ec2messages', 'mobileanalytics', 'sdb', 'mechanicalturk', 'elastic-inference'];

/**
 * Actions CloudTrail logs only as data events, which a trail records only when it selects them. A
 * Map, since the service comes from uploaded policies: an object would answer `constructor`.
 */
const DATA_ACTIONS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries({
  s3: ['*Object*', 'ListBucket*', 'ListMultipartUploadParts', 'AbortMultipartUpload'],
  dynamodb: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'Transact*', 'PartiQL*'],
  lambda: ['InvokeFunction', 'InvokeAsync'],
  sns: ['Publish', 'PublishBatch'],
  sqs: ['SendMessage*', 'ReceiveMessage', 'DeleteMessage*', 'ChangeMessageVisibility*'],
  kinesis: ['PutRecord*', 'GetRecords', 'GetShardIterator', 'SubscribeToShard'],
}));

/**
 * Permissions IAM checks while authorising another call, never logged as a call of their own:
 * iam:PassRole is checked when RunInstances or CreateFunction passes a role, sts:TagSession and
 * sts:SetSourceIdentity when AssumeRole carries tags or a source identity. CloudTrail cannot show
 * them used, so they never make a service "never used".
 */
export const PERMISSION_ONLY_ACTIONS: readonly string[] = ['iam:PassRole', 'sts:TagSession', 'sts:SetSourceIdentity', 'sts:SetContext'];

function isPermissionOnly(pattern: string): boolean {
  return PERMISSION_ONLY_ACTIONS.some((a) => a.toLowerCase() === pattern.toLowerCase());
}

export interface UsedAction {
  action: string;
  eventSource: string;
  eventName: string;
  calls: number;
  failed: number;
  lastUsed: string | null;
}

export interface UsedService {
  service: string;
  eventSource: string;
  actions: UsedAction[];
  /** Last successful call; null when every call failed. */
  lastUsed: string | null;
  calls: number;
  failed: number;
}

/** Pure: the usage rows grouped by IAM service, most recently used first. */
export function usedServices(rows: readonly PrincipalUsageRow[]): UsedService[] {
  const by = new Map<string, UsedService>();
  for (const r of rows) {
    const service = servicePrefixOf(r.eventSource);
    const entry = by.get(service) ?? { service, eventSource: r.eventSource, actions: [], lastUsed: null, calls: 0, failed: 0 };
    entry.actions.push({ action: iamActionOf(r.eventSource, r.eventName), eventSource: r.eventSource, eventName: r.eventName, calls: r.success, failed: r.failed, lastUsed: r.lastUsed });
    entry.calls += r.success;
    entry.failed += r.failed;
    if (r.lastUsed && (!entry.lastUsed || r.lastUsed > entry.lastUsed)) entry.lastUsed = r.lastUsed;
    by.set(service, entry);
  }
  for (const s of by.values()) s.actions.sort((a, b) => b.calls - a.calls || a.action.localeCompare(b.action));
  return [...by.values()].sort((a, b) => (b.lastUsed ?? '').localeCompare(a.lastUsed ?? '') || a.service.localeCompare(b.service));
}

export const ACCESS_STATUSES = ['used', 'not-used-recently', 'never-used', 'unknown'] as const;
export type AccessStatus = (typeof ACCESS_STATUSES)[number];

export interface ServiceAccess {
  service: string;
  status: AccessStatus;
  lastUsed: string | null;
  grantedActions: string[];
  policies: string[];
  usedActions: string[];
  note: string | null;
}

function isDataAction(service: string, pattern: string): boolean {
  const action = pattern.slice(pattern.indexOf(':') + 1);
  return (DATA_ACTIONS.get(service) ?? []).some((g) => globMatches(g, action));
}

export interface ClassifyOptions {
  days: number;
  /** The end of the window: "not used in N days" counts back from here. */
  scopeTo: string;
  /** Event sources with data events in the store for the window. */
  dataEventSources: readonly string[];
}

/** Pure: each granted service marked used / not used in N days / never used / unknown. */
export function classifyServices(grants: Grants, used: readonly UsedService[], o: ClassifyOptions): ServiceAccess[] {
  const cutoff = new Date(Date.parse(o.scopeTo) - o.days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const usedByService = new Map(used.map((u) => [u.service, u]));
  const lastUsedOverall = used.map((u) => u.lastUsed).filter((t): t is string => t !== null).sort().pop() ?? null;
  return grants.services.map((g) => {
    const base = { service: g.service, grantedActions: g.actions, policies: g.policies };
    if (g.service === '*') {
      const status: AccessStatus = !lastUsedOverall ? 'never-used' : lastUsedOverall >= cutoff ? 'used' : 'not-used-recently';
      return { ...base, status, lastUsed: lastUsedOverall, usedActions: [], note: 'a grant of every service: the used list below is what a narrower policy would need' };
    }
    if (NOT_LOGGED_SERVICES.includes(g.service)) {
      return { ...base, status: 'unknown', lastUsed: null, usedActions: [], note: 'CloudTrail does not record calls to this service' };
    }
    const u = usedByService.get(g.service);
    const usedActions = (u?.actions ?? []).filter((a) => a.calls > 0).map((a) => a.action);
    if (u?.lastUsed) return { ...base, status: u.lastUsed >= cutoff ? 'used' : 'not-used-recently', lastUsed: u.lastUsed, usedActions, note: null };
    const permissionOnly = g.actions.filter(isPermissionOnly);
    if (permissionOnly.length === g.actions.length) {
      return { ...base, status: 'unknown', lastUsed: null, usedActions, note: `${permissionOnly.join(', ')} is checked when another call passes the permission on; CloudTrail does not log it as a call` };
    }
    const dataGranted = g.actions.filter((a) => isDataAction(g.service, a));
    const dataLogged = o.dataEventSources.includes(eventSourceOf(g.service));
    if (dataGranted.length > 0 && !dataLogged) {
      if (dataGranted.length === g.actions.length) {
        return { ...base, status: 'unknown', lastUsed: null, usedActions, note: `only data-plane actions are granted, and the trail holds no ${g.service} data events` };
      }
      return { ...base, status: 'never-used', lastUsed: null, usedActions, note: `no management call; ${g.service} data events are not in the trail, so data-plane use (${dataGranted.join(', ')}) cannot be seen` };
    }
    return { ...base, status: 'never-used', lastUsed: null, usedActions, note: null };
  });
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: { Sid: string; Effect: 'Allow' | 'Deny'; Action: string[]; Resource: '*' }[];
}

function sid(prefix: string, service: string): string {
  const name = service
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('');
  return `${prefix}${name || 'All'}`;
}

/**
 * A least-privilege policy from the actions that succeeded: one statement per service, Resource
 * `*` (CloudTrail names resources unevenly across services, so narrowing them is left to the
 * reviewer). Calls that need no permission (sts:GetCallerIdentity) are left out.
 */
export function suggestLeastPrivilegePolicy(used: readonly UsedService[]): PolicyDocument | null {
  const statements = used
    .map((u) => ({ service: u.service, actions: [...new Set(u.actions.filter((a) => a.calls > 0 && !needsNoPermission(a.action)).map((a) => a.action))].sort() }))
    .filter((s) => s.actions.length > 0)
    .sort((a, b) => a.service.localeCompare(b.service))
    .map((s) => ({ Sid: sid('Used', s.service), Effect: 'Allow' as const, Action: s.actions, Resource: '*' as const }));
  return statements.length > 0 ? { Version: '2012-10-17', Statement: statements } : null;
}

/** A Deny of every granted service not used in the window or in N days; unknown ones are kept. */
export function denyUnusedServices(access: readonly ServiceAccess[]): PolicyDocument | null {
  const services = access.filter((a) => a.service !== '*' && (a.status === 'never-used' || a.status === 'not-used-recently')).map((a) => `${a.service}:*`);
  if (services.length === 0) return null;
  return { Version: '2012-10-17', Statement: [{ Sid: 'DenyUnusedServices', Effect: 'Deny', Action: [...new Set(services)].sort(), Resource: '*' }] };
}
