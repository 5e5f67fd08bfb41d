/**
 * Runs every built-in detection over a scope of the CloudTrail store and says, per rule, what it
 * found and what each query cost (so the Findings page can show the SQL like every other panel).
 * Rules run one after another: Athena limits concurrent queries per account, and DuckDB gains
 * little from running them side by side.
 */
import { getEnricher } from '@/lib/enrichment/enricher';
import type { Enricher } from '@/lib/enrichment/types';
import { EngineError, type Connection, type QueryStats } from '@/lib/engine/types';
import { saveFindingsAndNotify } from '@/lib/notifications/notify';
import type { Finding } from '@/lib/findings/types';
import { baselineWindow } from '@/lib/new-behavior/coverage';
import { checkBaselineDays, DEFAULT_BASELINE_DAYS } from '@/lib/new-behavior/params';
import { organisationAccounts } from '@/lib/org/accounts';
import type { Scope } from '@/lib/params/scope';
import { panelQuery, runPanel, type PanelQuery, type PanelResult, type QueryModule } from '@/lib/engine/panel';
import { getDataRange } from '@/lib/data-range/get-data-range';
import { isoUtc } from '@/lib/time';
import { MAX_GROUPS, scopeSchema } from './grouped-sql';
import { newCountryFindings } from './new-country';
import { accessDeniedBursts } from './queries/access-denied-burst';
import { consoleLogins } from './queries/console-logins';
import { externalAssumeRoles } from './queries/external-assume-role';
import { accessKeysForOtherUsers, policyChangesByRoleSession } from './queries/iam-changes';
import { MAX_PRINCIPAL_SOURCES, principalSources } from './queries/principal-sources';
import { trailChanges } from './queries/trail-changes';
import { DETECTION_RULE_IDS, ruleById, TRAIL_MODIFYING_EVENTS, type DetectionRuleId } from './rules';
import { instanceSessionSources } from './queries/instance-sessions';
import { instanceCredentialFindings } from './instance-credentials';
import { sourceSwitches, MAX_SWITCHES } from './queries/source-switches';
import { impossibleTravelFindings } from './impossible-travel';
import { MAX_SENSITIVE_ROWS, sensitiveCalls } from './queries/sensitive-calls';
import { sensitiveFirstUseFindings } from './sensitive-first-use';
import { roleJugglingFindings } from './role-juggling';
import { assumeRoleEvents, NO_MATCH } from '@/lib/attribution/queries/assume-role-events';
import {
  accessDeniedBurstFinding,
  accessKeyFinding,
  consoleLoginFinding,
  externalAssumeRoleFinding,
  policyChangeFinding,
  trailFinding,
} from './to-findings';

export type DetectionQuery = PanelQuery;

export interface RuleRun {
  rule: DetectionRuleId;
  /** Findings the rule produced in this run. */
  count: number;
  queries: DetectionQuery[];
  /** The rule hit its row limit: there may be more findings than were returned. */
  truncated: boolean;
  /** Context worth showing beside the count (where the organisation accounts came from, principals without a baseline). */
  note?: string;
  /** The rule failed (a query failed); the other rules still ran. A later run retries it. */
  error?: string;
  /** The rule cannot run as Trailscope is set up (no organisation accounts): not retried until the setting changes. */
  skipped?: string;
}

export interface DetectionRun {
  scope: Scope;
  findings: Finding[];
  perRule: RuleRun[];
}

export interface DetectionOptions {
  /** Geolocation for the new-country rule; the process-wide enricher by default. */
  enricher?: Enricher;
  /** The store's first event, so a young store shortens the baseline; read from the store by default. */
  storeFirstEvent?: string | null;
  /** Days of baseline for the new-country rule (1–90, 45 by default, as the New behavior panel). */
  baselineDays?: number;
  /** Only these rules (all by default). */
  rules?: readonly DetectionRuleId[];
  /**
   * Start each rule its own look-back earlier than the scope (runs after new data: a match that
   * began before the new files is still whole). A scope someone chose is run as it is.
   */
  lookback?: boolean;
}

interface Context {
  conn: Connection;
  scope: Scope;
  signal?: AbortSignal;
  options: DetectionOptions;
}

type Outcome = Omit<RuleRun, 'rule' | 'count'> & { findings: Finding[] };

const query = (p: PanelResult<unknown>): DetectionQuery => panelQuery(p);

/** A grouped rule: one query, one finding per row. */
async function grouped<P, R>(ctx: Context, module: QueryModule<P, R>, params: P, toFinding: (row: R) => Finding): Promise<Outcome> {
  const result = await runPanel(ctx.conn, module, params, ctx.signal);
  return { findings: result.rows.map(toFinding), queries: [query(result)], truncated: result.rows.length >= MAX_GROUPS };
}

