import { z } from '@/lib/zod';
import { succeededCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { join, sql } from '@/lib/sql/sql';
import { eventColumns, groupedFindingsSql, groupedRow, scopeSchema, distinctList } from '../grouped-sql';
import { IAM_POLICY_EVENTS } from '../rules';
import { col } from '@/lib/cloudtrail/columns';

const scope = scopeSchema;
type ScopeP = z.infer<typeof scope>;

const policyRow = groupedRow.extend({ target_type: z.string(), target_name: z.string(), policies: distinctList, event_names: distinctList });
export type PolicyChangeRow = z.output<typeof policyRow>;

/**
 * Policies attached to or put on a role or user by a role session, one row per account, session
 * and target. The policy is its ARN (Attach*) or inline name (Put*).
 */
export const policyChangesByRoleSession: QueryModule<ScopeP, PolicyChangeRow> = {
  name: 'detection-iam-policy-by-role-session',
  params: scope,
  row: policyRow,
  build(d, p) {
    const req = (path: `$${string}`) => d.jsonExtractScalar(col.requestParameters, path);
    return groupedFindingsSql(d, {
      matched: sql`
  SELECT ${eventColumns(d)},
    ${col.eventName} AS event_name,
    CASE WHEN ${col.eventName} LIKE '%RolePolicy' THEN 'IAMRole' ELSE 'IAMUser' END AS target_type,
    coalesce(${req('$.roleName')}, ${req('$.userName')}, 'unknown') AS target_name,
    coalesce(${req('$.policyArn')}, ${req('$.policyName')}) AS policy
  FROM ${d.table}
  WHERE ${d.timeRange(p.from, p.to)}
    AND ${col.eventSource} = 'iam.amazonaws.com'
    AND ${col.eventName} IN (${join(IAM_POLICY_EVENTS.map((n) => sql`${n}`), ', ')})
    AND ${col.userIdentity.type} = 'AssumedRole'
    AND ${succeededCall}`,
      keys: ['target_type', 'target_name'],
      aggregates: [sql`${d.distinctList(sql`policy`)} AS policies`, sql`${d.distinctList(sql`event_name`)} AS event_names`],
    });
  },
};

const keyRow = groupedRow.extend({ target_name: z.string(), access_keys: distinctList });
export type AccessKeyRow = z.output<typeof keyRow>;

/**
 * CreateAccessKey for a user other than the caller, one row per account, caller and target user.
 * A call without userName creates a key for the calling IAM user itself; the response names the
 * user either way.
 */
export const accessKeysForOtherUsers: QueryModule<ScopeP, AccessKeyRow> = {
  name: 'detection-access-key-for-other-user',
  params: scope,
  row: keyRow,
  build(d, p) {
    const target = sql`coalesce(${d.jsonExtractScalar(col.requestParameters, '$.userName')}, ${d.jsonExtractScalar(col.responseElements, '$.accessKey.userName')})`;
    return groupedFindingsSql(d, {
      matched: sql`
  SELECT ${eventColumns(d)},
    ${target} AS target_name,
    ${d.jsonExtractScalar(col.responseElements, '$.accessKey.accessKeyId')} AS new_key
  FROM ${d.table}
  WHERE ${d.timeRange(p.from, p.to)}
    AND ${col.eventSource} = 'iam.amazonaws.com'
    AND ${col.eventName} = 'CreateAccessKey'
    AND ${succeededCall}
    AND ${target} IS NOT NULL
    AND (coalesce(${col.userIdentity.type}, '') <> 'IAMUser' OR ${col.userIdentity.userName} IS NULL OR ${target} <> ${col.userIdentity.userName})`,
      keys: ['target_name'],
      aggregates: [sql`${d.distinctList(sql`new_key`)} AS access_keys`],
    });
  },
};
