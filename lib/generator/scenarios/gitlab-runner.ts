import { API } from '../api-catalog';
import { accessDenied } from '../event-builders';
import { type RoleSession, sessionCaller } from '../identity';
import { Rng } from '../prng';
import { GITLAB_RUNNER } from '../scenarios';
import { assumeRoleByService } from '../sts-events';
import { DAY, HOUR, MINUTE, SECOND } from '../time';
import { agentOf, ATTACKER_CLI, DOCKER_PULL, ECR_CREDENTIAL_HELPER, GITLAB_RUNNER_SDK } from '../user-agents';
import { after, dayStarts, isWeekendDay, Out, type ScenarioContext } from './kit';

/**
 * Scenario 4. A GitLab runner on EC2 uses its instance role, GitlabRunnerRole:
 * ec2.amazonaws.com assumes the role every ~6 hours with the instance id as the
 * session name, and the runner pulls from ECR and scales EC2 workers. It never
 * touches S3. The day before --end the current credentials are used from
 * outside the instance, from an address and client the role has never shown.
 */

const SESSION_SECONDS = 6 * 3600;
const UTC_EVENING_START = 13;

interface Delivery {
  readonly session: RoleSession;
  readonly ipIndex: number;
}

export function gitlabRunnerScenario(ctx: ScenarioContext): void {
  const rng = Rng.from(ctx.seed, 'gitlab-runner', 'plan');
  const out = new Out(ctx.emitter, Rng.from(ctx.seed, 'gitlab-runner', 'ids'));
  const { role } = GITLAB_RUNNER;
  const misusedAt = ctx.truths.times.gitlabCredentialsMisused;
  const replacedAt = ctx.endMs - 35 * DAY + 14 * HOUR + 12 * MINUTE;

  // Credential deliveries: a new AssumeRole by ec2.amazonaws.com a little before the old one expires.
  const deliveries: Delivery[] = [];
  let t = ctx.startMs + rng.int(60, 3600) * SECOND;
  while (t < ctx.endMs) {
    const second = t >= replacedAt;
    const nextT = t + SESSION_SECONDS * SECOND - rng.int(5, 30) * MINUTE;
    const isMisused = misusedAt >= t && misusedAt < nextT;
    const issued = assumeRoleByService(out.ids, {
      time: t,
      service: 'ec2.amazonaws.com',
      role,
      sessionName: GITLAB_RUNNER.instanceIds[second ? 1 : 0] as string,
      durationSeconds: SESSION_SECONDS,
      withAssumedRoleUser: rng.chance(0.3),
      ec2RoleDelivery: '2.0',
      region: GITLAB_RUNNER.region,
      accessKeyId: isMisused ? ctx.truths.gitlabRunner.misusedAccessKeyId : undefined,
    });
    out.records(t, issued.records);
    deliveries.push({ session: issued.session, ipIndex: second ? 1 : 0 });
    // The replacement instance gets its first credentials when it boots, not on the old schedule.
    t = !second && nextT >= replacedAt ? replacedAt + rng.int(40, 90) * SECOND : nextT;
  }

  const activeAt = (time: number): Delivery | undefined => {
    let found: Delivery | undefined;
    for (const d of deliveries) {
      if (d.session.issuedAt <= time) found = d;
      else break;
    }
    return found && time < found.session.expiresAt ? found : undefined;
  };

  for (const day of dayStarts(ctx.startMs, ctx.endMs)) {
    const jobs = isWeekendDay(day) ? rng.int(0, 2) : rng.int(3, 6);
    for (let j = 0; j < jobs; j++) {
      const start = day + (UTC_EVENING_START * 3600 + rng.int(0, 13 * 3600)) * SECOND;
      const delivery = activeAt(start);
      if (!delivery || start < ctx.startMs || start >= ctx.endMs) continue;
      const ip = GITLAB_RUNNER.instanceIps[delivery.ipIndex]?.ip ?? '';
      const runner = sessionCaller(delivery.session, ip, agentOf.fixed(GITLAB_RUNNER_SDK));
      const helper = sessionCaller(delivery.session, ip, agentOf.fixed(ECR_CREDENTIAL_HELPER));
      const docker = sessionCaller(delivery.session, ip, agentOf.fixed(DOCKER_PULL));
      let at = start;
      out.call({ time: at, caller: runner, spec: API.describeInstances, region: GITLAB_RUNNER.region });
      if (rng.chance(0.25)) {
        at = after(rng, at, 1, 4);
        out.call({ time: at, caller: runner, spec: API.runInstances, region: GITLAB_RUNNER.region });
        at = after(rng, at, 1, 3);
        out.call({ time: at, caller: runner, spec: API.createTags, region: GITLAB_RUNNER.region });
      }
      at = after(rng, at, 20, 90);
      out.call({ time: at, caller: helper, spec: API.getAuthorizationToken, region: GITLAB_RUNNER.region });
      at = after(rng, at, 1, 3);
      out.call({ time: at, caller: docker, spec: API.batchGetImage, region: GITLAB_RUNNER.region });
      const layers = rng.int(1, 2);
      for (let l = 0; l < layers; l++) {
        at = after(rng, at, 1, 2);
        out.call({ time: at, caller: docker, spec: API.getDownloadUrlForLayer, region: GITLAB_RUNNER.region });
      }
      if (rng.chance(0.15)) {
        at = after(rng, at, 600, 1800);
        if (at < ctx.endMs && at < delivery.session.expiresAt) {
          out.call({ time: at, caller: runner, spec: API.terminateInstances, region: GITLAB_RUNNER.region });
        }
      }
    }
  }

  // The incident: the misused key, from outside, with a client the runner never uses. Still no S3.
  const misused = activeAt(misusedAt);
  if (misused && misusedAt >= ctx.startMs && misusedAt < ctx.endMs) {
    const ir = Rng.from(ctx.seed, 'gitlab-runner', 'incident');
    const attacker = sessionCaller(misused.session, GITLAB_RUNNER.incidentIp.ip, agentOf.fixed(ATTACKER_CLI));
    let at = misusedAt;
    out.call({ time: at, caller: attacker, spec: API.getCallerIdentity, region: 'us-east-1' });
    at = after(ir, at, 20, 60);
    out.call({
      time: at,
      caller: attacker,
      spec: API.listAttachedRolePolicies,
      region: 'us-east-1',
      error: accessDenied(attacker.identity, API.listAttachedRolePolicies, `role ${role.name}`),
    });
    for (const spec of [API.describeInstances, API.describeSecurityGroups, API.describeVpcs, API.describeImages]) {
      at = after(ir, at, 5, 40);
      out.call({ time: at, caller: attacker, spec, region: 'us-east-1' });
    }
  }
}
