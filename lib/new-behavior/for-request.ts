import type { Connection } from '@/lib/engine/types';
import { getEnricher } from '@/lib/enrichment/enricher';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import type { ScopeParams } from '@/lib/params/scope';
import type { Subject } from '@/lib/subjects/subject';
import { getNewBehavior } from './get-new-behavior';

/** What the three `/new-behavior` routes return for their subject. */
export async function newBehaviorForRequest(conn: Connection, subject: Subject, query: ScopeParams & { baseline: number }, signal: AbortSignal) {
  const { scope, first } = await scopeForRequest(conn, query, signal, true);
  return getNewBehavior(conn, subject, scope, { baselineDays: query.baseline, enricher: getEnricher(), storeFirstEvent: first, signal });
}
