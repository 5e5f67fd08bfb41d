import { z } from '@/lib/zod';
import { join, sql, trusted, type Sql } from '@/lib/sql/sql';
import type { Dialect } from '@/lib/engine/dialect';
import type { EventCursor } from '@/lib/events/cursor';
import type { QueryModule } from '@/lib/engine/panel';
import { failedCall, succeededCall } from '@/lib/cloudtrail/predicates';
import { boundText } from '@/lib/params/validators';
import { col } from '@/lib/cloudtrail/columns';

export interface EventSearch {
  from: string;
  to: string;
  principal?: string;
  accessKeyId?: string;
  sessionName?: string;
  ip?: string;
  eventName?: string;
  eventSource?: string;
  errorCode?: string;
  account?: string;
  region?: string;
  eventId?: string;
  userAgent?: string;
  limit: number;
  after?: EventCursor;
}

/** Every filter is bound as it is, so each must fit one bound value (lib/sql/bound-limit.ts). */
const filter = boundText().optional();

const searchSchema: z.ZodType<EventSearch> = z.object({
  from: z.string(),
  to: z.string(),
  principal: filter,
  accessKeyId: filter,
  sessionName: filter,
  ip: filter,
  eventName: filter,
  eventSource: filter,
  errorCode: filter,
  account: filter,
  region: filter,
  eventId: filter,
  userAgent: filter,
  limit: z.number().int().min(1).max(501),
  after: z.object({ t: z.string(), id: boundText() }).optional(),
});

export function eventFilters(d: Dialect, p: Omit<EventSearch, 'limit' | 'after'>): Sql[] {
  const where: Sql[] = [d.timeRange(p.from, p.to)];
  if (p.principal) {
    // One box for every way investigators name a principal: its ARN, its principal id, the role
    // behind an assumed-role session, an IAM user name, or the AWS service that invoked the call.
    where.push(sql`(${col.userIdentity.arn} = ${p.principal} OR ${col.userIdentity.principalId} = ${p.principal}
      OR ${col.userIdentity.sessionContext.sessionIssuer.arn} = ${p.principal} OR ${col.userIdentity.userName} = ${p.principal}
      OR ${col.userIdentity.invokedBy} = ${p.principal})`);
  }
  if (p.accessKeyId) where.push(sql`${col.userIdentity.accessKeyId} = ${p.accessKeyId}`);
  if (p.sessionName) {
    where.push(sql`${col.userIdentity.type} = 'AssumedRole' AND split_part(${col.userIdentity.arn}, '/', 3) = ${p.sessionName}`);
  }
  if (p.ip) where.push(sql`${col.sourceIpAddress} = ${p.ip}`);
  if (p.eventName) where.push(sql`${col.eventName} = ${p.eventName}`);
  if (p.eventSource) where.push(sql`${col.eventSource} = ${p.eventSource}`);
  if (p.errorCode === '*') where.push(failedCall);
  else if (p.errorCode === 'none') where.push(succeededCall);
  else if (p.errorCode) where.push(sql`${col.errorCode} = ${p.errorCode}`);
  if (p.account) where.push(sql`${col.recipientAccountId} = ${p.account}`);
  if (p.region) where.push(sql`${col.awsRegion} = ${p.region}`);
  if (p.eventId) where.push(sql`${col.eventId} = ${p.eventId}`);
  if (p.userAgent) where.push(sql`${col.userAgent} = ${p.userAgent}`);
  return where;
}

export const eventSearch: QueryModule<EventSearch, { eventid: string; eventtime: string; raw: string }> = {
  name: 'event-search',
  params: searchSchema,
  row: z.object({ eventid: z.string(), eventtime: z.string(), raw: z.string() }),
  build(d, p) {
    const where = eventFilters(d, p);
    if (p.after) {
      const t = d.timestamp(p.after.t);
      where.push(sql`(${d.eventTime} < ${t} OR (${d.eventTime} = ${d.timestamp(p.after.t)} AND ${col.eventId} < ${p.after.id}))`);
    }
    return sql`
SELECT ${col.eventId}, ${d.isoString(d.eventTime)} AS eventtime, ${d.rawRecord} AS raw
FROM ${d.table}
WHERE ${join(where, '\n  AND ')}
ORDER BY ${d.eventTime} DESC, ${col.eventId} DESC
LIMIT ${trusted(p.limit)}`;
  },
};
