import { getDataRange } from '@/lib/data-range/get-data-range';
import { getConnection } from '@/lib/engine';
import { severitiesFrom, type FindingListParams } from '@/lib/findings/params';
import { listFindings } from './store';
import { withOrigins } from './with-origin';

/**
 * GET /api/findings: `{ findings }` whose seen range overlaps the window, filtered and sorted;
 * each actor with its session and origin identity resolved (the first 50).
 */
export async function findingListForRequest(query: FindingListParams, signal: AbortSignal) {
  const findings = await listFindings({
    from: query.from,
    to: query.to,
    type: query.type,
    severity: severitiesFrom(query.severity),
    source: query.source,
    sort: query.sort,
    order: query.order,
    limit: 1000,
  });
  const conn = await getConnection();
  const range = await getDataRange(conn, signal);
  return { findings: await withOrigins(conn, findings, range.first, signal) };
}
