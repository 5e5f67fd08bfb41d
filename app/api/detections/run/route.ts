import { auditEntity } from '@/lib/audit/entity';
import { withAuth } from '@/lib/http/with-auth';
import { detectionRunForRequest } from '@/lib/detections/for-request';
import { scopeParams } from '@/lib/params/scope';

export const dynamic = 'force-dynamic';

/**
 * Runs every built-in detection over the scope and stores what they find: `{ findings, inserted,
 * updated, perRule: [{ rule, count, queries, truncated, note?, error? }], cost }`, where `cost` sums
 * every query's bytes scanned and USD, failed rules' included. Idempotent: the same
 * data yields the same finding ids, so a second run only updates them.
 */
export const POST = withAuth({ query: scopeParams }, ({ req, query }) => detectionRunForRequest(query, req.signal), {
  role: 'analyst',
  audit: { action: 'run-detections', entity: () => auditEntity('findings'), detail: ({ result }) => (result ? { inserted: result.inserted, updated: result.updated } : undefined) },
});
