import { z } from '@/lib/zod';
import { failedCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { join, sql, trusted } from '@/lib/sql/sql';
import { col } from '@/lib/cloudtrail/columns';

/**
 * AssumeRole calls from principals of accounts outside the organisation into the organisation's
 * roles, one row per role × caller. A cross-account call is logged by both accounts under one
 * sharedEventID; both copies name the caller's account and principal id (only the caller's copy
 * has its ARN), so copies are counted once by that id.
 */
const account = z.string().regex(/^\d{12}$/);
const params = z.object({
  from: z.string(),
  to: z.string(),
  organisationAccounts: z.array(account).min(1).max(1000),
});
export type ExternalAssumptionsParams = z.infer<typeof params>;

const s = z.string().nullable();
const row = z
  .object({
    role_arn: z.string(),
    external_account: z.string(),
    caller_principal_id: s,
    caller_arn: s,
    assumptions: z.number(),
    denied: z.number(),
    with_external_id: z.number(),
    session_names: z.number(),
    first_assumed: s,
    last_assumed: s,
  })
  .transform((r) => ({
    roleArn: r.role_arn,
    externalAccount: r.external_account,
    callerPrincipalId: r.caller_principal_id,
    callerArn: r.caller_arn,
    assumptions: r.assumptions,
    denied: r.denied,
    withExternalId: r.with_external_id,
    sessionNames: r.session_names,
    firstAssumed: r.first_assumed,
    lastAssumed: r.last_assumed,
  }));
export type ExternalAssumptionRow = z.output<typeof row>;

export const EXTERNAL_ASSUMPTIONS_LIMIT = 5000;

export const externalAssumptions: QueryModule<ExternalAssumptionsParams, ExternalAssumptionRow> = {
  name: 'vendor-external-assumptions',
  readsOnlySts: true,
  params,
  row: row,
  build(d, p) {
    const req = (path: `$${string}`) => d.jsonExtractScalar(col.requestParameters, path);
    const org = (expr: ReturnType<typeof sql>) => sql`${expr} IN (${join(p.organisationAccounts.map((a) => sql`${a}`), ', ')})`;
    const roleArn = req('$.roleArn');
    const ok = sql`NOT (${failedCall})`;
    const callId = sql`coalesce(${col.sharedEventId}, ${col.eventId})`;
    return sql`
SELECT ${roleArn} AS role_arn,
       ${col.userIdentity.accountId} AS external_account,
       ${col.userIdentity.principalId} AS caller_principal_id,
       max(${col.userIdentity.arn}) AS caller_arn,
       count(DISTINCT CASE WHEN ${ok} THEN ${callId} END) AS assumptions,
       count(DISTINCT CASE WHEN ${failedCall} THEN ${callId} END) AS denied,
       count(DISTINCT CASE WHEN ${ok} AND ${req('$.externalId')} IS NOT NULL THEN ${callId} END) AS with_external_id,
       count(DISTINCT ${req('$.roleSessionName')}) AS session_names,
       ${d.isoString(sql`min(CASE WHEN ${ok} THEN ${d.eventTime} END)`)} AS first_assumed,
       ${d.isoString(sql`max(CASE WHEN ${ok} THEN ${d.eventTime} END)`)} AS last_assumed
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${col.eventSource} = 'sts.amazonaws.com'
  AND ${col.eventName} = 'AssumeRole'
  AND ${col.userIdentity.accountId} IS NOT NULL
  AND NOT ${org(col.userIdentity.accountId)}
  AND ${org(sql`split_part(${roleArn}, ':', 5)`)}
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3
LIMIT ${trusted(EXTERNAL_ASSUMPTIONS_LIMIT + 1)}`;
  },
};
