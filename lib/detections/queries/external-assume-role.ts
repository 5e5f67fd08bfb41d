import { z } from '@/lib/zod';
import { succeededCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { join, sql } from '@/lib/sql/sql';
import { eventColumns, groupedFindingsSql, groupedRow, scopeSchema, distinctList } from '../grouped-sql';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';

const accountList = z.array(z.string().regex(/^\d{12}$/, 'account ids are 12 digits')).min(1).max(1000);
const params = z.intersection(scopeSchema, z.object({ organisationAccounts: accountList }));
export type ExternalAssumeRoleParams = z.infer<typeof params>;

const row = groupedRow.extend({ role_arn: z.string(), caller_account: z.string(), with_external_id: z.number(), source_ips: distinctList });
export type ExternalAssumeRoleRow = z.output<typeof row>;

/**
 * AssumeRole calls from outside the organisation into it, one row per role account, calling
 * principal, role and calling account. A cross-account AssumeRole is logged in both accounts; only
 * the copy in an organisation account (recipientaccountid) counts, where userIdentity is the
 * caller's account (type AWSAccount) and its principal id.
 */
export const externalAssumeRoles: QueryModule<ExternalAssumeRoleParams, ExternalAssumeRoleRow> = {
  name: 'detection-external-assume-role',
  readsOnlySts: true,
  params,
  row,
  build(d, p) {
    const accounts = join(p.organisationAccounts.map((a) => sql`${a}`), ', ');
    return groupedFindingsSql(d, {
      matched: sql`
  SELECT ${eventColumns(d)},
    coalesce(${d.jsonExtractScalar(col.requestParameters, '$.roleArn')}, 'unknown') AS role_arn,
    ${col.userIdentity.accountId} AS caller_account,
    ${d.jsonExtractScalar(col.requestParameters, '$.externalId')} AS external_id,
    ${col.sourceIpAddress} AS source_ip
  FROM ${d.table}
  WHERE ${d.timeRange(p.from, p.to)}
    AND ${col.eventSource} = 'sts.amazonaws.com'
    AND ${col.eventName} = 'AssumeRole'
    AND ${succeededCall}
    AND ${col.userIdentity.accountId} IS NOT NULL
    AND ${col.userIdentity.accountId} NOT IN (${accounts})
    AND ${col.recipientAccountId} IN (${accounts})`,
      keys: ['role_arn', 'caller_account'],
      aggregates: [sql`${countIf(sql`external_id IS NOT NULL`)} AS with_external_id`, sql`${d.distinctList(sql`source_ip`)} AS source_ips`],
    });
  },
};
