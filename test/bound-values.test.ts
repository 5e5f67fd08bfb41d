import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAthenaDialect } from '@/lib/engine/athena/dialect';
import { toExecutionParameters } from '@/lib/engine/athena/parameters';
import type { QueryModule } from '@/lib/engine/panel';
import { longestAccepted } from './app/longest-accepted';

/**
 * Issue 12, defect 6: every query module, built with the longest (and the most quote-heavy) values
 * its own parameter schema accepts, binds only values Athena accepts as ExecutionParameters (each
 * one SQL literal of at most 1,024 characters, quotes included, each ' doubled). A module whose
 * schema lets a longer value through fails here, naming the module and the parameter.
 *
 * Every module in lib/ is found by reading the source, so a new one cannot be left out: it fails
 * until it has base parameters below. Times (`from`, `to`, …) are left as they are: request
 * validation only lets whole ISO-8601 instants through (lib/params/validators.ts `isoInstant`).
 */

type AnyModule = QueryModule<unknown, unknown>;

const ROOT = path.resolve(__dirname, '..');
const scope = { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' };
const session = { kind: 'role-session', principalId: 'AROAEXAMPLE000000001:sara' };
const roleArn = 'arn:aws:iam::123456789012:role/VendorRole';

/** Realistic parameters per module name; the test lengthens each string in them. */
const BASE: Record<string, unknown> = {
  'assume-role-events': {
    ...scope,
    assumedRoleIds: ['AROAEXAMPLE000000001:sara'],
    accessKeyIds: ['ASIAEXAMPLEKEY000001'],
    roleArns: [roleArn],
    callerPrincipalIds: ['AROAEXAMPLE000000002:sara'],
    callerRoleArns: [roleArn],
    callerServices: ['ec2.amazonaws.com'],
    callerArns: ['arn:aws:iam::123456789012:user/alice'],
    federated: ['AssumeRoleWithSAML'],
  },
  'session-credentials': { ...scope, principalIds: ['AROAEXAMPLE000000001:sara'] },
  'new-behavior-counts': { subject: session, baselineFrom: '2026-10-05T00:00:00Z', scopeFrom: scope.from, scopeTo: scope.to },
  'api-volume': { subject: session, ...scope, bucket: '1h' },
  'scope-details-ips': { subject: session, ...scope },
  'scope-details-apis': { subject: { kind: 'role', arn: roleArn }, ...scope },
  'scope-details-keys': { subject: { kind: 'user', arn: 'arn:aws:iam::123456789012:user/alice' }, ...scope },
  'ip-principals': { ip: '198.51.100.7', ...scope },
  'user-access-keys': { arn: 'arn:aws:iam::123456789012:user/alice', ...scope },
  'organisation-account-activity': scope,
  'vendor-role-throttles': { ...scope, roleArn },
  'access-data-event-sources': scope,
  'vendor-role-call-totals': { ...scope, roleArns: [roleArn] },
  'vendor-role-cost-calls': { ...scope, roleArn },
  'access-principal-usage': { ...scope, kind: 'user', arn: 'arn:aws:iam::123456789012:user/pchen' },
  'vendor-role-call-rate': { ...scope, roleArn, grain: 'hour' },
  'vendor-role-api-calls': { ...scope, roleArn },
  'access-active-principals': scope,
  'vendor-external-assumptions': { ...scope, organisationAccounts: ['111122223333'] },
  'vendor-call-identities': { ...scope, roleArn, eventSource: 'iam.amazonaws.com', eventName: 'GenerateCredentialReport' },
  'vendor-trust-policy-events': scope,
  'hygiene-session-name-usage': scope,
  'identity-lookup': { by: 'arn', value: 'arn:aws:sts::123456789012:assumed-role/DemoRole/sara', ...scope },
  'session-timeline': { ...scope, principalId: 'AROAEXAMPLE000000001:sara' },
  'finding-key-owner': { ...scope, accessKeyId: 'ASIAEXAMPLEKEY000001' },
  'finding-evidence-names': { ...scope, eventIds: ['e-1'] },
  'detection-iam-policy-by-role-session': scope,
  'detection-access-key-for-other-user': scope,
  'detection-external-assume-role': { ...scope, organisationAccounts: ['111111111111'] },
  'detection-trail-changes': { ...scope, eventNames: ['StopLogging'] },
  'detection-access-denied-burst': scope,
  'detection-principal-sources': { baselineFrom: '2026-10-05T00:00:00Z', scopeFrom: scope.from, scopeTo: scope.to },
  'detection-sensitive-calls': { baselineFrom: '2026-10-05T00:00:00Z', scopeFrom: scope.from, scopeTo: scope.to },
  'detection-instance-session-sources': scope,
  'detection-source-switches': scope,
  'coverage-counts': { ...scope, days: scope },
  'coverage-trail-events': { ...scope, spans: [scope] },
  'coverage-trail-event-hours': scope,
  'detection-console-logins': { ...scope, kind: 'root' },
  'subject-extent': { subject: session, window: scope },
  'data-range': {},
  'data-range-probe': { firstDay: '2026-11-18', lastDay: '2026-11-19' },
  'data-range-extent': { days: ['2026-11-18', '2026-11-19'] },
  'data-range-partitions': { keys: 'year-month-day' },
  'role-sessions': { ...scope, account: '123456789012', role: 'DemoRole', sessionName: 'sara', assumer: 'arn:aws:iam::123456789012:user/alice', sort: 'last_seen', order: 'desc', limit: 51, offset: 0 },
  'scope-totals': scope,
  accounts: scope,
  regions: scope,
  'top-principals': scope,
  'top-event-names': scope,
  'event-search': {
    ...scope,
    principal: 'arn:aws:iam::123456789012:role/DemoRole',
    accessKeyId: 'ASIAEXAMPLEKEY000001',
    sessionName: 'sara',
    ip: '198.51.100.7',
    eventName: 'StopLogging',
    eventSource: 'cloudtrail.amazonaws.com',
    errorCode: 'AccessDenied',
    account: '123456789012',
    region: 'us-east-1',
    eventId: 'e-1',
    userAgent: 'aws-cli/2.15.0',
    limit: 51,
    after: { t: '2026-11-19T12:00:00Z', id: 'e-1' },
  },
};

/** Instants, validated as whole ISO-8601 times at the request boundary: never lengthened. */
const TIME_KEYS = new Set(['from', 'to', 'baselineFrom', 'scopeFrom', 'scopeTo', 't']);

function isModule(v: unknown): v is AnyModule {
  return typeof v === 'object' && v !== null && typeof (v as AnyModule).build === 'function' && typeof (v as AnyModule).name === 'string' && 'params' in v;
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) yield full;
  }
}

