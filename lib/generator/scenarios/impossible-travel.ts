import { API, type ApiSpec } from '../api-catalog';
import { accessDenied } from '../event-builders';
import { type Caller, userCaller } from '../identity';
import type { IpLocation } from '../ip-table';
import { Rng } from '../prng';
import { IMPOSSIBLE_TRAVEL } from '../scenarios';
import { DAY, MINUTE, SECOND } from '../time';
import { agentOf, CLI_MAC, CLI_UBUNTU_VPS } from '../user-agents';
import { after, atLocal, Out, randomLocal, readSecret, type ScenarioContext, workdays } from './kit';

/**
 * Scenario 9. Impossible travel. nbauer, an engineer in Frankfurt, uses his long-term key from
 * home in Offenbach and from the office in Frankfurt, often both in one day and within the hour.
 * His secret reads are followed by KMS calls whose address is `secretsmanager.amazonaws.com`.
 * The day before --end, minutes after he calls from the office, the same key calls from São
 * Paulo (about 9,800 km away) and the two places keep alternating for half an hour.
 */

const T = IMPOSSIBLE_TRAVEL;
const PALETTE: readonly ApiSpec[] = [
  API.describeInstances,
  API.describeInstances,
  API.describeStacks,
  API.describeLogGroups,
  API.listFunctions,
  API.describeTable,
  API.getParameter,
  API.describeAlarms,
];

const cli = agentOf.cli(CLI_MAC);
const region = (rng: Rng) => (rng.chance(0.7) ? 'eu-west-1' : 'us-east-1');

function burst(out: Out, rng: Rng, start: number, ip: IpLocation, calls: number): number {
  const caller = userCaller(T.user, ip.ip, cli);
  let t = start;
  for (let i = 0; i < calls; i++) {
    out.call({ time: t, caller, spec: rng.pick(PALETTE), region: region(rng) });
    t = after(rng, t, 5, 150);
  }
  return t;
}

function workday(out: Out, rng: Rng, day: number): void {
  // Some mornings start at home; the office, 6 km away, follows within the hour.
  const home = rng.chance(0.5) ? burst(out, rng, randomLocal(rng, day, T.utcOffset, 7.5, 8.75), T.homeIp, rng.int(2, 3)) : undefined;
  if (rng.chance(0.85)) {
    const arrival = home === undefined ? randomLocal(rng, day, T.utcOffset, 9, 10) : after(rng, home, 25 * 60, 55 * 60);
    burst(out, rng, arrival, T.officeIp, rng.int(1, 3));
    // Later at the office; now and then he reads the search API key.
    for (let i = rng.int(1, 2); i > 0; i--) burst(out, rng, randomLocal(rng, day, T.utcOffset, 11, 17.5), T.officeIp, rng.int(1, 3));
    if (rng.chance(0.3)) {
      const t = randomLocal(rng, day, T.utcOffset, 10, 17);
      readSecret(out, { time: t, caller: userCaller(T.user, T.officeIp.ip, cli), secretArn: T.secretArn, region: 'eu-west-1' });
    }
  }
  if (rng.chance(0.25)) burst(out, rng, randomLocal(rng, day, T.utcOffset, 19, 22), T.homeIp, rng.int(1, 3));
}

/** The key in two places: nbauer at the office, someone else in São Paulo. */
function incident(out: Out, ctx: ScenarioContext): void {
  const rng = Rng.from(ctx.seed, 'impossible-travel', 'incident');
  const { from, to } = ctx.truths.impossibleTravel;
  const day = Math.floor(from.time / DAY) * DAY;
  const office = userCaller(T.user, T.officeIp.ip, cli);
  const remote: Caller = userCaller(T.user, T.attackerIp.ip, agentOf.cli(CLI_UBUNTU_VPS));

  burst(out, rng, atLocal(day, T.utcOffset, 7, 58, 12), T.homeIp, 2);
  out.call({ time: from.time, caller: office, spec: API.describeStacks, region: 'eu-west-1', eventID: from.eventId });
  out.call({ time: from.time + 47 * SECOND, caller: office, spec: API.describeLogGroups, region: 'eu-west-1' });
  readSecret(out, { time: from.time + 11 * MINUTE + 9 * SECOND, caller: office, secretArn: T.secretArn, region: 'eu-west-1' });

  out.call({ time: to.time, caller: remote, spec: API.getCallerIdentity, region: 'us-east-1', eventID: to.eventId });
  let t = after(rng, to.time, 20, 60);
  out.call({ time: t, caller: remote, spec: API.listBuckets, region: 'us-east-1' });
  t = after(rng, t, 10, 40);
  out.call({ time: t, caller: remote, spec: API.listUsers, region: 'us-east-1', error: accessDenied(remote.identity, API.listUsers, '*') });
  t = after(rng, t, 10, 40);
  out.call({ time: t, caller: remote, spec: API.describeInstances, region: 'eu-west-1' });

  // nbauer goes on working, unaware; the remote client comes back once more.
  out.call({ time: to.time + 8 * MINUTE + 4 * SECOND, caller: office, spec: API.describeStacks, region: 'eu-west-1' });
  out.call({ time: to.time + 23 * MINUTE + 40 * SECOND, caller: remote, spec: API.describeSecurityGroups, region: 'eu-west-1' });
  burst(out, rng, atLocal(day, T.utcOffset, 11, 20, 0), T.officeIp, 3);
  burst(out, rng, atLocal(day, T.utcOffset, 15, 5, 31), T.officeIp, 2);
}

export function impossibleTravelScenario(ctx: ScenarioContext): void {
  const rng = Rng.from(ctx.seed, 'impossible-travel', 'plan');
  const out = new Out(ctx.emitter, Rng.from(ctx.seed, 'impossible-travel', 'ids'));
  const incidentDay = Math.floor(ctx.truths.times.travelFrankfurt / DAY) * DAY;
  for (const day of workdays(rng, ctx.startMs, incidentDay, 0.85)) workday(out, rng, day);
  if (ctx.truths.times.travelFrankfurt >= ctx.startMs && ctx.truths.times.travelSaoPaulo < ctx.endMs) incident(out, ctx);
}
