import type { Connection } from '@/lib/engine/types';
import { eventSearch } from '@/lib/events/queries/event-search';
import { runPanel } from '@/lib/engine/panel';
import type { Subject } from '@/lib/subjects/subject';
import { isoUtc } from '@/lib/time';
import { DELIVERY_LAG_MINUTES } from '@/scripts/lib/trino/cloudtrail-lake';

/**
 * What the conformance cases ask about, read from the reference store so every case selects real
 * events (a query that matches nothing on both engines proves little): the scopes, sara's SSO role
 * session, the busiest role session, the busiest IAM user, the largest account and region.
 */
export interface Scope {
  from: string;
  to: string;
}

export interface Facts {
  day: Scope;
  /** YYYY-MM-DD of a recent day with events and none in the delivery lag before either of its midnights. */
  quietDay: string;
  week: Scope;
  month: Scope;
  baselineFrom: string;
  primaryAccount: string;
  region: string;
  session: { principalId: string; arn: string; name: string; roleArn: string; ip: string; accessKeys: string[]; eventIds: string[] };
  sessionSubject: Subject;
  busy: { principalId: string; roleArn: string; eventSource: string; eventName: string };
  user: { arn: string; principalId: string };
  lookup: { arn: string; principalId: string; roleId: string; accessKeyId: string };
  errorPageCursor: { t: string; id: string };
}

const DAY = 86_400_000;

export async function readFacts(conn: Connection): Promise<Facts> {
  const one = async (sql: string): Promise<Record<string, unknown>> => {
    const row = (await conn.query({ sql, tags: { test: 'conformance-facts' } })).rows[0];
    if (!row) throw new Error(`no facts for: ${sql}`);
    return row;
  };
  const str = (v: unknown) => String(v);
  const last = Date.parse(str((await one('SELECT max(eventtime) AS t FROM cloudtrail_logs')).t));
  const end = Math.floor(last / DAY) * DAY + DAY;
  const scope = (days: number): Scope => ({ from: isoUtc(end - days * DAY), to: isoUtc(end) });
  const month = scope(30);

  const session = await one(`
    SELECT useridentity.principalid AS principal_id, any_value(useridentity.arn) AS arn, any_value(useridentity.sessioncontext.sessionissuer.arn) AS role_arn,
           mode(sourceipaddress) AS ip, count(*) AS n
      FROM cloudtrail_logs WHERE useridentity.principalid LIKE 'AROA%:sara' AND eventtime >= '${month.from}'
     GROUP BY 1 ORDER BY n DESC LIMIT 1`);
  const principalId = str(session.principal_id);
  const keys = (
    await conn.query({ sql: `SELECT DISTINCT useridentity.accesskeyid AS k FROM cloudtrail_logs WHERE useridentity.principalid = '${principalId}' AND useridentity.accesskeyid IS NOT NULL ORDER BY 1 LIMIT 3` })
  ).rows.map((r) => str(r.k));
  const eventIds = (await conn.query({ sql: `SELECT eventid FROM cloudtrail_logs WHERE useridentity.principalid = '${principalId}' ORDER BY eventtime DESC, eventid LIMIT 2` })).rows.map((r) =>
    str(r.eventid),
  );
  const busy = await one(`
    SELECT useridentity.principalid AS principal_id, any_value(useridentity.sessioncontext.sessionissuer.arn) AS role_arn,
           mode(eventsource) AS event_source, mode(eventname) AS event_name, count(*) AS n
      FROM cloudtrail_logs WHERE useridentity.type = 'AssumedRole' AND eventtime >= '${month.from}' GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1`);
  const user = await one(`
    SELECT useridentity.arn AS arn, any_value(useridentity.principalid) AS principal_id, count(*) AS n
      FROM cloudtrail_logs WHERE useridentity.type = 'IAMUser' AND eventtime >= '${month.from}' GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1`);
  const place = await one(`SELECT mode(recipientaccountid) AS account, mode(awsregion) AS region FROM cloudtrail_logs`);
  const quiet = await one(`
    SELECT strftime(day, '%Y-%m-%d') AS day FROM (SELECT DISTINCT CAST(date_trunc('day', event_time) AS TIMESTAMP) AS day FROM cloudtrail_logs WHERE eventtime >= '${month.from}') d
     WHERE NOT EXISTS (SELECT 1 FROM cloudtrail_logs e
                        WHERE (e.event_time >= d.day - INTERVAL ${DELIVERY_LAG_MINUTES} MINUTE AND e.event_time < d.day)
                           OR (e.event_time >= d.day + INTERVAL 1 DAY - INTERVAL ${DELIVERY_LAG_MINUTES} MINUTE AND e.event_time < d.day + INTERVAL 1 DAY))
     ORDER BY 1 DESC LIMIT 1`);
  const failed = await runPanel(conn, eventSearch, { ...month, errorCode: '*', limit: 25 });
  const cursorRow = failed.rows[24];
  if (!cursorRow) throw new Error('fewer than 25 failed events: the generated scenarios changed');

  return {
    day: scope(1),
    quietDay: str(quiet.day),
    week: scope(7),
    month,
    baselineFrom: isoUtc(end - 46 * DAY),
    primaryAccount: str(place.account),
    region: str(place.region),
    session: {
      principalId,
      arn: str(session.arn),
      name: principalId.split(':')[1] as string,
      roleArn: str(session.role_arn),
      ip: str(session.ip),
      accessKeys: keys,
      eventIds,
    },
    sessionSubject: { kind: 'role-session', principalId },
    busy: { principalId: str(busy.principal_id), roleArn: str(busy.role_arn), eventSource: str(busy.event_source), eventName: str(busy.event_name) },
    user: { arn: str(user.arn), principalId: str(user.principal_id) },
    lookup: { arn: str(session.arn), principalId: str(user.principal_id), roleId: principalId.split(':')[0] as string, accessKeyId: keys[0] as string },
    errorPageCursor: { t: cursorRow.eventtime, id: cursorRow.eventid },
  };
}
