import { z } from '@/lib/zod';
import { succeededCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { sql, trusted } from '@/lib/sql/sql';
import { col } from '@/lib/cloudtrail/columns';

/**
 * How every role was assumed in the scope: one row per role × session name × caller, with the
 * number of assumptions and how many carried a source identity. Both copies of a cross-account
 * call name the caller by the same principal id, so they fold into one row and count once (by
 * sharedEventID); the caller's own copy adds its ARN and user name.
 */
const params = z.object({ from: z.string(), to: z.string() });
const s = z.string().nullable();
const row = z
  .object({
    role_arn: z.string(),
    session_name: z.string(),
    caller_key: z.string(),
    caller_type: s,
    caller_arn: s,
    caller_account: s,
    caller_user_name: s,
    event_name: z.string(),
    assumptions: z.number(),
    with_source_identity: z.number(),
    first: z.string(),
    last: z.string(),
  })
  .transform((r) => ({
    roleArn: r.role_arn,
    sessionName: r.session_name,
    callerKey: r.caller_key,
    callerType: r.caller_type,
    callerArn: r.caller_arn,
    callerAccount: r.caller_account,
    callerUserName: r.caller_user_name,
    eventName: r.event_name,
    assumptions: r.assumptions,
    withSourceIdentity: r.with_source_identity,
    first: r.first,
    last: r.last,
  }));
export type SessionNameUsageRow = z.output<typeof row>;

export const SESSION_NAME_USAGE_LIMIT = 20_000;

export const sessionNameUsage: QueryModule<z.infer<typeof params>, SessionNameUsageRow> = {
  name: 'hygiene-session-name-usage',
  readsOnlySts: true,
  params,
  row: row,
  build(d, p) {
    const req = (path: `$${string}`) => d.jsonExtractScalar(col.requestParameters, path);
    const res = (path: `$${string}`) => d.jsonExtractScalar(col.responseElements, path);
    return sql`
SELECT role_arn, session_name, caller_key,
       coalesce(max(CASE WHEN caller_type <> 'AWSAccount' THEN caller_type END), max(caller_type)) AS caller_type,
       max(caller_arn) AS caller_arn,
       max(caller_account) AS caller_account,
       max(caller_user_name) AS caller_user_name,
       max(event_name) AS event_name,
       count(DISTINCT call_id) AS assumptions,
       count(DISTINCT CASE WHEN source_identity IS NOT NULL THEN call_id END) AS with_source_identity,
       ${d.isoString(sql`min(event_at)`)} AS first,
       ${d.isoString(sql`max(event_at)`)} AS last
FROM (
  SELECT ${req('$.roleArn')} AS role_arn,
         ${req('$.roleSessionName')} AS session_name,
         coalesce(${col.userIdentity.principalId}, ${col.userIdentity.invokedBy}, ${col.userIdentity.accountId}) AS caller_key,
         ${col.userIdentity.type} AS caller_type,
         ${col.userIdentity.arn} AS caller_arn,
         ${col.userIdentity.accountId} AS caller_account,
         ${col.userIdentity.userName} AS caller_user_name,
         ${col.eventName} AS event_name,
         coalesce(${col.sharedEventId}, ${col.eventId}) AS call_id,
         coalesce(${req('$.sourceIdentity')}, ${res('$.sourceIdentity')}, ${d.optionalColumn('useridentity.sessioncontext.sourceidentity')}) AS source_identity,
         ${d.eventTime} AS event_at
  FROM ${d.table}
  WHERE ${d.timeRange(p.from, p.to)}
    AND ${col.eventSource} = 'sts.amazonaws.com'
    AND ${col.eventName} IN ('AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity')
    AND ${succeededCall}
) assumptions
WHERE role_arn IS NOT NULL AND session_name IS NOT NULL AND caller_key IS NOT NULL
GROUP BY role_arn, session_name, caller_key
ORDER BY role_arn, session_name, caller_key
LIMIT ${trusted(SESSION_NAME_USAGE_LIMIT + 1)}`;
  },
};
