import { z } from '@/lib/zod';
import { boundText } from '@/lib/params/validators';
import { join, sql, trusted } from '@/lib/sql/sql';
import { failedCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';

/**
 * The credentials role sessions used in a window: each access key with the session creation
 * time STS stamped on it, first and last use, counts, and where from.
 */
/** Credentials returned at most: also the most keys attribution asks assume-role-events about. */
export const MAX_CREDENTIAL_ROWS = 5000;

export const sessionCredentialsParams = z.object({
  from: z.string(),
  to: z.string(),
  principalIds: z.array(boundText().min(3)).min(1).max(500),
});

const rowSchema = z.object({
  principal_id: z.string(),
  access_key_id: z.string().nullable(),
  creation_date: z.string().nullable(),
  role_arn: z.string().nullable(),
  account_id: z.string().nullable(),
  first_seen: z.string(),
  last_seen: z.string(),
  events: z.number(),
  failed: z.number(),
  source_ips: z.array(z.string()).nullable(),
  mfa: z.string().nullable(),
  source_identity: z.string().nullable(),
});
export type SessionCredentialRow = z.infer<typeof rowSchema>;

export const sessionCredentials: QueryModule<z.infer<typeof sessionCredentialsParams>, SessionCredentialRow> = {
  name: 'session-credentials',
  params: sessionCredentialsParams,
  row: rowSchema,
  build: (d, p) => sql`
SELECT ${col.userIdentity.principalId} AS principal_id, ${col.userIdentity.accessKeyId} AS access_key_id,
  ${col.userIdentity.sessionContext.attributes.creationDate} AS creation_date,
  max(${col.userIdentity.sessionContext.sessionIssuer.arn}) AS role_arn,
  max(${col.recipientAccountId}) AS account_id,
  ${d.isoString(sql`min(${d.eventTime})`)} AS first_seen,
  ${d.isoString(sql`max(${d.eventTime})`)} AS last_seen,
  count(*) AS events,
  ${countIf(failedCall)} AS failed,
  ${d.distinctList(col.sourceIpAddress)} AS source_ips,
  max(${col.userIdentity.sessionContext.attributes.mfaAuthenticated}) AS mfa,
  max(${d.optionalColumn('useridentity.sessioncontext.sourceidentity')}) AS source_identity
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${col.userIdentity.principalId} IN (${join(p.principalIds.map((id) => sql`${id}`), ', ')})
  -- The role account's copy of a cross-account call names the caller's principal id too, but
  -- carries no credentials: it is the same call, not the session's own activity.
  AND ${col.userIdentity.type} = 'AssumedRole'
GROUP BY 1, 2, 3
ORDER BY principal_id, first_seen
LIMIT ${trusted(MAX_CREDENTIAL_ROWS)}`,
};