/** The store's first event (for baselines), from the options or the store; the query it took, if any. */
async function storeFirstEvent(ctx: Context, queries: DetectionQuery[]): Promise<string | null> {
  if (ctx.options.storeFirstEvent !== undefined) return ctx.options.storeFirstEvent;
  const range = await getDataRange(ctx.conn, ctx.signal);
  queries.push(...range.queries);
  return range.first;
}

/** Enriches the distinct addresses rows name. */
function enrich(ctx: Context, ips: Iterable<string>) {
  return (ctx.options.enricher ?? getEnricher()).enrich([...new Set(ips)]);
}

async function instanceCredentials(ctx: Context): Promise<Outcome> {
  const result = await runPanel(ctx.conn, instanceSessionSources, ctx.scope, ctx.signal);
  const infos = await enrich(ctx, result.rows.map((r) => r.source_ip));
  return { findings: instanceCredentialFindings(result.rows, infos), queries: [query(result)], truncated: result.rows.length >= MAX_GROUPS };
}

async function roleJuggling(ctx: Context): Promise<Outcome> {
  const result = await runPanel(ctx.conn, assumeRoleEvents, { ...NO_MATCH, from: ctx.scope.from, to: ctx.scope.to, chained: true }, ctx.signal);
  return { findings: roleJugglingFindings(result.rows), queries: [query(result)], truncated: result.rows.length >= 5000 };
}

async function impossibleTravel(ctx: Context): Promise<Outcome> {
  const result = await runPanel(ctx.conn, sourceSwitches, ctx.scope, ctx.signal);
  const infos = await enrich(ctx, result.rows.flatMap((r) => [r.ip_from, r.ip_to]));
  return { findings: impossibleTravelFindings(result.rows, infos), queries: [query(result)], truncated: result.rows.length >= MAX_SWITCHES };
}

/** A rule that compares the scope with its baseline: the store's start, the window, and the module's rows over both. */
async function againstBaseline<R>(ctx: Context, module: QueryModule<{ baselineFrom: string; scopeFrom: string; scopeTo: string }, R>) {
  const queries: DetectionQuery[] = [];
  const storeFirst = await storeFirstEvent(ctx, queries);
  const window = baselineWindow(ctx.scope.from, checkBaselineDays(ctx.options.baselineDays ?? DEFAULT_BASELINE_DAYS));
  const result = await runPanel(ctx.conn, module, { baselineFrom: window.from, scopeFrom: ctx.scope.from, scopeTo: ctx.scope.to }, ctx.signal);
  queries.push(query(result));
  return { queries, storeFirst, window, result };
}

async function sensitiveFirstUse(ctx: Context): Promise<Outcome> {
  const { queries, storeFirst, window, result } = await againstBaseline(ctx, sensitiveCalls);
  const found = sensitiveFirstUseFindings(result.rows, window, storeFirst);
  return {
    findings: found.findings,
    queries,
    truncated: result.rows.length >= MAX_SENSITIVE_ROWS,
    note: `${found.principals - found.withoutBaseline} of ${found.principals} principals with sensitive calls had a baseline to compare with`,
  };
}

async function newCountry(ctx: Context): Promise<Outcome> {
  const { queries, storeFirst, window, result: counts } = await againstBaseline(ctx, principalSources);
  const infos = await enrich(ctx, counts.rows.map((r) => r.ip));
  const result = newCountryFindings(counts.rows, infos, window, storeFirst);
  return {
    findings: result.findings,
    queries,
    truncated: counts.rows.length >= MAX_PRINCIPAL_SOURCES,
    note: `${result.principals - result.withoutBaseline} of ${result.principals} active principals had a baseline to compare with`,
  };
}

async function externalAccounts(ctx: Context): Promise<Outcome> {
  const org = await organisationAccounts(ctx.conn, ctx.signal);
  if (org.accounts.length === 0) {
    return { findings: [], queries: [], truncated: false, skipped: 'No organisation accounts: set TRAILSCOPE_ORG_ACCOUNTS, or ingest the organisation accounts’ trails.' };
  }
  const outcome = await grouped(ctx, externalAssumeRoles, { ...ctx.scope, organisationAccounts: org.accounts }, externalAssumeRoleFinding);
  return { ...outcome, note: `${org.accounts.length} organisation account${org.accounts.length === 1 ? '' : 's'} (${org.source === 'config' ? 'TRAILSCOPE_ORG_ACCOUNTS' : 'inferred from the ingested trails'})` };
}

