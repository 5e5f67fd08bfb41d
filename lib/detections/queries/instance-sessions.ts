import { z } from '@/lib/zod';
import type { QueryModule } from '@/lib/engine/panel';
import { sql } from '@/lib/sql/sql';
import { col } from '@/lib/cloudtrail/columns';
import { distinctList, eventColumns, groupedFindingsSql, groupedRow, scopeSchema } from '../grouped-sql';
import { INSTANCE_CREDENTIAL_LOOKBACK_SECONDS } from '../rules';

const row = groupedRow.extend({
  source_ip: z.string(),
  /** 1 when an AssumeRole by ec2.amazonaws.com in the look-back issued the key. */
  issued_by_ec2: z.number(),
  ec2_role_delivery: z.string().nullable(),
  event_names: distinctList,
});
export type InstanceSessionSourceRow = z.output<typeof row>;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Calls by role sessions that look like an instance profile's (the key issued by an AssumeRole
 * that ec2.amazonaws.com made, ec2RoleDelivery set, or a session named `i-…`), not through a VPC
 * endpoint and not from an AWS service name: one row per session and source address. Whether the
 * address is Amazon's is decided afterwards, on distinct addresses (the ASN data is not in SQL).
 */
export const instanceSessionSources: QueryModule<z.infer<typeof scopeSchema>, InstanceSessionSourceRow> = {
  name: 'detection-instance-session-sources',
  params: scopeSchema,
  row,
  build(d, p) {
    const issuedFrom = iso(Date.parse(p.from) - INSTANCE_CREDENTIAL_LOOKBACK_SECONDS * 1000);
    return groupedFindingsSql(d, {
      matched: sql`
  SELECT ${eventColumns(d)},
    ${col.sourceIpAddress} AS source_ip,
    ${col.eventName} AS event_name,
    CASE WHEN issued.access_key IS NULL THEN 0 ELSE 1 END AS issued_by_ec2,
    ${col.userIdentity.sessionContext.ec2RoleDelivery} AS ec2_role_delivery
  FROM ${d.table}
  LEFT JOIN (
    SELECT DISTINCT ${d.jsonExtractScalar(col.responseElements, '$.credentials.accessKeyId')} AS access_key
    FROM ${d.table}
    WHERE ${d.timeRange(issuedFrom, p.to)}
      AND ${col.eventSource} = 'sts.amazonaws.com'
      AND ${col.eventName} = 'AssumeRole'
      AND ${col.userIdentity.type} = 'AWSService'
      AND ${col.userIdentity.invokedBy} = 'ec2.amazonaws.com'
  ) issued ON issued.access_key = ${col.userIdentity.accessKeyId}
  WHERE ${d.timeRange(p.from, p.to)}
    AND ${col.userIdentity.type} = 'AssumedRole'
    AND (issued.access_key IS NOT NULL
      OR ${col.userIdentity.sessionContext.ec2RoleDelivery} IS NOT NULL
      OR ${col.userIdentity.principalId} LIKE '%:i-%')
    AND (${col.vpcEndpointId} IS NULL OR ${col.vpcEndpointId} = '')
    AND ${col.sourceIpAddress} IS NOT NULL
    AND ${col.sourceIpAddress} NOT LIKE '%.amazonaws.com'
    AND ${col.sourceIpAddress} <> 'AWS Internal'`,
      keys: ['source_ip'],
      aggregates: [
        sql`max(issued_by_ec2) AS issued_by_ec2`,
        sql`max(ec2_role_delivery) AS ec2_role_delivery`,
        sql`${d.distinctList(sql`event_name`)} AS event_names`,
      ],
    });
  },
};
