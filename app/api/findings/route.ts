import { withAuth } from '@/lib/http/with-auth';
import { getConnection } from '@/lib/engine';
import { withOrigins } from '@/lib/findings/with-origin';
import { getDataRange } from '@/lib/data-range/get-data-range';
import { listFindings } from '@/lib/findings/store';
import { findingListParams, severitiesFrom } from '@/lib/params/findings';

export const dynamic = 'force-dynamic';

/**
 * `{ findings }`: imported and detected findings whose seen range overlaps the window, filtered and
 * sorted; each actor with its session and origin identity resolved (the first 50).
 */
export const GET = withAuth({ query: findingListParams }, async ({ req, query }) => {
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
  const range = await getDataRange(conn, req.signal);
  return { findings: await withOrigins(conn, findings, range.first, req.signal) };
}, { role: 'viewer' });