const DETECTORS: Record<DetectionRuleId, (ctx: Context) => Promise<Outcome>> = {
  'cloudtrail-logging-stopped': (ctx) => grouped(ctx, trailChanges, { ...ctx.scope, eventNames: ['StopLogging'] }, (r) => trailFinding('cloudtrail-logging-stopped', r)),
  'cloudtrail-trail-deleted': (ctx) => grouped(ctx, trailChanges, { ...ctx.scope, eventNames: ['DeleteTrail'] }, (r) => trailFinding('cloudtrail-trail-deleted', r)),
  'cloudtrail-trail-modified': (ctx) =>
    grouped(ctx, trailChanges, { ...ctx.scope, eventNames: [...TRAIL_MODIFYING_EVENTS] }, (r) => trailFinding('cloudtrail-trail-modified', r)),
  'iam-policy-changed-by-role-session': (ctx) => grouped(ctx, policyChangesByRoleSession, ctx.scope, policyChangeFinding),
  'iam-access-key-for-other-user': (ctx) => grouped(ctx, accessKeysForOtherUsers, ctx.scope, accessKeyFinding),
  'console-login-without-mfa': (ctx) =>
    grouped(ctx, consoleLogins, { ...ctx.scope, kind: 'iam-user-without-mfa' }, (r) => consoleLoginFinding('console-login-without-mfa', r)),
  'root-console-login': (ctx) => grouped(ctx, consoleLogins, { ...ctx.scope, kind: 'root' }, (r) => consoleLoginFinding('root-console-login', r)),
  'access-denied-burst': (ctx) => grouped(ctx, accessDeniedBursts, ctx.scope, accessDeniedBurstFinding),
  'role-assumed-from-external-account': externalAccounts,
  'new-country-for-principal': newCountry,
  'ec2-instance-credentials-outside-aws': instanceCredentials,
  'role-juggling': roleJuggling,
  'impossible-travel': impossibleTravel,
  'sensitive-api-first-use': sensitiveFirstUse,
};

/** The query a rule failed on, with what it cost (Athena bills stopped queries), when the engine says. */
function failedQuery(error: unknown): DetectionQuery[] {
  if (!(error instanceof EngineError)) return [];
  const { sql, params, stats } = error.details ?? {};
  return sql !== undefined && stats ? [{ sql, params: [...(params ?? [])], stats, notes: [] }] : [];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Every rule (or `options.rules`) over [scope.from, scope.to). A rule that fails is reported in its
 * `perRule` entry and the others still run; cancellation (the signal) stops the whole run.
 * Findings are sorted by first seen, then id, so two runs over the same data compare equal.
 */
export async function runDetections(conn: Connection, scope: Scope, signal?: AbortSignal, options: DetectionOptions = {}): Promise<DetectionRun> {
  const checked = scopeSchema.parse(scope);
  const ctx: Context = { conn, scope: checked, signal, options };
  const findings: Finding[] = [];
  const perRule: RuleRun[] = [];
  for (const rule of options.rules ?? DETECTION_RULE_IDS) {
    signal?.throwIfAborted();
    try {
      const widened = options.lookback ? { ...checked, from: isoUtc(Date.parse(checked.from) - ruleById(rule).lookbackSeconds * 1000) } : checked;
      const { findings: found, ...outcome } = await DETECTORS[rule]({ ...ctx, scope: widened });
      findings.push(...found);
      perRule.push({ rule, count: found.length, ...outcome });
    } catch (error) {
      // Only the caller's own cancellation stops the run: a query Athena cancelled (its workgroup's
      // data usage control, a person in the console) fails its rule like any other error.
      if (signal?.aborted) throw error;
      perRule.push({ rule, count: 0, queries: failedQuery(error), truncated: false, error: message(error) });
    }
  }
  findings.sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id.localeCompare(b.id));
  return { scope: checked, findings, perRule };
}

/**
 * What a run's queries cost together, failed rules' stopped queries included (Athena bills them):
 * null where the engine does not bill per query or did not report a query's figure.
 */
export function runCost(perRule: readonly RuleRun[]): { bytesScanned: number | null; costUsd: number | null } {
  const stats = perRule.flatMap((r) => r.queries.map((q) => q.stats));
  const sum = (pick: (s: QueryStats) => number | null) =>
    stats.length === 0 || stats.some((s) => pick(s) === null) ? null : stats.reduce((total, s) => total + (pick(s) ?? 0), 0);
  return { bytesScanned: sum((s) => s.bytesScanned), costUsd: sum((s) => s.costUsd) };
}

/** Stores a run's findings (new ones inserted, known ones merged; see lib/findings/store.ts). */
export function saveDetections(run: Pick<DetectionRun, 'findings'>): Promise<{ inserted: number; updated: number }> {
  return saveFindingsAndNotify(run.findings);
}
