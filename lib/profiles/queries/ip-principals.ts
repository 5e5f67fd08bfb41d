import { z } from '@/lib/zod';
import { failedCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { sql, trusted } from '@/lib/sql/sql';
import { subjectPredicate } from '@/lib/subjects/subject';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';

/**
 * The principals whose calls came from one source address in the scope, busiest first. A
 * service's own calls are told apart by `invokedBy`; a role session's call made through a service
 * also carries it, so it counts only for the AWSService type, keeping one row per session.
 */
export const IP_PRINCIPALS_LIMIT = 1000;

const params = z.object({ ip: z.string().min(1).max(128), from: z.string(), to: z.string() });
export type IpPrincipalsParams = z.infer<typeof params>;

const s = z.string().nullable();
const row = z
  .object({
    type: s,
    arn: s,
    principal_id: s,
    role_arn: s,
    service: s,
    user_name: s,
    account_id: s,
    events: z.number(),
    failed: z.number(),
    first_seen: z.string(),
    last_seen: z.string(),
  })
  .transform((r) => ({
    type: r.type,
    arn: r.arn,
    principalId: r.principal_id,
    roleArn: r.role_arn,
    service: r.service,
    userName: r.user_name,
    accountId: r.account_id,
    events: r.events,
    failed: r.failed,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  }));
export type IpPrincipalRow = z.output<typeof row>;

export const ipPrincipals: QueryModule<IpPrincipalsParams, IpPrincipalRow> = {
  name: 'ip-principals',
  params,
  row,
  build: (d, p) => sql`
SELECT ${col.userIdentity.type} AS type,
       ${col.userIdentity.arn} AS arn,
       ${col.userIdentity.principalId} AS principal_id,
       ${col.userIdentity.sessionContext.sessionIssuer.arn} AS role_arn,
       CASE WHEN ${col.userIdentity.type} = 'AWSService' THEN ${col.userIdentity.invokedBy} END AS service,
       ${col.userIdentity.userName} AS user_name,
       ${col.userIdentity.accountId} AS account_id,
       count(*) AS events,
       ${countIf(failedCall)} AS failed,
       ${d.isoString(sql`min(${d.eventTime})`)} AS first_seen,
       ${d.isoString(sql`max(${d.eventTime})`)} AS last_seen
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${subjectPredicate({ kind: 'ip', ip: p.ip })}
GROUP BY 1, 2, 3, 4, 5, 6, 7
ORDER BY count(*) DESC, 1, 2, 3, 5
LIMIT ${trusted(IP_PRINCIPALS_LIMIT + 1)}`,
};
