import type { Connection } from '@/lib/engine/types';
import { runPanel, type PanelResult } from '@/lib/engine/panel';
import type { Scope } from '@/lib/params/scope';
import { mergeCopies } from './assumptions';
import { linkCredentials } from './link-credentials';
import { isPackable } from '@/lib/sql/packed-list';
import { assumeRoleEvents, MAX_ACCESS_KEYS, NO_MATCH } from './queries/assume-role-events';
import { sessionCredentials, type SessionCredentialRow } from './queries/session-credentials';
import type { Assumer, Assumption, AssumeRoleEventRow, LinkedCredential, ObservedCredential } from './types';
import { isoUtc } from '@/lib/time';

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
}

export interface AttributionPanels {
  credentials: PanelResult<SessionCredentialRow>;
  assumeRoleEvents: PanelResult<AssumeRoleEventRow>;
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

/**
 * The AssumeRole* calls that issued the given sessions or keys: one query whatever the number of
 * keys (a long scope can hold thousands: an instance profile refreshes every few hours), so the
 * window's days are read once. The keys are packed into few bound values (lib/sql/packed-list.ts).
 */
function findIssuingEvents(
  conn: Connection,
  window: Scope,
  assumedRoleIds: string[],
  keys: string[],
  signal?: AbortSignal,
): Promise<PanelResult<AssumeRoleEventRow>> {
  // A key id no AssumeRole* response could hold (a comma in it, absurdly long) has no issuer to find.
  const issued = keys.filter(isPackable).slice(0, MAX_ACCESS_KEYS);
  return runPanel(conn, assumeRoleEvents, { ...NO_MATCH, ...window, assumedRoleIds, accessKeyIds: issued }, signal);
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
 * Who assumed each of the given role sessions in the scope, with the evidence: the credentials
 * each used, tied to the AssumeRole* call that issued them (or marked unknown with the reason),
 * merged across the accounts that logged the call. Two queries, whatever the number of sessions
 * or keys.
 */
export async function attributeRoleSessions(
  conn: Connection,
  principalIds: readonly string[],
  scope: Scope,
  dataStart: string | null,
  signal?: AbortSignal,
): Promise<{ sessions: Map<string, RoleSessionAttribution>; panels: AttributionPanels }> {
  const credentialsPanel = await runPanel(conn, sessionCredentials, { ...scope, principalIds: [...principalIds] }, signal);
  const observedBySession = new Map<string, SessionCredentialRow[]>();
  for (const r of credentialsPanel.rows) observedBySession.set(r.principal_id, [...(observedBySession.get(r.principal_id) ?? []), r]);
  const creations = credentialsPanel.rows.map((r) => (r.creation_date ? Date.parse(r.creation_date) : Number.POSITIVE_INFINITY));
  const earliest = Math.min(Date.parse(scope.from) - MAX_SESSION_MS, ...creations.filter(Number.isFinite));
  // Widened a little: the AssumeRole call is logged when it returns, a moment after creationDate.
  const keys = [...new Set(credentialsPanel.rows.map((r) => r.access_key_id).filter((k): k is string => k !== null))];
  const eventsPanel = await findIssuingEvents(conn, { from: isoUtc(earliest - 5 * 60_000), to: scope.to }, [...principalIds], keys, signal);
  const all = mergeCopies(eventsPanel.rows);

  const sessions = new Map<string, RoleSessionAttribution>();
  for (const principalId of principalIds) {
    const rows = observedBySession.get(principalId) ?? [];
    const observed = rows.map(toObserved);
    const sessionKeys = new Set(observed.map((o) => o.accessKeyId).filter((k) => k !== null));
    const roleArn = rows.find((r) => r.role_arn)?.role_arn ?? null;
    const sessionName = principalId.slice(principalId.indexOf(':') + 1);
    const assumptions = all.filter(
      (a) =>
        a.assumedRoleId === principalId ||
        (a.accessKeyId !== null && sessionKeys.has(a.accessKeyId)) ||
        (a.assumedRoleId === null && a.sessionName === sessionName && roleArn !== null && a.roleArn === roleArn),
    );
    const credentials = linkCredentials(principalId, observed, assumptions, dataStart);
    sessions.set(principalId, {
      principalId,
      sessionName,
      roleArn: roleArn ?? assumptions[0]?.roleArn ?? null,
      accountId: rows.find((r) => r.account_id)?.account_id ?? null,
      credentials,
      assumptions: assumptions.filter((a) => a.issuedAt >= scope.from && a.issuedAt < scope.to),
      assumedBy: summariseAssumers(credentials),
      unattributed: credentials.filter((c) => c.confidence === 'unknown'),
    });
  }
  return { sessions, panels: { credentials: credentialsPanel, assumeRoleEvents: eventsPanel } };
}

export async function getRoleSessionAttribution(
  conn: Connection,
  principalId: string,
  scope: Scope,
  dataStart: string | null,
  signal?: AbortSignal,
): Promise<RoleSessionAttribution & { panels: AttributionPanels }> {
  const { sessions, panels } = await attributeRoleSessions(conn, [principalId], scope, dataStart, signal);
  return { ...(sessions.get(principalId) as RoleSessionAttribution), panels };
}
