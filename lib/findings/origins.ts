/**
 * Who is really behind each finding, stored with it (state migration 8): the origin identity its
 * actor resolves to through the role chain (lib/attribution), so incidents group findings by it
 * without a query per finding per page view. Resolved once per finding, a few at a time, by the
 * app's loop (and after the demo's detections); what cannot be resolved is still marked resolved,
 * with the actor itself as its own origin.
 */
import type { ChainOrigin } from '@/lib/attribution/chain';
import type { Connection } from '@/lib/engine/types';
import { ASSUMER_LABELS } from '@/lib/links';
import { sql } from '@/lib/sql/sql';
import { withStateConnection } from '@/lib/state/db';
import { execute, select, type StateRow } from '@/lib/state/statement';
import { fromRow, SELECT_COLUMNS } from './finding-row';
import { findingSession } from './resolve-actor';
import type { Finding } from './types';
import { serialised } from './write-queue';

export interface FindingOrigin {
  /** What incidents group on: the same key, the same identity. */
  key: string;
  /** An assumer type (lib/attribution), or the actor's own kind when no chain leads further. */
  type: string;
  name: string;
  arn: string | null;
  /** The role session the finding's actor was, or used the key of. */
  session: string | null;
}

const sessionName = (sessionId: string) => sessionId.slice(sessionId.indexOf(':') + 1);

/**
 * Pure: the origin of a finding from its actor and the chain found for its session. An AWS
 * service or an account is not one identity (EC2 assumes every instance's role): behind those the
 * origin is the first session it started, so two instances never share an incident.
 */
export function originOf(f: Pick<Finding, 'actor' | 'accountId'>, session: { sessionId: string | null; chain: { origin: ChainOrigin | null; hops: { to: { sessionId: string; roleArn: string | null } }[] } | null }): FindingOrigin | null {
  const origin = session.chain?.origin ?? null;
  if (origin && session.sessionId) {
    if (origin.type === 'aws-service') {
      const first = session.chain?.hops.at(-1)?.to ?? { sessionId: session.sessionId, roleArn: null };
      const role = first.roleArn?.split('/').pop() ?? 'role';
      return { key: `aws-service:${origin.name}:${first.sessionId}`, type: origin.type, name: `${origin.name} → ${role}/${sessionName(first.sessionId)}`, arn: origin.arn ?? null, session: session.sessionId };
    }
    return { key: `${origin.type}:${origin.arn ?? `${origin.accountId ?? ''}/${origin.name}`}`, type: origin.type, name: origin.name, arn: origin.arn ?? null, session: session.sessionId };
  }
  if (session.sessionId) return { key: `role-session:${session.sessionId}`, type: 'role-session', name: sessionName(session.sessionId), arn: f.actor.arn, session: session.sessionId };
  const a = f.actor;
  if (a.userType === 'Root') return { key: `root:${f.accountId ?? a.arn ?? ''}`, type: 'root', name: `root of ${f.accountId ?? 'an account'}`, arn: a.arn, session: null };
  const id = a.arn ?? a.principalId ?? a.accessKeyId;
  if (!id) return null;
  const type = a.userType === 'IAMUser' ? 'iam-user' : 'unknown';
  return { key: `${type}:${id}`, type, name: a.userName ?? id.split('/').pop() ?? id, arn: a.arn, session: null };
}

/** An origin as the pages say it: "sara (IAM Identity Center)". */
export function originLabel(o: Pick<FindingOrigin, 'type' | 'name'>): string {
  const kind = (ASSUMER_LABELS as Record<string, string>)[o.type];
  return kind && o.type !== 'unknown' ? `${o.name} (${kind})` : o.name;
}

export const ORIGIN_COLUMNS = sql`origin_key, origin_type, origin_name, origin_arn, origin_session`;

export function originFromRow(row: StateRow): FindingOrigin | null {
  return typeof row.origin_key === 'string'
    ? { key: row.origin_key, type: String(row.origin_type), name: String(row.origin_name), arn: typeof row.origin_arn === 'string' ? row.origin_arn : null, session: typeof row.origin_session === 'string' ? row.origin_session : null }
    : null;
}

/** Findings resolved per call: each is a few queries. */
export const ORIGINS_PER_PASS = 25;

/**
 * Resolves up to `limit` findings whose origin nobody has looked for yet, newest first; returns how
 * many. `dataStart` (the store's first event, which bounds the chain's search) is asked for only
 * when there is work: on Athena it is a query, and the app's loop calls this every 15 s.
 */
export async function resolvePendingOrigins(conn: Connection, dataStart: () => Promise<string | null>, limit = ORIGINS_PER_PASS, signal?: AbortSignal): Promise<number> {
  const pending = await withStateConnection((c) => select(c, sql`SELECT ${SELECT_COLUMNS} FROM findings WHERE origin_resolved_at IS NULL ORDER BY last_seen DESC, id LIMIT ${limit}`));
  if (pending.length === 0) return 0;
  const first = await dataStart();
  const resolved: { id: string; origin: FindingOrigin | null }[] = [];
  for (const row of pending) {
    const f = fromRow(row);
    resolved.push({ id: f.id, origin: originOf(f, await findingSession(conn, f, first, signal)) });
  }
  const at = new Date().toISOString();
  await serialised(() =>
    withStateConnection(async (c) => {
      await execute(c, sql`BEGIN TRANSACTION`);
      try {
        for (const { id, origin } of resolved) {
          await execute(
            c,
            sql`UPDATE findings SET origin_key = ${origin?.key ?? null}, origin_type = ${origin?.type ?? null}, origin_name = ${origin?.name ?? null},
                  origin_arn = ${origin?.arn ?? null}, origin_session = ${origin?.session ?? null}, origin_resolved_at = CAST(${at} AS TIMESTAMP)
                WHERE id = ${id}`,
          );
        }
        await execute(c, sql`COMMIT`);
      } catch (error) {
        await execute(c, sql`ROLLBACK`);
        throw error;
      }
    }),
  );
  return resolved.length;
}
