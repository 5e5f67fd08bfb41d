import { z } from '@/lib/zod';
import type { QueryModule } from '@/lib/engine/panel';
import { sql } from '@/lib/sql/sql';
import { eventColumns, groupedFindingsSql, groupedRow, scopeSchema, distinctList } from '../grouped-sql';
import { countIf } from '@/lib/sql/count-if';
import { col } from '@/lib/cloudtrail/columns';

/** Which sign-ins: IAM users without MFA, or the root user (with or without). */
export const CONSOLE_LOGIN_KINDS = ['iam-user-without-mfa', 'root'] as const;

const params = z.intersection(scopeSchema, z.object({ kind: z.enum(CONSOLE_LOGIN_KINDS) }));
export type ConsoleLoginParams = z.infer<typeof params>;

const row = groupedRow.extend({ source_ips: distinctList, with_mfa: z.number() });
export type ConsoleLoginRow = z.output<typeof row>;

/**
 * Successful console sign-ins of one kind, one row per account and principal. A failed sign-in
 * logs ConsoleLogin too (responseElements.ConsoleLogin = Failure): that is not a sign-in.
 */
export const consoleLogins: QueryModule<ConsoleLoginParams, ConsoleLoginRow> = {
  name: 'detection-console-logins',
  params,
  row,
  build(d, p) {
    const mfaUsed = d.jsonExtractScalar(col.additionalEventData, '$.MFAUsed');
    const who =
      p.kind === 'root'
        ? sql`${col.userIdentity.type} = 'Root'`
        : sql`${col.userIdentity.type} = 'IAMUser' AND coalesce(${mfaUsed}, 'No') <> 'Yes'`;
    return groupedFindingsSql(d, {
      matched: sql`
  SELECT ${eventColumns(d)},
    ${col.sourceIpAddress} AS source_ip,
    ${mfaUsed} AS mfa_used
  FROM ${d.table}
  WHERE ${d.timeRange(p.from, p.to)}
    AND ${col.eventSource} = 'signin.amazonaws.com'
    AND ${col.eventName} = 'ConsoleLogin'
    AND ${d.jsonExtractScalar(col.responseElements, '$.ConsoleLogin')} = 'Success'
    AND ${who}`,
      aggregates: [sql`${d.distinctList(sql`source_ip`)} AS source_ips`, sql`${countIf(sql`mfa_used = 'Yes'`)} AS with_mfa`],
    });
  },
};
