import { describe, expect, it } from 'vitest';
import { analyseNewBehavior, sourceValues } from './analyse';
import type { BehaviorCountRow } from './behavior-counts';
import { baselineWindow } from './coverage';
import { fakeEnricher } from './test-enricher';

const scope = { from: '2026-11-18T08:00:00Z', to: '2026-11-18T11:00:00Z' };
const window = { ...baselineWindow(scope.from, 45), scope };

const row = (kind: BehaviorCountRow['kind'], value: string | null, baselineCalls: number, scopeSuccess: number, service: string | null = null): BehaviorCountRow => ({
  kind,
  value,
  service,
  baselineCalls,
  scopeSuccess,
  scopeFailed: 0,
  scopeFirst: scopeSuccess > 0 ? '2026-11-18T09:00:00Z' : null,
  baselineLast: baselineCalls > 0 ? '2026-11-10T00:00:00Z' : null,
  firstSeen: baselineCalls > 0 ? '2026-10-04T09:00:00Z' : '2026-11-18T09:00:00Z',
});

async function analyse(rows: BehaviorCountRow[]) {
  const infos = await fakeEnricher().enrich(sourceValues(rows));
  return analyseNewBehavior(rows, infos, window, '2026-09-10T00:00:00Z');
}

describe('analyseNewBehavior', () => {
  it('puts each new thing in its panel', async () => {
    const r = await analyse([
      row('ip', '98.80.15.122', 20, 0),
      row('ip', '5.12.4.71', 0, 3),
      row('user-agent', 'aws-cli/2.22.35 md/command#ec2.describe-instances', 20, 2),
      row('user-agent', 'Boto3/1.35.36 md/Botocore#1.35.36', 0, 1),
      row('api', 'DescribeInstances', 20, 2, 'ec2.amazonaws.com'),
      row('api', 'StopLogging', 0, 1, 'cloudtrail.amazonaws.com'),
      row('all', null, 20, 3),
    ]);
    expect(r.baseline).toMatchObject({ shortened: false, coverageStart: window.from });
    expect(r.newGeolocations.map((l) => l.location.countryCode)).toEqual(['RO']);
    expect(r.newUserAgents.map((f) => [f.family, f.familyNew])).toEqual([['boto3', true]]);
    expect(r.newApiCalls.map((c) => c.eventName)).toEqual(['StopLogging']);
    expect(r.increasedVolume).toEqual([]);
  });

  it('with no baseline calls, nothing is new and the reason says why', async () => {
    const r = await analyse([row('ip', '5.12.4.71', 0, 3), row('api', 'StopLogging', 0, 1, 'cloudtrail.amazonaws.com'), row('user-agent', 'x', 0, 3), row('all', null, 0, 3)]);
    expect(r.baseline.reason).toBe('no-history');
    expect(r.baseline.message).toMatch(/no calls in the baseline/);
    expect([r.newGeolocations, r.newAsns, r.newUserAgents, r.newApiCalls, r.increasedVolume]).toEqual([[], [], [], [], []]);
  });

  it('asks the enricher only for IP values', () => {
    expect(sourceValues([row('ip', '1.2.3.4', 1, 0), row('user-agent', 'x', 1, 0), row('api', 'A', 1, 0, 's'), row('all', null, 1, 0)])).toEqual(['1.2.3.4']);
  });
});
