import { withAuth } from '@/lib/http/with-auth';
import { listFindings } from '@/lib/findings/store';
import { findingListParams, severitiesFrom } from '@/lib/params/findings';

export const dynamic = 'force-dynamic';

/** `{ findings }`: imported and detected findings whose seen range overlaps the window, filtered and sorted. */
export const GET = withAuth({ query: findingListParams }, async ({ query }) => {
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
  return { findings };
});
