import { z } from '@/lib/zod';
import { getChain, type RoleChain } from '@/lib/attribution/chain';
import { roleNameOf } from '@/lib/attribution/assumer';
import type { Connection } from '@/lib/engine/types';
import { ASSUMER_LABELS } from '@/lib/links';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult, type QueryModule } from '@/lib/engine/panel';
import { join, sql } from '@/lib/sql/sql';
import type { Finding } from './types';
import { isoUtc } from '@/lib/time';
import { ROLE_SESSION_ID, accessKeyId } from '@/lib/params/validators';
import { col } from '@/lib/cloudtrail/columns';

const HOUR = 3600_000;

/**
 * The scope an investigation of a finding opens with: its first to last seen, widened to whole
 * hours (as Detective does), at least one hour.
 */
export function investigationScope(f: Pick<Finding, 'firstSeen' | 'lastSeen'>): Scope {
  const from = Math.floor(Date.parse(f.firstSeen) / HOUR) * HOUR;
  const to = Math.max(from + HOUR, Math.ceil((Date.parse(f.lastSeen) + 1000) / HOUR) * HOUR);
  return { from: isoUtc(from), to: isoUtc(to) };
}

const keyOwnerRow = z.object({ principal_id: z.string().nullable(), arn: z.string().nullable(), type: z.string().nullable(), role_arn: z.string().nullable() });

/** Who used an access key around a finding: a GuardDuty finding names the key, not the session. */
export const keyOwner: QueryModule<{ from: string; to: string; accessKeyId: string }, z.infer<typeof keyOwnerRow>> = {
  name: 'finding-key-owner',
  params: z.object({ from: z.string(), to: z.string(), accessKeyId }),
  row: keyOwnerRow,
  build: (d, p) => sql`
SELECT ${col.userIdentity.principalId} AS principal_id, ${col.userIdentity.arn} AS arn, ${col.userIdentity.type} AS type,
  ${col.userIdentity.sessionContext.sessionIssuer.arn} AS role_arn
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${col.userIdentity.accessKeyId} = ${p.accessKeyId}
LIMIT 1`,
};

const evidenceRow = z.object({ event_name: z.string() });

/** The API calls a finding's evidence events made: what happened, in CloudTrail's words. */
export const evidenceEventNames: QueryModule<{ from: string; to: string; eventIds: string[] }, z.infer<typeof evidenceRow>> = {
  name: 'finding-evidence-names',
  params: z.object({ from: z.string(), to: z.string(), eventIds: z.array(z.string().min(1).max(128)).min(1).max(20) }),
  row: evidenceRow,
  build: (d, p) => sql`
SELECT DISTINCT ${col.eventName} AS event_name
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${col.eventId} IN (${join(p.eventIds.map((id) => sql`${id}`), ', ')})
ORDER BY 1`,
};

export interface ResolvedActor {
  /** The role session behind the finding, when the actor is (or used the key of) one. */
  sessionId: string | null;
  roleArn: string | null;
  arn: string | null;
  chain: RoleChain | null;
  /** "StopLogging on demo-trail-2 by role session AWSReservedSSO_…:sara, assumed by sara via IAM Identity Center". */
  sentence: string;
  panel: PanelResult<z.infer<typeof keyOwnerRow>> | null;
}

function whatHappened(f: Finding, apiNames: readonly string[]): string {
  const what = apiNames.length > 0 ? apiNames.join(', ') : (f.type.split('/').pop() ?? f.type);
  const resource = f.resources.find((r) => r.type !== 'AccessKey');
  const name = resource ? (resource.id.split(/[/:]/).pop() ?? resource.id) : null;
  return name ? `${what} on ${name}` : what;
}

interface FindingSession {
  sessionId: string | null;
  roleArn: string | null;
  arn: string | null;
  chain: RoleChain | null;
  panel: ResolvedActor['panel'];
}

/**
 * The role session behind a finding and its chain: the session the finding names, or the one that
 * used its access key in the finding's window (a GuardDuty finding names the key, not the session).
 */
export async function findingSession(conn: Connection, f: Finding, dataStart: string | null, signal?: AbortSignal): Promise<FindingSession> {
  const scope = investigationScope(f);
  let sessionId = f.actor.sessionId ?? (f.actor.principalId && ROLE_SESSION_ID.test(f.actor.principalId) ? f.actor.principalId : null);
  let roleArn: string | null = null;
  let arn = f.actor.arn;
  let panel: ResolvedActor['panel'] = null;
  if (!sessionId && f.actor.accessKeyId && accessKeyId.safeParse(f.actor.accessKeyId).success) {
    panel = await runPanel(conn, keyOwner, { from: isoUtc(Date.parse(scope.from) - HOUR), to: isoUtc(Date.parse(scope.to) + HOUR), accessKeyId: f.actor.accessKeyId }, signal);
    const owner = panel.rows[0];
    if (owner?.principal_id && ROLE_SESSION_ID.test(owner.principal_id)) sessionId = owner.principal_id;
    roleArn = owner?.role_arn ?? null;
    arn ??= owner?.arn ?? null;
  }
  const chain = sessionId ? await getChain(conn, sessionId, scope, dataStart, signal) : null;
  return { sessionId, roleArn: roleArn ?? chain?.hops.at(-1)?.to.roleArn ?? null, arn, chain, panel };
}

/** The finding's actor resolved to the identity behind it, and the sentence that says what happened. */
export async function resolveFindingActor(conn: Connection, f: Finding, dataStart: string | null, signal?: AbortSignal): Promise<ResolvedActor> {
  const scope = investigationScope(f);
  const [session, names] = await Promise.all([
    findingSession(conn, f, dataStart, signal),
    f.evidenceEventIds.length
      ? runPanel(conn, evidenceEventNames, { ...scope, eventIds: f.evidenceEventIds.slice(0, 20) }, signal).then((p) => p.rows.map((r) => r.event_name))
      : [],
  ]);
  const happened = whatHappened(f, names);
  const { sessionId, roleArn, arn, chain } = session;
  if (!sessionId || !chain) {
    const who = arn ?? f.actor.userName ?? f.actor.principalId ?? f.actor.accessKeyId ?? 'an unknown principal';
    return { ...session, sentence: `${happened} by ${f.actor.userType ? `${f.actor.userType} ` : ''}${who}` };
  }
  const sessionLabel = `${roleArn ? roleNameOf(roleArn) : 'role'}:${sessionId.slice(sessionId.indexOf(':') + 1)}`;
  const origin = chain.origin ? `, assumed by ${chain.origin.name} via ${ASSUMER_LABELS[chain.origin.type]}` : chain.end === 'broken' ? ', origin unknown (a hop is missing from the data)' : '';
  return { ...session, sentence: `${happened} by role session ${sessionLabel}${origin}` };
}
