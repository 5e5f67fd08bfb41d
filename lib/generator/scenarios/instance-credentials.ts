import { API, S3_DATA } from '../api-catalog';
import { accessDenied } from '../event-builders';
import { type Caller, type RoleSession, sessionCaller } from '../identity';
import { Rng } from '../prng';
import { INSTANCE_CREDENTIALS } from '../scenarios';
import { assumeRoleByService } from '../sts-events';
import { DAY, HOUR, MINUTE, SECOND } from '../time';
import type { JsonObject, TrailResource } from '../types';
import { agentOf, boto3, CLI_KALI, CLOUDWATCH_AGENT, SSM_AGENT } from '../user-agents';
import type { IamRole } from '../world';
import { after, dayStarts, Out, readSecret, type ScenarioContext } from './kit';

/**
 * Scenario 7. The storefront runs on EC2 in production. Its two web servers (storefront-web-role)
 * call SSM and EC2 from their own public addresses, in Amazon's ASN, and read their secret and
 * S3 objects through the VPC's endpoints from private addresses; a worker in a private subnet
 * (storefront-worker-role) reaches AWS only through those endpoints. Every GetSecretValue is
 * followed by the KMS Decrypt Secrets Manager makes with the instance's credentials, whose
 * address is `secretsmanager.amazonaws.com`. The day before --end, storefront-web-1's current
 * credentials are used from a VPS: discovery, then the private bucket's exports.
 */

const C = INSTANCE_CREDENTIALS;
const { region } = C;

interface Instance {
  readonly name: string;
  readonly instanceId: string;
  readonly role: IamRole;
  readonly privateIp: string;
  readonly publicIp?: string;
}

/** One instance's credential deliveries: ec2.amazonaws.com assumes its role every few hours, named for the instance. */
function deliveries(out: Out, rng: Rng, inst: Instance, from: number, to: number, stolen?: { at: number; key: string }): RoleSession[] {
  const sessions: RoleSession[] = [];
  for (let t = from; t < to; ) {
    const next = t + C.credentialHours * HOUR - rng.int(5, 30) * MINUTE;
    const issued = assumeRoleByService(out.ids, {
      time: t,
      service: 'ec2.amazonaws.com',
      role: inst.role,
      sessionName: inst.instanceId,
      durationSeconds: C.credentialHours * 3600,
      withAssumedRoleUser: rng.chance(0.3),
      ec2RoleDelivery: '2.0',
      region,
      accessKeyId: stolen && stolen.at >= t && stolen.at < next ? stolen.key : undefined,
    });
    out.records(t, issued.records);
    sessions.push({ ...issued.session, emptyWebIdFederationData: true });
    t = next;
  }
  return sessions;
}

function activeAt(sessions: readonly RoleSession[], t: number): RoleSession | undefined {
  let found: RoleSession | undefined;
  for (const s of sessions) {
    if (s.issuedAt > t) break;
    found = s;
  }
  return found && t < found.expiresAt ? found : undefined;
}

function objectResources(key: string): TrailResource[] {
  return [
    { ARN: `arn:aws:s3:::${C.bucket}/${key}`, type: 'AWS::S3::Object' },
    { ARN: `arn:aws:s3:::${C.bucket}`, accountId: C.role.accountId, type: 'AWS::S3::Bucket' },
  ];
}

function bucketRequest(extra: JsonObject): JsonObject {
  return { bucketName: C.bucket, Host: `${C.bucket}.s3.${region}.amazonaws.com`, ...extra };
}

/** An S3 object call; through the gateway endpoint when one is given. */
function s3Object(out: Out, caller: Caller, time: number, spec: typeof S3_DATA.getObject, key: string, vpcEndpointId?: string, eventID?: string): void {
  out.call({
    time,
    caller,
    spec,
    region,
    requestParameters: bucketRequest({ key }),
    responseElements: null,
    resources: objectResources(key),
    vpcEndpointId,
    eventID,
  });
}

const APP_KEYS = ['config/app.json', 'templates/email/order-confirmation.html', 'templates/email/shipping.html', 'feeds/catalog.json'];

/** A day of a web server: agents on the public address, the app through the endpoints. */
function webDay(out: Out, rng: Rng, inst: Instance, sessions: readonly RoleSession[], day: number, limit: number): void {
  const publicIp = inst.publicIp ?? '';
  const app = agentOf.fixed(boto3());
  const plan: { t: number; act: (s: RoleSession, t: number) => void }[] = [];
  const at = (h0: number, h1: number) => day + rng.int(h0 * 3600, h1 * 3600 - 1) * SECOND;
  for (let i = rng.int(2, 3); i > 0; i--) {
    plan.push({
      t: at(0, 24),
      act: (s, t) =>
        out.call({
          time: t,
          caller: sessionCaller(s, publicIp, agentOf.fixed(SSM_AGENT)),
          spec: API.updateInstanceInformation,
          region,
          requestParameters: { ...API.updateInstanceInformation.request?.({ rng, region, accountId: inst.role.accountId }), instanceId: inst.instanceId },
        }),
    });
  }
  if (rng.chance(0.6)) {
    plan.push({ t: at(0, 24), act: (s, t) => out.call({ time: t, caller: sessionCaller(s, publicIp, agentOf.fixed(CLOUDWATCH_AGENT)), spec: API.describeTags, region }) });
  }
  for (const half of [0, 12]) {
    plan.push({
      t: at(half, half + 12),
      act: (s, t) => readSecret(out, { time: t, caller: sessionCaller(s, inst.privateIp, app), secretArn: C.secretArn, region, vpcEndpointId: C.vpcEndpoints.secretsManager }),
    });
  }
  for (let i = rng.int(1, 3); i > 0; i--) {
    const key = rng.pick(APP_KEYS);
    plan.push({ t: at(6, 23), act: (s, t) => s3Object(out, sessionCaller(s, inst.privateIp, app), t, S3_DATA.getObject, key, C.vpcEndpoints.s3) });
  }
  for (const { t, act } of plan) {
    const s = activeAt(sessions, t);
    if (s && t < limit) act(s, t);
  }
}

