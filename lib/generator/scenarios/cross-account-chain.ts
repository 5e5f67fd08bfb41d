import { API } from '../api-catalog';
import { accessDenied } from '../event-builders';
import { type RoleSession, sessionCaller, userCaller } from '../identity';
import { Rng } from '../prng';
import { CHAIN } from '../scenarios';
import { assumeRole, assumeRoleWithWebIdentity } from '../sts-events';
import { SECOND } from '../time';
import { agentOf, CLI_MAC, GITHUB_ACTIONS_CREDENTIALS } from '../user-agents';
import { after, dayStarts, isWeekendDay, Out, randomLocal, type ScenarioContext } from './kit';

/**
 * Scenario 5. Sessions that cross accounts and chain:
 * - alice (IAM user, sandbox = A) assumes CrossAccountOps in management (B)
 *   with SourceIdentity "alice", then chains into ProdDeployRole in production
 *   (C); every cross-account hop is logged in both accounts under one
 *   sharedEventID, and the source identity persists into C.
 * - GitHub Actions assumes GitHubActionsDeploy with a web identity token and,
 *   for deploys, chains into ProdDeployRole.
 * - Three days before --end a ProdDeployRole session acts whose AssumeRole
 *   appears nowhere: the chain has a broken hop.
 */

const PACIFIC = -8;
const cliAgent = agentOf.cli(CLI_MAC);

function aliceChain(out: Out, rng: Rng, start: number): void {
  const ip = rng.pick(CHAIN.userIps);
  const hop1 = assumeRole(out.ids, {
    time: start,
    caller: userCaller(CHAIN.user, ip.ip, cliAgent),
    role: CHAIN.roleB,
    sessionName: CHAIN.sessionNameB,
    durationSeconds: 3600,
    sourceIdentity: CHAIN.sourceIdentity,
    mfaSerial: `arn:aws:iam::${CHAIN.user.accountId}:mfa/alice`,
  });
  out.records(start, hop1.records);
  const inB = sessionCaller(hop1.session, ip.ip, cliAgent);
  let t = after(rng, start, 2, 20);
  out.call({ time: t, caller: inB, spec: rng.pick([API.describeOrganization, API.listRoles, API.getCallerIdentity]), region: 'us-east-1' });

  t = after(rng, t, 5, 60);
  const hop2 = assumeRole(out.ids, {
    time: t,
    caller: inB,
    role: CHAIN.roleC,
    sessionName: CHAIN.sessionNameC,
    durationSeconds: 3600,
  });
  out.records(t, hop2.records);
  const inC = sessionCaller(hop2.session, ip.ip, cliAgent);
  const calls = rng.int(3, 8);
  for (let i = 0; i < calls; i++) {
    t = after(rng, t, 4, 150);
    const spec = rng.pick([API.describeServices, API.describeServices, API.updateService, API.describeStacks, API.getParameters, API.listTasks]);
    out.call({ time: t, caller: inC, spec, region: rng.chance(0.8) ? 'us-east-1' : 'eu-west-1' });
  }
}

function githubRun(out: Out, rng: Rng, start: number, deploy: boolean): void {
  const ip = rng.pick(CHAIN.github.ips);
  const issued = assumeRoleWithWebIdentity(out.ids, {
    time: start,
    role: CHAIN.github.role,
    sessionName: CHAIN.github.sessionName,
    providerArn: CHAIN.github.providerArn,
    audience: CHAIN.github.audience,
    subject: CHAIN.github.subject,
    sourceIPAddress: ip.ip,
    userAgent: GITHUB_ACTIONS_CREDENTIALS,
    durationSeconds: 3600,
    region: 'us-east-1',
  });
  out.records(start, issued.records);
  const gh = sessionCaller(issued.session, ip.ip, agentOf.githubCli());
  let t = after(rng, start, 3, 15);
  out.call({ time: t, caller: gh, spec: API.getCallerIdentity, region: 'us-east-1' });
  for (const spec of [API.getAuthorizationToken, API.batchCheckLayerAvailability, API.initiateLayerUpload, API.putImage]) {
    t = after(rng, t, 2, 40);
    out.call({ time: t, caller: gh, spec, region: 'us-east-1' });
  }
  if (!deploy) return;
  t = after(rng, t, 10, 90);
  const chained = assumeRole(out.ids, {
    time: t,
    caller: gh,
    role: CHAIN.roleC,
    sessionName: CHAIN.github.deploySessionName,
    durationSeconds: 900,
  });
  out.records(t, chained.records);
  const deployer = sessionCaller(chained.session, ip.ip, agentOf.githubCli());
  for (const spec of [API.describeServices, API.updateService, API.describeServices, API.describeServices]) {
    t = after(rng, t, 2, 45);
    out.call({ time: t, caller: deployer, spec, region: 'us-east-1' });
  }
}

/** The session whose issuing AssumeRole is absent: its credentials appear out of nowhere. */
function brokenHop(out: Out, ctx: ScenarioContext): void {
  const firstSeen = ctx.truths.times.brokenHopFirstSeen;
  if (firstSeen < ctx.startMs || firstSeen >= ctx.endMs) return;
  const rng = Rng.from(ctx.seed, 'chain', 'broken-hop');
  const hop = CHAIN.brokenHop;
  const issuedAt = ctx.truths.chain.brokenHopIssuedAt;
  const session: RoleSession = {
    role: hop.role,
    sessionName: hop.sessionName,
    accessKeyId: ctx.truths.chain.brokenHopAccessKeyId,
    issuedAt,
    expiresAt: issuedAt + 3600 * SECOND,
    mfaAuthenticated: true,
    sourceIdentity: hop.sourceIdentity,
  };
  const caller = sessionCaller(session, hop.ip.ip, cliAgent);
  let t = firstSeen;
  for (const spec of [API.getCallerIdentity, API.getParameters, API.describeServices, API.updateService]) {
    out.call({ time: t, caller, spec, region: 'us-east-1' });
    t = after(rng, t, 10, 70);
  }
  out.call({ time: t, caller, spec: API.createAccessKey, region: 'us-east-1', error: accessDenied(caller.identity, API.createAccessKey, 'user ci-deployer') });
  t = after(rng, t, 30, 120);
  out.call({ time: t, caller, spec: API.listUsers, region: 'us-east-1' });
}

export function crossAccountChainScenario(ctx: ScenarioContext): void {
  const rng = Rng.from(ctx.seed, 'chain', 'plan');
  const out = new Out(ctx.emitter, Rng.from(ctx.seed, 'chain', 'ids'));
  for (const day of dayStarts(ctx.startMs, ctx.endMs)) {
    const weekend = isWeekendDay(day);
    if (!weekend && rng.chance(0.55)) {
      const start = randomLocal(rng, day, PACIFIC, 9, 17);
      if (start >= ctx.startMs && start < ctx.endMs - 2 * 3600 * SECOND) aliceChain(out, rng, start);
    }
    const runs = weekend ? rng.int(0, 1) : rng.int(2, 5);
    for (let i = 0; i < runs; i++) {
      const start = randomLocal(rng, day, PACIFIC, 7, 19);
      if (start >= ctx.startMs && start < ctx.endMs - 3600 * SECOND) githubRun(out, rng, start, rng.chance(0.5));
    }
  }
  brokenHop(out, ctx);
}
