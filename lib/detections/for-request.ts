import { getConnection } from '@/lib/engine';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import type { ScopeParams } from '@/lib/params/scope';
import { runCost, runDetections, saveDetections } from './run';

/** POST /api/detections/run: runs every detection over the scope and stores what they find. */
export async function detectionRunForRequest(query: ScopeParams, signal: AbortSignal) {
  const conn = await getConnection();
  const { scope, first } = await scopeForRequest(conn, query, signal, true);
  const run = await runDetections(conn, scope, signal, { storeFirstEvent: first });
  const saved = await saveDetections(run);
  return { scope, findings: run.findings, perRule: run.perRule, cost: runCost(run.perRule), ...saved };
}
