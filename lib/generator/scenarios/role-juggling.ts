import { API, type ApiSpec, S3_DATA } from '../api-catalog';
import { type Caller, type RoleSession, sessionCaller, userCaller } from '../identity';
import { Rng } from '../prng';
import { ROLE_JUGGLING } from '../scenarios';
import { assumeRole } from '../sts-events';
import { DAY, HOUR, MINUTE, SECOND } from '../time';
import { agentOf, boto3, CLI_LINUX, JUGGLER_BOTO3 } from '../user-agents';
import { after, Out, randomLocal, type ScenarioContext, withEventId, workdays } from './kit';

/**
 * Scenario 8. Role juggling. ci-legacy's key runs deploys from Jenkins: it assumes
 * LegacyDeployRole, and some deploys chain into ArtifactPublisherRole for a few minutes to
 * publish. The day before --end the key is used from a VPS to assume LegacyDeployRole, and from
 * then on each session assumes the other role before its hour is up (A → B → A → B → A), so the
 * chain keeps calling for almost four hours while no session lives an hour and the user's key is
 * never used again.
 *
 * Beside it, what is not juggling: metrics-sync assumes MetricsReaderRole from its own IAM user
 * every hour, day and night, for the last week.
 */

const J = ROLE_JUGGLING;
const EASTERN = -5;
const region = 'us-east-1';

function artifact(out: Out, caller: Caller, time: number, spec: ApiSpec, key: string): void {
  out.call({
    time,
    caller,
    spec,
    region,
    requestParameters: { bucketName: J.artifactBucket, Host: `${J.artifactBucket}.s3.amazonaws.com`, key },
    responseElements: null,
    resources: [
      { ARN: `arn:aws:s3:::${J.artifactBucket}/${key}`, type: 'AWS::S3::Object' },
      { ARN: `arn:aws:s3:::${J.artifactBucket}`, accountId: J.roleB.accountId, type: 'AWS::S3::Bucket' },
    ],
  });
}

/** A Jenkins deploy: LegacyDeployRole, sometimes a short hop into ArtifactPublisherRole. */
function deploy(out: Out, rng: Rng, start: number): void {
  const agent = agentOf.cli(CLI_LINUX);
  const issued = assumeRole(out.ids, {
    time: start,
    caller: userCaller(J.user, J.userIp.ip, agent),
    role: J.roleA,
    sessionName: J.sessionNameA,
    durationSeconds: 3600,
  });
  out.records(start, issued.records);
  const deployer = sessionCaller(issued.session, J.userIp.ip, agent);
  let t = start;
  for (const spec of [API.describeServices, API.updateService, API.describeServices]) {
    t = after(rng, t, 3, 40);
    out.call({ time: t, caller: deployer, spec, region });
  }
  if (!rng.chance(0.35)) return;
  t = after(rng, t, 5, 30);
  const hop = assumeRole(out.ids, { time: t, caller: deployer, role: J.roleB, sessionName: J.sessionNameB, durationSeconds: 900 });
  out.records(t, hop.records);
  const publisher = sessionCaller(hop.session, J.userIp.ip, agent);
  const build = `builds/payments-api/${Math.floor(t / SECOND)}.tar.gz`;
  t = after(rng, t, 2, 10);
  artifact(out, publisher, t, S3_DATA.putObject, build);
}

const HOP_CALLS: readonly (readonly ApiSpec[])[] = [
  [API.getCallerIdentity, API.listRoles, API.getRole, API.listAttachedRolePolicies, API.listBuckets],
  [API.getCallerIdentity, S3_DATA.listObjects, S3_DATA.getObject, S3_DATA.getObject, S3_DATA.getObject],
  [API.describeInstances, API.describeSecurityGroups, API.describeSubnets, API.listFunctions, API.describeStacks],
  [S3_DATA.getObject, S3_DATA.getObject, S3_DATA.putObject, S3_DATA.listObjects],
  [API.describeServices, API.listTasks, API.getParameters, API.describeServices, API.getCallerIdentity],
];

