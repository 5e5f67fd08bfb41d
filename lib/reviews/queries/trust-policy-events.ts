import { z } from '@/lib/zod';
import { succeededCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { sql, trusted } from '@/lib/sql/sql';
import { col } from '@/lib/cloudtrail/columns';

/**
 * Role trust policies as CloudTrail saw them set: CreateRole (`assumeRolePolicyDocument`) and
 * UpdateAssumeRolePolicy (`policyDocument`), newest first. IAM is global, so these are logged once,
 * in us-east-1, by the role's account.
 */
const params = z.object({ from: z.string(), to: z.string() });
const s = z.string().nullable();
const row = z
  .object({ event_id: z.string(), event_time: z.string(), event_name: z.string(), account_id: s, role_name: s, role_path: s, created_arn: s, document: s })
  .transform((r) => ({
    eventId: r.event_id,
    eventTime: r.event_time,
    eventName: r.event_name,
    accountId: r.account_id,
    roleName: r.role_name,
    rolePath: r.role_path,
    createdArn: r.created_arn,
    document: r.document,
  }));
export type TrustPolicyEventRow = z.output<typeof row>;

export const TRUST_POLICY_EVENTS_LIMIT = 2000;

export const trustPolicyEvents: QueryModule<z.infer<typeof params>, TrustPolicyEventRow> = {
  name: 'vendor-trust-policy-events',
  params,
  row: row,
  build(d, p) {
    const req = (path: `$${string}`) => d.jsonExtractScalar(col.requestParameters, path);
    return sql`
SELECT ${col.eventId} AS event_id,
       ${d.isoString(d.eventTime)} AS event_time,
       ${col.eventName} AS event_name,
       ${col.recipientAccountId} AS account_id,
       ${req('$.roleName')} AS role_name,
       ${req('$.path')} AS role_path,
       ${d.jsonExtractScalar(col.responseElements, '$.role.arn')} AS created_arn,
       coalesce(${req('$.assumeRolePolicyDocument')}, ${req('$.policyDocument')}) AS document
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${col.eventSource} = 'iam.amazonaws.com'
  AND ${col.eventName} IN ('CreateRole', 'UpdateAssumeRolePolicy')
  AND ${succeededCall}
ORDER BY ${d.eventTime} DESC, ${col.eventId}
LIMIT ${trusted(TRUST_POLICY_EVENTS_LIMIT)}`;
  },
};
