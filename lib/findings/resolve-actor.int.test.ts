import { describe, expect, it } from 'vitest';
import { runDetections } from '@/lib/detections/run';
import { SARA } from '@/lib/generator/scenarios';
import { getSessionTimeline } from '@/lib/timeline/get-timeline';
import { scenarioConnection } from '@/test/fixtures/scenario-store';
import { investigationScope, resolveFindingActor } from './resolve-actor';
import type { Finding } from './types';

const connection = scenarioConnection();
const DAY = { from: '2026-11-18T00:00:00Z', to: '2026-11-19T00:00:00Z' };
const ssoSession = `${SARA.ssoRole.roleId}:sara`;

async function loggingDisabled(): Promise<Finding> {
  const run = await runDetections(connection(), DAY, undefined, { rules: ['cloudtrail-logging-stopped'], storeFirstEvent: '2026-09-11T00:00:00Z' });
  const f = run.findings.find((x) => x.type === 'Trailscope:CloudTrail/LoggingDisabled');
  if (!f) throw new Error('no logging-disabled finding');
  return f;
}

describe('a finding resolved to the person behind it', () => {
  it('the sara scenario: StopLogging on demo-trail-2 by her Identity Center session, assumed by sara', async () => {
    const f = await loggingDisabled();
    const actor = await resolveFindingActor(connection(), f, '2026-09-11T00:00:00Z');
    expect(actor.sessionId).toBe(ssoSession);
    expect(actor.sentence).toBe(`StopLogging on demo-trail-2 by role session ${SARA.ssoRole.name}:sara, assumed by sara via IAM Identity Center`);
    expect(actor.chain?.origin).toMatchObject({ type: 'sso-user', name: 'sara' });
    // Investigate opens the session on the finding's hours.
    expect(investigationScope(f)).toEqual({ from: '2026-11-18T09:00:00Z', to: '2026-11-18T10:00:00Z' });
  });

  it('a GuardDuty-style finding that names only the access key resolves to the same session', async () => {
    const f = await loggingDisabled();
    const keyOnly: Finding = { ...f, id: 'gd-test', source: 'guardduty', actor: { ...f.actor, sessionId: null, principalId: null, arn: null }, evidenceEventIds: [] };
    expect(keyOnly.actor.accessKeyId).toMatch(/^ASIA/);
    const actor = await resolveFindingActor(connection(), keyOnly, '2026-09-11T00:00:00Z');
    expect(actor.sessionId).toBe(ssoSession);
    expect(actor.panel?.rows).toHaveLength(1);
    expect(actor.sentence).toContain('assumed by sara via IAM Identity Center');
  });

  it('the session’s timeline reads: signed in, StopLogging (the finding), then assumed DemoRole1', async () => {
    const f = await loggingDisabled();
    const scope = investigationScope(f);
    const t = await getSessionTimeline(connection(), ssoSession, scope, [
      { kind: 'finding', at: f.firstSeen, findingId: f.id, title: f.title, severityLabel: f.severityLabel, eventIds: f.evidenceEventIds },
    ]);
    const calls = t.minutes.flatMap((m) => m.events);
    const stop = calls.findIndex((e) => e.eventName === 'StopLogging');
    const assume = calls.findIndex((e) => e.marks.some((m) => m.kind === 'assumed' && m.roleArn === SARA.demoRole.arn));
    expect(stop).toBeGreaterThanOrEqual(0);
    expect(calls[stop]?.marks.map((m) => m.kind)).toEqual(['finding']);
    expect(assume).toBeGreaterThan(stop);
    expect(t.truncated).toBe(false);
  });
});
