import { z } from '@/lib/zod';
import { allow, join, sql, trusted, type Sql } from '@/lib/sql/sql';
import type { Dialect } from '@/lib/engine/dialect';
import { failedCall } from '@/lib/cloudtrail/predicates';
import { ROLE_SESSION_SORTS, type RoleSessionSort } from '@/lib/role-sessions/params';
import { boundText } from '@/lib/params/validators';
import type { QueryModule } from '@/lib/engine/panel';
import { isoUtc } from '@/lib/time';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';
import { hourly } from '@/lib/summary/hourly';
import { onTheHour } from '@/lib/summary/on-the-hour';

/**
 * Role sessions active in the scope: one row per `AROA…:sessionName` principal, newest first by
 * default. The assumer filter keeps sessions whose credentials an AssumeRole* call by that caller
 * issued (matched on the issued access key: proven links only).
 */
const LOOKBACK_MS = 12 * 3600_000;

/** Sessions one aggregation returns at most, for the list to page through (lib/role-sessions/list-role-sessions.ts). */
export const ROLE_SESSION_WINDOW = 1000;

export interface RoleSessionListQuery {
  from: string;
  to: string;
  account?: string;
  role?: string;
  sessionName?: string;
  assumer?: string;
  sort: RoleSessionSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const rowSchema = z.object({
  session_id: z.string(),
  role_arn: z.string().nullable(),
  account_id: z.string().nullable(),
  first_seen: z.string(),
  last_seen: z.string(),
  events: z.number(),
  failed: z.number(),
  credentials: z.number(),
  source_ips: z.number(),
});
export type RoleSessionRow = z.infer<typeof rowSchema>;

function assumerKeys(d: Dialect, p: RoleSessionListQuery, assumer: string): Sql {
  const res = (path: `$${string}`) => d.jsonExtractScalar(col.responseElements, path);
  return sql`${col.userIdentity.accessKeyId} IN (
    SELECT ${res('$.credentials.accessKeyId')} FROM ${d.table}
    WHERE ${d.timeRange(isoUtc(Date.parse(p.from) - LOOKBACK_MS), p.to)}
      AND ${col.eventSource} = 'sts.amazonaws.com'
      AND ${col.eventName} IN ('AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity')
      AND (${col.userIdentity.arn} = ${assumer} OR ${col.userIdentity.principalId} = ${assumer} OR ${col.userIdentity.userName} = ${assumer}
        OR ${col.userIdentity.invokedBy} = ${assumer} OR ${res('$.subjectFromWebIdentityToken')} = ${assumer}))`;
}

export const roleSessionList: QueryModule<RoleSessionListQuery, RoleSessionRow> = {
  name: 'role-sessions',
  params: z.object({
    from: z.string(),
    to: z.string(),
    account: boundText().optional(),
    role: boundText().optional(),
    sessionName: boundText().optional(),
    assumer: boundText().optional(),
    sort: z.enum(ROLE_SESSION_SORTS),
    order: z.enum(['asc', 'desc']),
    limit: z.number().int().min(1).max(ROLE_SESSION_WINDOW + 1),
    offset: z.number().int().min(0).max(100_000),
  }),
  row: rowSchema,
  build(d, p) {
    const where: Sql[] = [d.timeRange(p.from, p.to), sql`${col.userIdentity.type} = 'AssumedRole'`];
    if (p.account) where.push(sql`${col.recipientAccountId} = ${p.account}`);
    if (p.role) {
      where.push(
        p.role.startsWith('arn:')
          ? sql`${col.userIdentity.sessionContext.sessionIssuer.arn} = ${p.role}`
          : sql`${col.userIdentity.sessionContext.sessionIssuer.userName} = ${p.role}`,
      );
    }
    if (p.sessionName) where.push(sql`split_part(${col.userIdentity.principalId}, ':', 2) = ${p.sessionName}`);
    if (p.assumer) where.push(assumerKeys(d, p, p.assumer));
    const sort = trusted(allow(p.sort, ROLE_SESSION_SORTS));
    const order = trusted(allow(p.order, ['asc', 'desc'] as const));
    return sql`
SELECT ${col.userIdentity.principalId} AS session_id,
  max(${col.userIdentity.sessionContext.sessionIssuer.arn}) AS role_arn,
  max(${col.recipientAccountId}) AS account_id,
  ${d.isoString(sql`min(${d.eventTime})`)} AS first_seen,
  ${d.isoString(sql`max(${d.eventTime})`)} AS last_seen,
  count(*) AS events,
  ${countIf(failedCall)} AS failed,
  count(DISTINCT ${col.userIdentity.accessKeyId}) AS credentials,
  count(DISTINCT ${col.sourceIpAddress}) AS source_ips
FROM ${d.table}
WHERE ${join(where, '\n  AND ')}
  AND ${col.userIdentity.principalId} IS NOT NULL
GROUP BY 1
ORDER BY ${sort} ${order}, session_id
OFFSET ${trusted(p.offset)} LIMIT ${trusted(p.limit)}`;
  },
  // The assumer filter reads STS calls' responses, which the summary does not keep.
  fromSummary(d, s, p) {
    if (p.assumer || !onTheHour(p.from, p.to)) return null;
    const where: Sql[] = [s.hourRange(p.from, p.to), sql`${hourly.identity_type} = 'AssumedRole'`];
    if (p.account) where.push(sql`${hourly.account_id} = ${p.account}`);
    if (p.role) where.push(p.role.startsWith('arn:') ? sql`${hourly.issuer_arn} = ${p.role}` : sql`${hourly.issuer_name} = ${p.role}`);
    if (p.sessionName) where.push(sql`split_part(${hourly.principal_id}, ':', 2) = ${p.sessionName}`);
    const sort = trusted(allow(p.sort, ROLE_SESSION_SORTS));
    const order = trusted(allow(p.order, ['asc', 'desc'] as const));
    return sql`
SELECT ${hourly.principal_id} AS session_id,
  max(${hourly.issuer_arn}) AS role_arn,
  max(${hourly.account_id}) AS account_id,
  ${d.isoString(sql`min(${hourly.firstTime})`)} AS first_seen,
  ${d.isoString(sql`max(${hourly.lastTime})`)} AS last_seen,
  CAST(sum(${hourly.calls}) AS BIGINT) AS events,
  CAST(coalesce(sum(${hourly.calls}) FILTER (WHERE ${hourly.failed}), 0) AS BIGINT) AS failed,
  count(DISTINCT ${hourly.access_key_id}) AS credentials,
  count(DISTINCT ${hourly.source_ip}) AS source_ips
FROM ${s.table}
WHERE ${join(where, '\n  AND ')}
  AND ${hourly.principal_id} IS NOT NULL
GROUP BY 1
ORDER BY ${sort} ${order}, session_id
OFFSET ${trusted(p.offset)} LIMIT ${trusted(p.limit)}`;
  },
};
