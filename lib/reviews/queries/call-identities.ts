import { z } from '@/lib/zod';
import { boundText, eventName, eventSource } from '@/lib/params/validators';
import { failedCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { sql, trusted } from '@/lib/sql/sql';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';

/**
 * Who attempted one API call with a role: each session and access key that made it, so the keys
 * can be tied to the AssumeRole calls that issued them (and so to the person or vendor principal).
 */
const params = z.object({
  from: z.string(),
  to: z.string(),
  roleArn: boundText().min(1),
  // The request's validators (lib/reviews/params.ts `callParam`), so the two cannot disagree.
  eventSource,
  eventName,
});
const s = z.string().nullable();
const row = z
  .object({ session_id: s, access_key_id: s, source_ips: z.number(), calls: z.number(), failed: z.number(), first: z.string(), last: z.string() })
  .transform((r) => ({ sessionId: r.session_id, accessKeyId: r.access_key_id, sourceIps: r.source_ips, calls: r.calls, failed: r.failed, first: r.first, last: r.last }));
export type CallIdentityRow = z.output<typeof row>;

export const CALL_IDENTITIES_LIMIT = 500;

export const callIdentities: QueryModule<z.infer<typeof params>, CallIdentityRow> = {
  name: 'vendor-call-identities',
  params,
  row: row,
  build: (d, p) => sql`
SELECT ${col.userIdentity.principalId} AS session_id,
       ${col.userIdentity.accessKeyId} AS access_key_id,
       count(DISTINCT ${col.sourceIpAddress}) AS source_ips,
       count(*) AS calls,
       ${countIf(failedCall)} AS failed,
       ${d.isoString(sql`min(${d.eventTime})`)} AS first,
       ${d.isoString(sql`max(${d.eventTime})`)} AS last
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${col.userIdentity.sessionContext.sessionIssuer.arn} = ${p.roleArn}
  AND ${col.eventSource} = ${p.eventSource}
  AND ${col.eventName} = ${p.eventName}
GROUP BY 1, 2
ORDER BY count(*) DESC, 1, 2
LIMIT ${trusted(CALL_IDENTITIES_LIMIT)}`,
};