/** Every query module exported from lib/, directly or in a record of modules. */
async function allModules(): Promise<AnyModule[]> {
  const found = new Map<string, AnyModule>();
  for (const file of walk(path.join(ROOT, 'lib'))) {
    if (!fs.readFileSync(file, 'utf8').includes('QueryModule<')) continue;
    const exports = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      for (const candidate of isModule(value) ? [value] : typeof value === 'object' && value !== null ? Object.values(value) : []) {
        if (isModule(candidate)) found.set(candidate.name, candidate);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

type Leaf = { path: (string | number)[]; value: string };

function stringLeaves(value: unknown, at: (string | number)[] = []): Leaf[] {
  if (typeof value === 'string') return TIME_KEYS.has(String(at[at.length - 1])) ? [] : [{ path: at, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...at, i]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...at, k]));
  return [];
}

function withLeaf(base: unknown, at: (string | number)[], value: string): unknown {
  if (at.length === 0) return value;
  const [head, ...rest] = at as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<string | number, unknown>;
  copy[head] = withLeaf(copy[head], rest, value);
  return copy;
}

const athena = createAthenaDialect({ catalog: 'AwsDataCatalog', database: 'trailscope', table: 'cloudtrail_logs', partitioning: 'projected-date' });

/** The bound values Athena refuses, or [] when it takes them all. */
function refusedByAthena(module: AnyModule, params: unknown): string[] {
  const { params: bound } = module.build(athena, module.params.parse(params)).toQuery();
  try {
    toExecutionParameters(bound);
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

const modules = await allModules();

describe('bound values of every query module fit Athena', () => {
  it('every module in lib/ has base parameters here', () => {
    expect(modules.length).toBeGreaterThan(35);
    expect(modules.map((m) => m.name).filter((name) => !(name in BASE))).toEqual([]);
    expect(Object.keys(BASE).filter((name) => !modules.some((m) => m.name === name))).toEqual([]);
  });

  it.each(modules.map((m) => [m.name, m] as const))('%s, with the longest values its schema accepts', (name, module) => {
    const base = BASE[name];
    expect(module.params.safeParse(base).success, `${name}: its base parameters are valid`).toBe(true);
    const problems: string[] = [];
    let longest = base;
    for (const leaf of stringLeaves(base)) {
      const accepts = (v: string) => module.params.safeParse(withLeaf(base, leaf.path, v)).success;
      const candidates = longestAccepted(leaf.value, accepts);
      const refused = candidates.flatMap((c) => refusedByAthena(module, withLeaf(base, leaf.path, c)).map((r) => `${leaf.path.join('.')}: ${c.length} characters accepted; ${r}`));
      if (refused[0]) problems.push(refused[0]);
      for (const c of candidates) longest = withLeaf(longest, leaf.path, c);
    }
    // All at once, too: each value is bound on its own, so this only adds the combination.
    if (module.params.safeParse(longest).success) problems.push(...refusedByAthena(module, longest).map((r) => `all at once: ${r}`));
    expect(problems).toEqual([]);
  });
});
