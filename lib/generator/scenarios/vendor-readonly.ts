import { API } from '../api-catalog';
import { throttled } from '../event-builders';
import { sessionCaller, userCaller } from '../identity';
import { Rng } from '../prng';
import { VENDOR } from '../scenarios';
import { assumeRole } from '../sts-events';
import { HOUR, SECOND } from '../time';
import { agentOf } from '../user-agents';
import { after, Out, type ScenarioContext } from './kit';

/**
 * Scenario 2. Acme Monitoring (444455556666, outside the organisation) polls
 * production every few hours through VendorReadOnly with an ExternalId:
 * DescribeInstances in both regions (EC2 throttles some), CloudWatch metrics,
 * and Cost Explorer once a day. One day before --end it also generates the
 * IAM credential report, which it has never done.
 */

const THROTTLE_RATE = 0.07;

export function vendorScenario(ctx: ScenarioContext): void {
  const rng = Rng.from(ctx.seed, 'vendor', 'plan');
  const out = new Out(ctx.emitter, Rng.from(ctx.seed, 'vendor', 'ids'));
  const agent = agentOf.acmePoller();
  const every = VENDOR.pollEveryHours * HOUR;
  let lastCostDay = -1;

  // Polls run on a fixed cadence from the vendor's scheduler, with a little jitter.
  const firstPoll = Math.ceil(ctx.startMs / every) * every;
  for (let slot = firstPoll; slot < ctx.endMs; slot += every) {
    const start = slot + rng.int(20, 240) * SECOND;
    const ip = rng.pick(VENDOR.ips);
    const issued = assumeRole(out.ids, {
      time: start,
      caller: userCaller(VENDOR.callerUser, ip.ip, agent),
      role: VENDOR.role,
      sessionName: VENDOR.sessionName,
      durationSeconds: 3600,
      externalId: VENDOR.externalId,
    });
    out.records(start, issued.records);
    const caller = sessionCaller(issued.session, ip.ip, agent);
    let t = start + rng.int(1, 3) * SECOND;
    for (const [region, pages] of [
      ['us-east-1', 3],
      ['eu-west-1', 2],
    ] as const) {
      for (let page = 0; page < pages; page++) {
        if (rng.chance(THROTTLE_RATE)) {
          out.call({ time: t, caller, spec: API.describeInstances, region, error: throttled(API.describeInstances) });
          t = after(rng, t, 1, 3);
        }
        out.call({ time: t, caller, spec: API.describeInstances, region });
        t = after(rng, t, 1, 4);
      }
      out.call({ time: t, caller, spec: API.getMetricData, region });
      t = after(rng, t, 2, 9);
    }
    const day = Math.floor(start / (24 * HOUR));
    if (day !== lastCostDay && new Date(start).getUTCHours() >= 6) {
      lastCostDay = day;
      const today = new Date(start).toISOString().slice(0, 10);
      out.call({
        time: t,
        caller,
        spec: API.getCostAndUsage,
        region: 'us-east-1',
        requestParameters: {
          TimePeriod: { Start: `${today.slice(0, 8)}01`, End: today },
          Granularity: 'DAILY',
          Metrics: ['UnblendedCost', 'UsageQuantity'],
          GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
        },
      });
      t = after(rng, t, 1, 5);
    }
  }
  credentialReport(out, ctx, Rng.from(ctx.seed, 'vendor', 'incident'));
}

/** An off-cycle session that does what the vendor never did before. */
function credentialReport(out: Out, ctx: ScenarioContext, rng: Rng): void {
  const incidentAt = ctx.truths.times.vendorCredentialReport;
  const agent = agentOf.acmePoller();
  const ip = VENDOR.ips[0] ?? rng.pick(VENDOR.ips);
  const assumedAt = incidentAt - 37 * SECOND;
  const issued = assumeRole(out.ids, {
    time: assumedAt,
    caller: userCaller(VENDOR.callerUser, ip.ip, agent),
    role: VENDOR.role,
    sessionName: VENDOR.sessionName,
    durationSeconds: 3600,
    externalId: VENDOR.externalId,
  });
  out.records(assumedAt, issued.records);
  const caller = sessionCaller(issued.session, ip.ip, agent);
  out.call({ time: assumedAt + 6 * SECOND, caller, spec: API.describeInstances, region: 'us-east-1' });
  out.call({ time: incidentAt, caller, spec: API.generateCredentialReport, region: 'us-east-1' });
  out.call({ time: incidentAt + 12 * SECOND, caller, spec: API.getCredentialReport, region: 'us-east-1' });
}
