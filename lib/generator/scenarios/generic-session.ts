import { S3_DATA } from '../api-catalog';
import type { Caller } from '../identity';
import { sessionCaller, userCaller } from '../identity';
import { IP_TABLE, type IpLocation } from '../ip-table';
import { Rng } from '../prng';
import { GENERIC_SESSION } from '../scenarios';
import { assumeRole } from '../sts-events';
import { SECOND } from '../time';
import type { JsonObject, TrailResource } from '../types';
import { agentOf, CLI_LINUX, type AgentFn } from '../user-agents';
import type { IamUser } from '../world';
import { after, dayStarts, isWeekendDay, Out, randomLocal, type ScenarioContext } from './kit';

/**
 * Scenario 3. Two people assume MyBucketRole with the same session name,
 * `session1`, on different days, and a nightly job uses SDK-generated
 * `botocore-session-<epoch>` names. The role session alone cannot say who read
 * MySensitiveBucket; only the AssumeRole events (and the keys they issued) can.
 * Two days before --end, support_user's session1 downloads far more than usual.
 */

const { bucket, role } = GENERIC_SESSION;
const CENTRAL = -6;
const EASTERN = -5;

const OBJECT_KEYS = [
  'reports/2026/q3-revenue.csv',
  'reports/2026/q3-churn.csv',
  'customers/export-2026-10.csv.gz',
  'customers/export-2026-11.csv.gz',
  'support/tickets/escalations.json',
  'finance/invoices/2026-10.parquet',
] as const;

const BULK_KEYS = Array.from({ length: 40 }, (_, i) => `customers/pii/segment-${String(i + 1).padStart(3, '0')}.csv.gz`);

function bucketResources(accountId: string, key?: string, prefix?: string): TrailResource[] {
  const object: TrailResource = key
    ? { ARN: `arn:aws:s3:::${bucket}/${key}`, type: 'AWS::S3::Object' }
    : { ARNPrefix: `arn:aws:s3:::${bucket}/${prefix ?? ''}`, type: 'AWS::S3::Object' };
  return [object, { ARN: `arn:aws:s3:::${bucket}`, accountId, type: 'AWS::S3::Bucket' }];
}

function listObjects(out: Out, caller: Caller, time: number, prefix: string): void {
  const requestParameters: JsonObject = {
    bucketName: bucket,
    Host: `${bucket}.s3.amazonaws.com`,
    'list-type': '2',
    prefix,
    'encoding-type': 'url',
  };
  out.call({
    time,
    caller,
    spec: S3_DATA.listObjects,
    region: GENERIC_SESSION.bucketRegion,
    requestParameters,
    responseElements: null,
    resources: bucketResources(role.accountId, undefined, prefix),
  });
}

function getObject(out: Out, caller: Caller, time: number, key: string): void {
  out.call({
    time,
    caller,
    spec: S3_DATA.getObject,
    region: GENERIC_SESSION.bucketRegion,
    requestParameters: { bucketName: bucket, Host: `${bucket}.s3.amazonaws.com`, key },
    responseElements: null,
    resources: bucketResources(role.accountId, key),
  });
}

interface Visit {
  readonly user: IamUser;
  readonly ip: IpLocation;
  readonly agent: AgentFn;
  readonly sessionName: string;
  readonly time: number;
  readonly reads: number;
  readonly accessKeyId?: string;
}

function visit(out: Out, rng: Rng, v: Visit): { caller: Caller; t: number } {
  const issued = assumeRole(out.ids, {
    time: v.time,
    caller: userCaller(v.user, v.ip.ip, v.agent),
    role,
    sessionName: v.sessionName,
    durationSeconds: 3600,
    accessKeyId: v.accessKeyId,
  });
  out.records(v.time, issued.records);
  const caller = sessionCaller(issued.session, v.ip.ip, v.agent);
  let t = after(rng, v.time, 1, 6);
  listObjects(out, caller, t, rng.pick(['reports/', 'customers/', '']));
  for (let i = 0; i < v.reads; i++) {
    t = after(rng, t, 2, 40);
    getObject(out, caller, t, rng.pick(OBJECT_KEYS));
  }
  return { caller, t };
}

export function genericSessionScenario(ctx: ScenarioContext): void {
  const rng = Rng.from(ctx.seed, 'generic-session', 'plan');
  const out = new Out(ctx.emitter, Rng.from(ctx.seed, 'generic-session', 'ids'));
  const supportAgent = agentOf.cli(CLI_LINUX);
  const analystAgent = agentOf.boto3();
  const incidentAt = ctx.truths.times.genericSessionExfiltration;
  const baselineEnd = Math.min(ctx.endMs, incidentAt - 6 * 3600 * SECOND);

  for (const day of dayStarts(ctx.startMs, baselineEnd)) {
    if (isWeekendDay(day)) continue;
    const weekday = new Date(day).getUTCDay();
    // Never the same day: support_user on Tuesdays and Thursdays, data_analyst on Mondays, Wednesdays and Fridays.
    const supportDay = weekday === 2 || weekday === 4;
    if (supportDay ? !rng.chance(0.75) : !rng.chance(0.6)) continue;
    const user = supportDay ? GENERIC_SESSION.supportUser : GENERIC_SESSION.otherUser;
    const time = randomLocal(rng, day, supportDay ? CENTRAL : EASTERN, 9, 16.5);
    if (time < ctx.startMs || time >= baselineEnd) continue;
    visit(out, rng, {
      user,
      ip: rng.pick(supportDay ? GENERIC_SESSION.supportUserIps : GENERIC_SESSION.otherUserIps),
      agent: supportDay ? supportAgent : analystAgent,
      sessionName: GENERIC_SESSION.sessionName,
      time,
      reads: rng.int(1, 4),
    });
  }

  // The nightly job, whose SDK names its sessions after the epoch second it started.
  const nightlyAgent = agentOf.boto3();
  for (const day of dayStarts(ctx.startMs, ctx.endMs)) {
    const time = day + (2 * 3600 + rng.int(0, 600)) * SECOND;
    if (time < ctx.startMs || time >= ctx.endMs || !rng.chance(0.9)) continue;
    visit(out, rng, {
      user: GENERIC_SESSION.nightlyJobUser,
      ip: IP_TABLE.ec2UsEast1c,
      agent: nightlyAgent,
      sessionName: `botocore-session-${Math.floor(time / 1000)}`,
      time,
      reads: 1,
    });
  }

  // The incident: session1 again, but a bulk download of customer PII.
  if (incidentAt >= ctx.startMs && incidentAt < ctx.endMs) {
    const incidentRng = Rng.from(ctx.seed, 'generic-session', 'incident');
    const { caller } = visit(out, incidentRng, {
      user: GENERIC_SESSION.supportUser,
      ip: GENERIC_SESSION.supportUserIps[0] ?? incidentRng.pick(GENERIC_SESSION.supportUserIps),
      agent: supportAgent,
      sessionName: GENERIC_SESSION.sessionName,
      time: incidentAt,
      reads: 0,
      accessKeyId: ctx.truths.genericSession.incidentAccessKeyId,
    });
    let t = incidentAt + 20 * SECOND;
    listObjects(out, caller, t, 'customers/pii/');
    for (const key of BULK_KEYS) {
      t = after(incidentRng, t, 3, 14);
      getObject(out, caller, t, key);
    }
  }
}
