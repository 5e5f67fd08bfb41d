import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { scopeForRequest } from '@/lib/http/scope-from-request';
import { getConnection } from '@/lib/engine';
import { runCost, runDetections, saveDetections } from '@/lib/detections/run';
import { scopeParams } from '@/lib/params/scope';

export const dynamic = 'force-dynamic';

/**
 * Runs every built-in detection over the scope and stores what they find: `{ findings, inserted,
 * updated, perRule: [{ rule, count, queries, truncated, note?, error? }], cost }`, where `cost` sums
 * every query's bytes scanned and USD, failed rules' included. Idempotent: the same
 * data yields the same finding ids, so a second run only updates them.
 */
export const POST = withAuth({ query: scopeParams }, async ({ req, query }) => {
  const conn = await getConnection();
  const { scope, first } = await scopeForRequest(conn, query, req.signal, true);
  const run = await runDetections(conn, scope, req.signal, { storeFirstEvent: first });
  const saved = await saveDetections(run);
  return { scope, findings: run.findings, perRule: run.perRule, cost: runCost(run.perRule), ...saved };
}, {
  role: 'admin',
  audit: { action: 'run-detections', entity: () => auditEntity('findings'), detail: ({ result }) => (result ? { inserted: result.inserted, updated: result.updated } : undefined) },
});
