import { z } from 'zod';
import { getChain, type RoleChain } from '@/lib/attribution/chain';
import { roleNameOf } from '@/lib/attribution/assumer';
import type { Connection } from '@/lib/engine/types';
import { ASSUMER_LABELS } from '@/lib/links';
import type { Scope } from '@/lib/params/scope';
import { runPanel, type PanelResult, type QueryModule } from '@/lib/queries/panel';
import { join, sql } from '@/lib/sql/sql';
import type { Finding } from './types';

const HOUR = 3600_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * The scope an investigation of a finding opens with: its first to last seen, widened to whole
 * hours (as Detective does), at least one hour.
 */
export function investigationScope(f: Pick<Finding, 'firstSeen' | 'lastSeen'>): Scope {
  const from = Math.floor(Date.parse(f.firstSeen) / HOUR) * HOUR;
  const to = Math.max(from + HOUR, Math.ceil((Date.parse(f.lastSeen) + 1000) / HOUR) * HOUR);
  return { from: iso(from), to: iso(to) };
}

const keyOwnerRow = z.object({ principal_id: z.string().nullable(), arn: z.string().nullable(), type: z.string().nullable(), role_arn: z.string().nullable() });

/** Who used an access key around a finding: a GuardDuty finding names the key, not the session. */
export const keyOwner: QueryModule<{ from: string; to: string; accessKeyId: string }, z.infer<typeof keyOwnerRow>> = {
  name: 'finding-key-owner',
  params: z.object({ from: z.string(), to: z.string(), accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/) }),
  row: keyOwnerRow,
  build: (d, p) => sql`
SELECT useridentity.principalid AS principal_id, useridentity.arn AS arn, useridentity.type AS type,
  useridentity.sessioncontext.sessionissuer.arn AS role_arn
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND useridentity.accesskeyid = ${p.accessKeyId}
LIMIT 1`,
};

const evidenceRow = z.object({ event_name: z.string() });

/** The API calls a finding's evidence events made: what happened, in CloudTrail's words. */
export const evidenceEventNames: QueryModule<{ from: string; to: string; eventIds: string[] }, z.infer<typeof evidenceRow>> = {
  name: 'finding-evidence-names',
  params: z.object({ from: z.string(), to: z.string(), eventIds: z.array(z.string().min(1).max(128)).min(1).max(20) }),
  row: evidenceRow,
  build: (d, p) => sql`
SELECT DISTINCT eventname AS event_name
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND eventid IN (${join(p.eventIds.map((id) => sql`${id}`), ', ')})
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

const SESSION_ID = /^AROA[A-Z0-9]{8,}:[\w+=,.@-]{1,128}$/;

function whatHappened(f: Finding, apiNames: readonly string[]): string {
  const what = apiNames.length > 0 ? apiNames.join(', ') : (f.type.split('/').pop() ?? f.type);
  const resource = f.resources.find((r) => r.type !== 'AccessKey');
  const name = resource ? (resource.id.split(/[/:]/).pop() ?? resource.id) : null;
  return name ? `${what} on ${name}` : what;
}

/**
 * The finding's actor, resolved through attribution and the role chain to the identity behind it:
 * the session named by the finding, or the one that used its access key in the finding's window.
 */
export async function resolveFindingActor(conn: Connection, f: Finding, dataStart: string | null, signal?: AbortSignal): Promise<ResolvedActor> {
  const scope = investigationScope(f);
  let sessionId = f.actor.sessionId ?? (f.actor.principalId && SESSION_ID.test(f.actor.principalId) ? f.actor.principalId : null);
  let roleArn: string | null = null;
  let arn = f.actor.arn;
  let panel: ResolvedActor['panel'] = null;
  if (!sessionId && f.actor.accessKeyId && /^[A-Z0-9]{16,128}$/.test(f.actor.accessKeyId)) {
    panel = await runPanel(conn, keyOwner, { from: iso(Date.parse(scope.from) - HOUR), to: iso(Date.parse(scope.to) + HOUR), accessKeyId: f.actor.accessKeyId }, signal);
    const owner = panel.rows[0];
    if (owner?.principal_id && SESSION_ID.test(owner.principal_id)) sessionId = owner.principal_id;
    roleArn = owner?.role_arn ?? null;
    arn ??= owner?.arn ?? null;
  }
  const names = f.evidenceEventIds.length
    ? (await runPanel(conn, evidenceEventNames, { ...scope, eventIds: f.evidenceEventIds.slice(0, 20) }, signal)).rows.map((r) => r.event_name)
    : [];
  const happened = whatHappened(f, names);
  if (!sessionId) {
    const who = arn ?? f.actor.userName ?? f.actor.principalId ?? f.actor.accessKeyId ?? 'an unknown principal';
    return { sessionId: null, roleArn, arn, chain: null, sentence: `${happened} by ${f.actor.userType ? `${f.actor.userType} ` : ''}${who}`, panel };
  }
  const chain = await getChain(conn, sessionId, scope, dataStart, signal);
  roleArn ??= chain.hops.at(-1)?.to.roleArn ?? null;
  const sessionLabel = `${roleArn ? roleNameOf(roleArn) : 'role'}:${sessionId.slice(sessionId.indexOf(':') + 1)}`;
  const origin = chain.origin ? `, assumed by ${chain.origin.name} via ${ASSUMER_LABELS[chain.origin.type]}` : chain.end === 'broken' ? ', origin unknown (a hop is missing from the data)' : '';
  return { sessionId, roleArn, arn, chain, sentence: `${happened} by role session ${sessionLabel}${origin}`, panel };
}
