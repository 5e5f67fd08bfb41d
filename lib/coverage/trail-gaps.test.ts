import { describe, expect, it } from 'vitest';
import type { TrailEventRow } from './queries/trail-events';
import { trailGaps, trailIdentity } from './trail-gaps';

const ACCOUNT = '123456789012';
const ARN = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`;

let n = 0;
function event(eventName: TrailEventRow['eventName'], eventTime: string, extra: Partial<TrailEventRow> = {}): TrailEventRow {
  n++;
  return {
    eventId: `e-${n}`,
    eventTime,
    eventName,
    accountId: ACCOUNT,
    region: 'us-east-1',
    trail: 'main',
    trailArn: null,
    multiRegion: null,
    organization: null,
    actor: `arn:aws:iam::${ACCOUNT}:user/mallory`,
    ...extra,
  };
}

const END = '2026-11-20T00:00:00Z';

describe('trailIdentity', () => {
  it('a name and the ARN of the same trail are one trail', () => {
    expect(trailIdentity(ARN, '999999999999', 'eu-west-1')).toEqual({ key: `${ACCOUNT}/us-east-1/main`, name: 'main', arn: ARN, accountId: ACCOUNT, region: 'us-east-1' });
    expect(trailIdentity('main', ACCOUNT, 'us-east-1').key).toBe(`${ACCOUNT}/us-east-1/main`);
    expect(trailIdentity(null, ACCOUNT, 'us-east-1').name).toBe('unknown');
  });
});

describe('trailGaps', () => {
  it('StopLogging until StartLogging, the trail named by ARN once and by name once', () => {
    const gaps = trailGaps([event('StopLogging', '2026-11-18T09:41:23Z', { trail: ARN }), event('StartLogging', '2026-11-18T12:00:00Z')], END);
    expect(gaps).toEqual([
      expect.objectContaining({
        kind: 'logging-stopped',
        accountId: ACCOUNT,
        region: 'us-east-1',
        from: '2026-11-18T09:41:23Z',
        to: '2026-11-18T12:00:00Z',
        open: false,
        trailName: 'main',
        trailArn: ARN,
        stoppedBy: `arn:aws:iam::${ACCOUNT}:user/mallory`,
        stopEventName: 'StopLogging',
        restartEventName: 'StartLogging',
        multiRegion: null,
      }),
    ]);
  });

  it('without a restart the gap runs to the end of what was searched, and says so', () => {
    const [gap] = trailGaps([event('StopLogging', '2026-11-18T09:41:23Z')], END);
    expect(gap).toMatchObject({ to: END, open: true, restartEventId: null });
  });

  it('DeleteTrail until CreateTrail of the same name; a stop then a delete is one deleted stretch from the stop', () => {
    const deleted = trailGaps([event('DeleteTrail', '2026-11-10T00:00:00Z'), event('CreateTrail', '2026-11-11T00:00:00Z', { multiRegion: true })], END);
    expect(deleted).toEqual([expect.objectContaining({ kind: 'trail-deleted', from: '2026-11-10T00:00:00Z', to: '2026-11-11T00:00:00Z', restartEventName: 'CreateTrail' })]);
    const both = trailGaps([event('StopLogging', '2026-11-10T00:00:00Z'), event('DeleteTrail', '2026-11-10T01:00:00Z')], END);
    expect(both).toEqual([expect.objectContaining({ kind: 'trail-deleted', from: '2026-11-10T00:00:00Z', stopEventName: 'StopLogging', open: true })]);
  });

  it('a second stop while stopped changes nothing; a start without a stop is not a gap', () => {
    const gaps = trailGaps(
      [
        event('StartLogging', '2026-11-01T00:00:00Z'),
        event('StopLogging', '2026-11-02T00:00:00Z'),
        event('StopLogging', '2026-11-02T05:00:00Z'),
        event('StartLogging', '2026-11-03T00:00:00Z'),
      ],
      END,
    );
    expect(gaps.map((g) => [g.from, g.to])).toEqual([['2026-11-02T00:00:00Z', '2026-11-03T00:00:00Z']]);
  });

  it('multi-region and organisation as the latest CreateTrail or UpdateTrail before the stop says; unknown without one', () => {
    const known = trailGaps(
      [
        event('CreateTrail', '2026-10-01T00:00:00Z', { multiRegion: false, trailArn: ARN }),
        event('UpdateTrail', '2026-10-05T00:00:00Z', { multiRegion: true, organization: true }),
        event('StopLogging', '2026-11-02T00:00:00Z'),
      ],
      END,
    );
    expect(known).toEqual([expect.objectContaining({ multiRegion: true, organization: true, trailArn: ARN })]);
    expect(trailGaps([event('StopLogging', '2026-11-02T00:00:00Z')], END)[0]).toMatchObject({ multiRegion: null, organization: null, trailArn: null });
  });

  it('trails of other names, regions or accounts do not restart each other', () => {
    const gaps = trailGaps(
      [
        event('StopLogging', '2026-11-02T00:00:00Z'),
        event('StartLogging', '2026-11-02T01:00:00Z', { trail: 'other' }),
        event('StartLogging', '2026-11-02T02:00:00Z', { region: 'eu-west-1' }),
        event('StartLogging', '2026-11-02T03:00:00Z', { accountId: '210987654321' }),
      ],
      END,
    );
    expect(gaps).toEqual([expect.objectContaining({ trailName: 'main', open: true })]);
  });

  it('a stop at or after the end of what was searched is not a gap', () => {
    expect(trailGaps([event('StopLogging', END)], END)).toEqual([]);
  });
});