/** The chain: hop 0 from the stolen user key, every later hop from the session before it. */
function juggle(out: Out, ctx: ScenarioContext): void {
  const rng = Rng.from(ctx.seed, 'role-juggling', 'incident');
  const { hops, lastCallAt } = ctx.truths.roleJuggling;
  const agent = agentOf.fixed(JUGGLER_BOTO3);
  let caller: Caller = userCaller(J.user, J.attackerIp.ip, agent);
  hops.forEach((hop, i) => {
    const issued = assumeRole(out.ids, {
      time: hop.issuedAt,
      caller,
      role: hop.role,
      sessionName: hop.sessionName,
      durationSeconds: 3600,
      accessKeyId: hop.accessKeyId,
    });
    out.records(hop.issuedAt, withEventId(issued.records, hop.assumeRoleEventId));
    const session: RoleSession = issued.session;
    caller = sessionCaller(session, J.attackerIp.ip, agent);
    // Spread the session's calls over its stretch of the chain, ending before the next hop.
    const until = hops[i + 1]?.issuedAt ?? lastCallAt + SECOND;
    const calls = HOP_CALLS[i % HOP_CALLS.length] ?? [];
    const step = Math.floor((until - hop.issuedAt - 2 * MINUTE) / Math.max(1, calls.length) / SECOND);
    calls.forEach((spec, k) => {
      const last = i === hops.length - 1 && k === calls.length - 1;
      const t = last ? lastCallAt : hop.issuedAt + (30 + k * step + rng.int(0, Math.max(0, step - 60))) * SECOND;
      if (spec.eventSource === 's3.amazonaws.com') artifact(out, caller, t, spec, `builds/payments-api/release-${k}.tar.gz`);
      else out.call({ time: t, caller, spec, region });
    });
  });
}

/** The negative: one AssumeRole an hour from the base identity, one or two reads, never chained. */
function hourlyWorkload(out: Out, rng: Rng, ctx: ScenarioContext): void {
  const w = J.hourlyWorkload;
  const agent = agentOf.fixed(boto3());
  const from = Math.max(ctx.startMs, ctx.endMs - w.days * DAY);
  for (let hour = Math.ceil(from / HOUR) * HOUR; hour < ctx.endMs; hour += HOUR) {
    const t = hour + 5 * MINUTE + rng.int(0, 110) * SECOND;
    const issued = assumeRole(out.ids, { time: t, caller: userCaller(w.user, w.ip.ip, agent), role: w.role, sessionName: w.sessionName, durationSeconds: 3600 });
    out.records(t, issued.records);
    const reader = sessionCaller(issued.session, w.ip.ip, agent);
    let at = after(rng, t, 1, 4);
    out.call({ time: at, caller: reader, spec: API.getMetricData, region });
    if (rng.chance(0.3)) {
      at = after(rng, at, 1, 20);
      out.call({ time: at, caller: reader, spec: API.describeAlarms, region });
    }
  }
}

export function roleJugglingScenario(ctx: ScenarioContext): void {
  const rng = Rng.from(ctx.seed, 'role-juggling', 'plan');
  const out = new Out(ctx.emitter, Rng.from(ctx.seed, 'role-juggling', 'ids'));
  const chainStart = ctx.truths.times.roleJugglingStart;
  for (const day of workdays(rng, ctx.startMs, chainStart - DAY, 0.45)) {
    const start = randomLocal(rng, day, EASTERN, 10, 18);
    if (start >= ctx.startMs && start < chainStart - 12 * HOUR) deploy(out, rng, start);
  }
  if (chainStart >= ctx.startMs && chainStart < ctx.endMs) juggle(out, ctx);
  hourlyWorkload(out, Rng.from(ctx.seed, 'role-juggling', 'hourly'), ctx);
}
