import { API, KMS_KEY_ID } from '../api-catalog';
import { consoleLogin, serviceEvent } from '../event-builders';
import { tempAccessKeyId } from '../ids';
import { type Caller, rootIdentity } from '../identity';
import { IP_TABLE } from '../ip-table';
import { Rng } from '../prng';
import { DAY, HOUR, MINUTE, SECOND } from '../time';
import { agentOf, BROWSER_CHROME_MAC } from '../user-agents';
import { ACCOUNTS } from '../world';
import { after, dayStarts, Out, type ScenarioContext } from './kit';

/**
 * Rare events that happen on a calendar, not in proportion to traffic: the
 * management account's root user signing in now and then (with MFA), yearly
 * KMS key rotation, and ECR's daily lifecycle-policy run (AwsServiceEvent).
 */

export function accountHousekeepingScenario(ctx: ScenarioContext): void {
  const rng = Rng.from(ctx.seed, 'housekeeping', 'plan');
  const out = new Out(ctx.emitter, Rng.from(ctx.seed, 'housekeeping', 'ids'));
  const mgmt = ACCOUNTS.management.id;
  const prod = ACCOUNTS.production.id;

  // Root: every 2–3 weeks, from the CTO's home, always with MFA.
  for (let day = ctx.startMs + rng.int(2, 9) * DAY; day < ctx.endMs; day += rng.int(14, 21) * DAY) {
    const t = Math.floor(day / DAY) * DAY + (18 * HOUR + rng.int(0, 120) * MINUTE);
    if (t < ctx.startMs || t >= ctx.endMs) continue;
    const ip = IP_TABLE.seattle2.ip;
    out.record(
      t,
      consoleLogin(out.ids, {
        time: t,
        identity: { type: 'Root', principalId: mgmt, arn: `arn:aws:iam::${mgmt}:root`, accountId: mgmt },
        recipientAccountId: mgmt,
        sourceIPAddress: ip,
        userAgent: BROWSER_CHROME_MAC,
        mfaUsed: true,
      }),
    );
    const caller: Caller = {
      identity: rootIdentity(mgmt, tempAccessKeyId(out.ids), t),
      sourceIPAddress: ip,
      agent: agentOf.console(),
      fromConsole: true,
    };
    let at = after(rng, t, 10, 40);
    for (const spec of [API.getAccountSummary, API.describeOrganization, API.listMfaDevices]) {
      out.call({ time: at, caller, spec, region: 'us-east-1' });
      at = after(rng, at, 5, 90);
    }
  }

  // KMS rotates the production key once a year; place that day inside the window.
  const rotation = ctx.startMs + Math.floor((ctx.endMs - ctx.startMs) * 0.4) + rng.int(0, 3600) * SECOND;
  out.record(
    rotation,
    serviceEvent(out.ids, {
      time: rotation,
      accountId: prod,
      region: 'us-east-1',
      eventSource: 'kms.amazonaws.com',
      eventName: 'RotateKey',
      identity: { accountId: prod, invokedBy: 'kms.amazonaws.com' },
      readOnly: false,
      resources: [{ ARN: KMS_KEY_ID(prod, 'us-east-1'), accountId: prod, type: 'AWS::KMS::Key' }],
    }),
  );

  // ECR evaluates the lifecycle policy of each repository daily.
  for (const day of dayStarts(ctx.startMs, ctx.endMs)) {
    for (const repositoryName of ['payments-service', 'ci/build-image']) {
      const t = day + (3 * HOUR + rng.int(0, 90) * MINUTE);
      if (t < ctx.startMs || t >= ctx.endMs) continue;
      out.record(
        t,
        serviceEvent(out.ids, {
          time: t,
          accountId: prod,
          region: 'us-east-1',
          eventSource: 'ecr.amazonaws.com',
          eventName: 'PolicyExecutionEvent',
          identity: { accountId: prod, invokedBy: 'AWS Internal' },
          readOnly: true,
          resources: [{ ARN: `arn:aws:ecr:us-east-1:${prod}:repository/${repositoryName}`, accountId: prod, type: 'AWS::ECR::Repository' }],
          serviceEventDetails: {
            repositoryName,
            lifecycleEventPolicy: {
              lifecycleEventRules: [
                {
                  rulePriority: 1,
                  description: 'Expire untagged images older than 14 days',
                  lifecycleEventSelection: { tagStatus: 'Untagged', tagPrefixList: [], tagPatternList: [], countType: 'Since image pushed', countUnit: 'days', countNumber: 14 },
                  action: 'expire',
                },
              ],
              lastEvaluatedAt: Math.floor(t / SECOND) * 1000 - 86_400_000,
              policyVersion: 1,
            },
            lifecycleEventImageActions: [],
            lifecycleEventFailureDetails: [],
          },
        }),
      );
    }
  }
}
