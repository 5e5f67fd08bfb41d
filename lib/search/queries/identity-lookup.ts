import { z } from '@/lib/zod';
import { boundText } from '@/lib/params/validators';
import type { QueryModule } from '@/lib/engine/panel';
import { sql, trusted, type Sql } from '@/lib/sql/sql';
import { col } from '@/lib/cloudtrail/columns';

/**
 * Who carries an id: the identities (type, principal id, ARN, role) whose events match one
 * userIdentity field, newest first. The search uses it to turn an assumed-role ARN into its
 * `AROA…:session`, an `AROA…` into its role, an `AIDA…` into its user, and an access key into
 * whoever used it. The column comes from this allowlist; the value is bound.
 */
export const LOOKUP_FIELDS = ['arn', 'principalId', 'roleId', 'accessKeyId'] as const;
export type LookupField = (typeof LOOKUP_FIELDS)[number];

const COLUMNS: Record<LookupField, Sql> = {
  arn: col.userIdentity.arn,
  principalId: col.userIdentity.principalId,
  roleId: col.userIdentity.sessionContext.sessionIssuer.principalId,
  accessKeyId: col.userIdentity.accessKeyId,
};

/** More than one identity is already ambiguous; a few more give the candidates list something to show. */
export const LOOKUP_LIMIT = 10;

const params = z.object({
  by: z.enum(LOOKUP_FIELDS),
  value: boundText().min(1),
  from: z.string(),
  to: z.string(),
});
export type IdentityLookupParams = z.infer<typeof params>;

const s = z.string().nullable();
const row = z
  .object({ type: s, principal_id: s, arn: s, role_arn: s, events: z.number(), last_seen: z.string() })
  .transform((r) => ({ type: r.type, principalId: r.principal_id, arn: r.arn, roleArn: r.role_arn, events: r.events, lastSeen: r.last_seen }));
export type IdentityRow = z.output<typeof row>;

export const identityLookup: QueryModule<IdentityLookupParams, IdentityRow> = {
  name: 'identity-lookup',
  params,
  row,
  build: (d, p) => sql`
SELECT ${col.userIdentity.type} AS type, ${col.userIdentity.principalId} AS principal_id, ${col.userIdentity.arn} AS arn,
       ${col.userIdentity.sessionContext.sessionIssuer.arn} AS role_arn,
       count(*) AS events, ${d.isoString(sql`max(${d.eventTime})`)} AS last_seen
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${COLUMNS[p.by]} = ${p.value}
GROUP BY 1, 2, 3, 4
ORDER BY max(${d.eventTime}) DESC, 2, 3
LIMIT ${trusted(LOOKUP_LIMIT + 1)}`,
};
