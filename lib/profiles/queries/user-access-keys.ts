import { z } from '@/lib/zod';
import { boundText } from '@/lib/params/validators';
import { failedCall } from '@/lib/cloudtrail/predicates';
import type { QueryModule } from '@/lib/engine/panel';
import { sql, trusted } from '@/lib/sql/sql';
import { subjectPredicate } from '@/lib/subjects/subject';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';

/**
 * A user's calls in the scope by access key, principal id and source address: the keys it used
 * (AKIA… long-term, ASIA… console or GetSessionToken sessions), where from, and the principal ids
 * that find its AssumeRole calls in the role account's copies. Per address, so the profile can
 * link each key's addresses; access-keys.ts folds the rows into one line per key.
 */
export const USER_KEYS_LIMIT = 1000;

const params = z.object({ arn: boundText().min(1), from: z.string(), to: z.string() });
export type UserAccessKeysParams = z.infer<typeof params>;

const s = z.string().nullable();
const row = z
  .object({
    access_key_id: s,
    principal_id: s,
    source_ip: s,
    from_console: s,
    session_created: s,
    mfa: s,
    events: z.number(),
    failed: z.number(),
    first_seen: z.string(),
    last_seen: z.string(),
  })
  .transform((r) => ({
    accessKeyId: r.access_key_id,
    principalId: r.principal_id,
    sourceIp: r.source_ip,
    fromConsole: r.from_console === 'true',
    sessionCreated: r.session_created,
    mfa: r.mfa === null ? null : r.mfa === 'true',
    events: r.events,
    failed: r.failed,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  }));
export type UserKeyRow = z.output<typeof row>;

export const userAccessKeys: QueryModule<UserAccessKeysParams, UserKeyRow> = {
  name: 'user-access-keys',
  params,
  row,
  build: (d, p) => sql`
SELECT ${col.userIdentity.accessKeyId} AS access_key_id,
       ${col.userIdentity.principalId} AS principal_id,
       ${col.sourceIpAddress} AS source_ip,
       max(${d.optionalColumn('sessioncredentialfromconsole')}) AS from_console,
       min(${col.userIdentity.sessionContext.attributes.creationDate}) AS session_created,
       max(${col.userIdentity.sessionContext.attributes.mfaAuthenticated}) AS mfa,
       count(*) AS events,
       ${countIf(failedCall)} AS failed,
       ${d.isoString(sql`min(${d.eventTime})`)} AS first_seen,
       ${d.isoString(sql`max(${d.eventTime})`)} AS last_seen
FROM ${d.table}
WHERE ${d.timeRange(p.from, p.to)}
  AND ${subjectPredicate({ kind: 'user', arn: p.arn })}
GROUP BY 1, 2, 3
ORDER BY max(${d.eventTime}) DESC, 1, 3
LIMIT ${trusted(USER_KEYS_LIMIT + 1)}`,
};
