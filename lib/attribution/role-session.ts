import type { Connection } from '@/lib/engine/types';
import { runPanel, type PanelResult } from '@/lib/queries/panel';
import type { Scope } from '@/lib/params/scope';
import { mergeCopies } from './assumptions';
import { linkCredentials } from './link-credentials';
import { assumeRoleEvents } from './queries/assume-role-events';
import { sessionCredentials, type SessionCredentialRow } from './queries/session-credentials';
import type { Assumer, Assumption, LinkedCredential, ObservedCredential } from './types';

/** Role sessions last at most 12 hours: credentials used in the scope were issued at most this long before it. */
const MAX_SESSION_MS = 12 * 3600_000;

export interface AssumedBy {
  assumer: Assumer;
  /** How many of the session's credentials in the scope this assumer obtained. */
  assumptions: number;
  confidence: 'proven' | 'inferred';
  evidenceEventIds: string[];
}

export interface RoleSessionAttribution {
  principalId: string;
  sessionName: string;
  roleArn: string | null;
  accountId: string | null;
  credentials: LinkedCredential[];
  /** AssumeRole* calls into this session issued in the scope, used or not. */
  assumptions: Assumption[];
  assumedBy: AssumedBy[];
  /** Credentials with no AssumeRole* event behind them: the assumer is unknown, with the reason. */
  unattributed: LinkedCredential[];
  panels: { credentials: PanelResult<SessionCredentialRow>; assumeRoleEvents: PanelResult<unknown> };
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function toObserved(r: SessionCredentialRow): ObservedCredential {
  return {
    accessKeyId: r.access_key_id,
    creationDate: r.creation_date,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    events: r.events,
    failed: r.failed,
    sourceIps: (r.source_ips ?? []).filter((x): x is string => x !== null).sort(),
    mfaAuthenticated: r.mfa === null ? null : r.mfa === 'true',
    sourceIdentity: r.source_identity,
  };
}

/** Groups the proven and inferred links by who made them. */
export function summariseAssumers(links: readonly LinkedCredential[]): AssumedBy[] {
  const byKey = new Map<string, AssumedBy>();
  for (const l of links) {
    if (!l.assumption || l.confidence === 'unknown') continue;
    const a = l.assumption.assumer;
    const entry = byKey.get(a.key) ?? { assumer: a, assumptions: 0, confidence: 'inferred' as const, evidenceEventIds: [] };
    entry.assumptions++;
    if (l.confidence === 'proven') entry.confidence = 'proven';
    entry.evidenceEventIds = [...new Set([...entry.evidenceEventIds, ...l.assumption.evidenceEventIds])].sort();
    byKey.set(a.key, entry);
  }
  return [...byKey.values()].sort((x, y) => y.assumptions - x.assumptions || x.assumer.name.localeCompare(y.assumer.name));
}

/**
 * Who assumed a role session in the scope, with the evidence: the credentials it used, each tied
 * to the AssumeRole* call that issued it (or marked unknown with the reason), merged across the
 * accounts that logged the call.
 */
export async function getRoleSessionAttribution(
  conn: Connection,
  principalId: string,
  scope: Scope,
  dataStart: string | null,
  signal?: AbortSignal,
): Promise<RoleSessionAttribution> {
  const credentialsPanel = await runPanel(conn, sessionCredentials, { ...scope, principalId }, signal);
  const observed = credentialsPanel.rows.map(toObserved);
  const roleArn = credentialsPanel.rows.find((r) => r.role_arn)?.role_arn ?? null;
  const earliestCreation = Math.min(
    Date.parse(scope.from) - MAX_SESSION_MS,
    ...observed.map((o) => (o.creationDate ? Date.parse(o.creationDate) : Number.POSITIVE_INFINITY)),
  );
  // Widened a little: the AssumeRole call is logged when it returns, a moment after creationDate.
  const window = { from: iso(earliestCreation - 5 * 60_000), to: scope.to };
  const eventsPanel = await runPanel(
    conn,
    assumeRoleEvents,
    {
      ...window,
      assumedRoleIds: [principalId],
      accessKeyIds: observed.map((o) => o.accessKeyId).filter((k): k is string => k !== null),
      roleArns: [],
      callerPrincipalIds: [],
    },
    signal,
  );
  const sessionName = principalId.slice(principalId.indexOf(':') + 1);
  const assumptions = mergeCopies(eventsPanel.rows).filter(
    (a) => a.assumedRoleId === principalId || (a.sessionName === sessionName && (roleArn === null || a.roleArn === roleArn)) || observed.some((o) => o.accessKeyId && o.accessKeyId === a.accessKeyId),
  );
  const credentials = linkCredentials(principalId, observed, assumptions, dataStart);
  return {
    principalId,
    sessionName,
    roleArn: roleArn ?? assumptions[0]?.roleArn ?? null,
    accountId: credentialsPanel.rows.find((r) => r.account_id)?.account_id ?? null,
    credentials,
    assumptions: assumptions.filter((a) => a.issuedAt >= scope.from && a.issuedAt < scope.to),
    assumedBy: summariseAssumers(credentials),
    unattributed: credentials.filter((c) => c.confidence === 'unknown'),
    panels: { credentials: credentialsPanel, assumeRoleEvents: eventsPanel },
  };
}