/** A day of the private worker: everything through the endpoints. */
function workerDay(out: Out, rng: Rng, inst: Instance, sessions: readonly RoleSession[], day: number, limit: number): void {
  const app = agentOf.fixed(boto3());
  const t0 = day + rng.int(1 * 3600, 3 * 3600) * SECOND;
  const s = activeAt(sessions, t0);
  if (!s || t0 >= limit) return;
  const caller = sessionCaller(s, inst.privateIp, app);
  readSecret(out, { time: t0, caller, secretArn: C.secretArn, region, vpcEndpointId: C.vpcEndpoints.secretsManager });
  let t = t0;
  const stamp = new Date(day).toISOString().slice(0, 10);
  for (let i = rng.int(2, 4); i > 0; i--) {
    t = after(rng, t, 2, 30);
    s3Object(out, caller, t, S3_DATA.getObject, `incoming/orders-${stamp}-${i}.json`, C.vpcEndpoints.s3);
  }
  t = after(rng, t, 10, 120);
  s3Object(out, caller, t, S3_DATA.putObject, `exports/orders-${stamp}.csv.gz`, C.vpcEndpoints.s3);
}

/** The stolen key, from the attacker's VPS: who am I, what is there, take the exports. */
function misuse(out: Out, ctx: ScenarioContext, session: RoleSession): void {
  const rng = Rng.from(ctx.seed, 'instance-credentials', 'misuse');
  const attacker = sessionCaller(session, C.attackerIp.ip, agentOf.cli(CLI_KALI));
  let t = ctx.truths.times.instanceCredentialsMisused;
  out.call({ time: t, caller: attacker, spec: API.getCallerIdentity, region, eventID: ctx.truths.instanceCredentials.firstMisuseEventId });
  t = after(rng, t, 15, 50);
  out.call({ time: t, caller: attacker, spec: API.listRoles, region, error: accessDenied(attacker.identity, API.listRoles, '*') });
  for (const spec of [API.listBuckets, API.describeInstances, API.describeSecurityGroups]) {
    t = after(rng, t, 8, 40);
    out.call({ time: t, caller: attacker, spec, region });
  }
  t = after(rng, t, 20, 90);
  out.call({
    time: t,
    caller: attacker,
    spec: S3_DATA.listObjects,
    region,
    requestParameters: bucketRequest({ 'list-type': '2', prefix: '', 'encoding-type': 'url' }),
    responseElements: null,
    resources: [
      { ARNPrefix: `arn:aws:s3:::${C.bucket}/`, type: 'AWS::S3::Object' },
      { ARN: `arn:aws:s3:::${C.bucket}`, accountId: C.role.accountId, type: 'AWS::S3::Bucket' },
    ],
  });
  for (const key of C.exfiltratedKeys) {
    t = after(rng, t, 4, 25);
    s3Object(out, attacker, t, S3_DATA.getObject, key);
  }
}

export function instanceCredentialsScenario(ctx: ScenarioContext): void {
  const rng = Rng.from(ctx.seed, 'instance-credentials', 'plan');
  const out = new Out(ctx.emitter, Rng.from(ctx.seed, 'instance-credentials', 'ids'));
  const launched = Math.max(ctx.startMs, ctx.endMs - C.launchedDaysBeforeEnd * DAY);
  const misusedAt = ctx.truths.times.instanceCredentialsMisused;
  const stolen = { at: misusedAt, key: ctx.truths.instanceCredentials.stolenAccessKeyId };

  const webs: { inst: Instance; sessions: RoleSession[] }[] = C.webInstances.map((w, i) => {
    const inst: Instance = { ...w, role: C.role, publicIp: w.publicIp.ip };
    const boot = launched + rng.int(2, 20) * MINUTE;
    return { inst, sessions: deliveries(out, rng, inst, boot, ctx.endMs, i === 0 ? stolen : undefined) };
  });
  const worker: Instance = { ...C.worker };
  const workerSessions = deliveries(out, rng, worker, launched + rng.int(20, 40) * MINUTE, ctx.endMs);

  for (const day of dayStarts(launched, ctx.endMs)) {
    for (const w of webs) webDay(out, rng, w.inst, w.sessions, day, ctx.endMs);
    workerDay(out, rng, worker, workerSessions, day, ctx.endMs);
  }

  const first = webs[0];
  const session = first && activeAt(first.sessions, misusedAt);
  if (session && misusedAt >= ctx.startMs && misusedAt < ctx.endMs) misuse(out, ctx, session);
}
