import type { Connection } from '@/lib/engine/types';
import { originOf, type FindingOrigin } from './origins';
import { findingSession } from './resolve-actor';
import type { StoredFinding } from './store';
import type { FindingActor } from './types';

/** Findings the app's loop has not reached yet, resolved per API response at most: each is a few queries (more on Athena). */
export const MAX_RESOLVED_ORIGINS = 50;

const cache = new Map<string, { origin: FindingOrigin | null; sessionId: string | null }>();

/** The stored origin moves into the actor: one place for it in the API's answer. */
export type FindingWithOrigin = Omit<StoredFinding, 'origin'> & { actor: FindingActor & { origin?: FindingOrigin | null } };

/**
 * The findings with each actor's origin identity (through the role chain), as incidents group
 * them. Most were resolved once and stored by the app's loop (lib/findings/origins.ts), which
 * costs nothing here; the first MAX_RESOLVED_ORIGINS it has not reached are resolved now, the
 * same way, and cached per finding and last seen (data for a past window does not change). The
 * rest carry no `origin` key (open the finding to resolve it).
 */
export async function withOrigins(conn: Connection, findings: readonly StoredFinding[], dataStart: () => Promise<string | null>, signal?: AbortSignal): Promise<FindingWithOrigin[]> {
  const out: FindingWithOrigin[] = [];
  let live = 0;
  let first: Promise<string | null> | undefined;
  for (const { origin: stored, ...f } of findings) {
    if (stored) {
      out.push({ ...f, actor: { ...f.actor, sessionId: f.actor.sessionId ?? stored.session, origin: stored } });
      continue;
    }
    if (live >= MAX_RESOLVED_ORIGINS) {
      out.push(f);
      continue;
    }
    live += 1;
    const key = `${f.id}|${f.lastSeen}`;
    let resolved = cache.get(key);
    if (!resolved) {
      first ??= dataStart();
      const session = await findingSession(conn, f, await first, signal);
      resolved = { origin: originOf(f, session), sessionId: session.sessionId };
      if (cache.size > 5000) cache.clear();
      cache.set(key, resolved);
    }
    out.push({ ...f, actor: { ...f.actor, sessionId: f.actor.sessionId ?? resolved.sessionId, origin: resolved.origin } });
  }
  return out;
}
