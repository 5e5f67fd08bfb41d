import { API, START_LOGGING, STOP_LOGGING } from '../api-catalog';
import { userCaller } from '../identity';
import { Rng } from '../prng';
import { LOGGING_GAP } from '../scenarios';
import { MINUTE, SECOND } from '../time';
import { agentOf, CLI_MAC } from '../user-agents';
import { after, Out, type ScenarioContext } from './kit';

/**
 * Scenario 11, variant logging-gap only. pchen stops production's single-region trail in
 * us-east-1, launches instances there while it is off, and starts it again three and a half hours
 * later. His calls in the gap are emitted like any others; generate.ts drops every event of that
 * account × region strictly between the two calls, as a stopped trail records nothing, and does
 * the same for the delivery outage (loggingGaps in scenarios.ts).
 */

export function loggingGapScenario(ctx: ScenarioContext): void {
  if (ctx.variant !== 'logging-gap') return;
  const rng = Rng.from(ctx.seed, 'logging-gap', 'plan');
  const out = new Out(ctx.emitter, Rng.from(ctx.seed, 'logging-gap', 'ids'));
  const { trail } = LOGGING_GAP;
  const { trailStopped, trailStarted } = ctx.truths.times;
  const { stopLoggingEventId, startLoggingEventId } = ctx.truths.loggingGap;
  const admin = userCaller(LOGGING_GAP.actor, LOGGING_GAP.actorIp.ip, agentOf.cli(CLI_MAC));
  const request = { name: trail.arn };

  out.call({ time: trailStopped - 41 * SECOND, caller: admin, spec: API.describeTrails, region: trail.region });
  out.call({ time: trailStopped, caller: admin, spec: STOP_LOGGING, region: trail.region, requestParameters: request, responseElements: null, eventID: stopLoggingEventId });

  // Unlogged work in the silenced region, and one call in the other region, which is still recorded.
  let t = trailStopped + 6 * MINUTE;
  for (const spec of [API.describeInstances, API.runInstances, API.createTags, API.runInstances, API.createTags, API.describeInstances]) {
    out.call({ time: t, caller: admin, spec, region: trail.region });
    t = after(rng, t, 30, 20 * 60);
  }
  out.call({ time: trailStopped + 47 * MINUTE, caller: admin, spec: API.describeInstances, region: 'eu-west-1' });

  out.call({ time: trailStarted, caller: admin, spec: START_LOGGING, region: trail.region, requestParameters: request, responseElements: null, eventID: startLoggingEventId });
}
