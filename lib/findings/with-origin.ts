import type { ChainOrigin } from '@/lib/attribution/chain';
import type { Connection } from '@/lib/engine/types';
import { findingSession } from './resolve-actor';
import type { Finding, FindingActor } from './types';

/** Origins resolved per API response at most: each is a few queries (more on Athena). */
export const MAX_RESOLVED_ORIGINS = 50;

const cache = new Map<string, { origin: ChainOrigin | null; sessionId: string | null }>();

export type FindingWithOrigin = Finding & { actor: FindingActor & { origin?: ChainOrigin | null } };

/**
 * The findings with each actor's origin identity (through the role chain), for the first
 * MAX_RESOLVED_ORIGINS; the rest carry no `origin` key (open the finding to resolve it). Cached
 * per finding and last-seen time: data for a past window does not change.
 */
export async function withOrigins(conn: Connection, findings: readonly Finding[], dataStart: string | null, signal?: AbortSignal): Promise<FindingWithOrigin[]> {
  const out: FindingWithOrigin[] = [];
  for (const [i, f] of findings.entries()) {
    if (i >= MAX_RESOLVED_ORIGINS) {
      out.push(f);
      continue;
    }
    const key = `${f.id}|${f.lastSeen}`;
    let resolved = cache.get(key);
    if (!resolved) {
      const session = await findingSession(conn, f, dataStart, signal);
      resolved = { origin: session.chain?.origin ?? null, sessionId: session.sessionId };
      if (cache.size > 5000) cache.clear();
      cache.set(key, resolved);
    }
    out.push({ ...f, actor: { ...f.actor, sessionId: f.actor.sessionId ?? resolved.sessionId, origin: resolved.origin } });
  }
  return out;
}
