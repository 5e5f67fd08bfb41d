import { describe, expect, it } from 'vitest';
import { coverageCells, coverageWindows, deliveryGaps, gapCovers, gapSentence, hourSpans, scopeDays, trailCoverageGap, withoutExplainedSilences, type CoverageGap } from './coverage';
import { cellEventsHref, gapEventHref, gapEventsHref } from './params';
import type { CoverageCountRow } from './queries/coverage-counts';
import type { TrailGap } from './trail-gaps';

const range = { first: '2026-09-11T00:02:43Z', last: '2026-11-19T23:51:04Z' };

describe('coverageWindows', () => {
  const scope = { from: '2026-11-01T10:30:00Z', to: '2026-11-03T00:00:00Z' };

  it('embedded store: the scope on whole hours ± 7 days; trails over all the data', () => {
    expect(coverageWindows(scope, range, 'embedded-store')).toEqual({
      hours: { from: '2026-10-25T10:00:00Z', to: '2026-11-10T00:00:00Z' },
      days: { from: '2026-11-01T10:00:00Z', to: '2026-11-03T00:00:00Z' },
      trail: { from: '2026-09-11T00:00:00Z', to: '2026-11-20T00:00:00Z' },
    });
  });

  it('over S3: the scope on whole hours only (each day more is read and billed); trails 7 days before it', () => {
    expect(coverageWindows(scope, range, 'table-over-s3')).toEqual({
      hours: { from: '2026-11-01T10:00:00Z', to: '2026-11-03T00:00:00Z' },
      days: { from: '2026-11-01T10:00:00Z', to: '2026-11-03T00:00:00Z' },
      trail: { from: '2026-10-25T10:00:00Z', to: '2026-11-03T00:00:00Z' },
    });
  });

  it('never beyond the data: a silence running to its end is at an edge', () => {
    const late = { from: '2026-11-18T00:00:00Z', to: '2026-11-21T00:00:00Z' };
    expect(coverageWindows(late, range, 'embedded-store')?.hours).toEqual({ from: '2026-11-11T00:00:00Z', to: '2026-11-20T00:00:00Z' });
    expect(coverageWindows(late, range, 'embedded-store')?.days).toEqual({ from: '2026-11-18T00:00:00Z', to: '2026-11-20T00:00:00Z' });
    // A scope just past the data: the week before it is still examined, no day is counted.
    expect(coverageWindows({ from: '2026-11-21T00:00:00Z', to: '2026-11-22T00:00:00Z' }, range, 'embedded-store')?.days).toBeNull();
    expect(coverageWindows({ from: '2027-01-01T00:00:00Z', to: '2027-01-02T00:00:00Z' }, range, 'table-over-s3')).toBeNull();
    expect(coverageWindows(scope, { first: null, last: null }, 'embedded-store')).toBeNull();
  });
});

describe('scopeDays', () => {
  it('the UTC days a scope touches, an end at midnight excluded', () => {
    expect(scopeDays({ from: '2026-11-01T10:30:00Z', to: '2026-11-03T00:00:00Z' })).toEqual(['2026-11-01', '2026-11-02']);
    expect(scopeDays({ from: '2026-11-01T23:00:00Z', to: '2026-11-02T00:00:01Z' })).toEqual(['2026-11-01', '2026-11-02']);
  });
});

const hourRow = (accountId: string, region: string, at: string, events: number): CoverageCountRow => ({ accountId, region, grain: 'hour', at, events, files: null });

describe('deliveryGaps', () => {
  it('turns an improbable silence into a gap with its times and the figures behind it', () => {
    const window = { from: '2026-11-01T00:00:00Z', to: '2026-11-04T00:00:00Z' };
    const rows: CoverageCountRow[] = [];
    for (let h = 0; h < 72; h++) {
      if (h >= 30 && h < 36) continue;
      rows.push(hourRow('123456789012', 'us-east-1', new Date(Date.parse(window.from) + h * 3_600_000).toISOString().replace('.000Z', 'Z'), 20));
    }
    // A quiet stream beside it: one event every 5 hours is never judged.
    for (let h = 0; h < 72; h += 5) rows.push(hourRow('123456789012', 'eu-west-1', new Date(Date.parse(window.from) + h * 3_600_000).toISOString().replace('.000Z', 'Z'), 1));
    const gaps = deliveryGaps(rows, window);
    expect(gaps).toEqual([
      expect.objectContaining({
        kind: 'no-delivery',
        accountId: '123456789012',
        region: 'us-east-1',
        from: '2026-11-02T06:00:00Z',
        to: '2026-11-02T12:00:00Z',
        hours: 6,
        ratePerHour: 20,
        expectedEvents: 120,
        longestOtherSilenceHours: 0,
        eventIds: [],
      }),
    ]);
    expect(gaps[0]?.reason).toMatch(/^No events for 6 hours where the 12 hours on each side averaged 20 an hour: that rate expects 120/);
  });
});

const trail = (extra: Partial<TrailGap> = {}): TrailGap => ({
  kind: 'logging-stopped',
  accountId: '123456789012',
  region: 'us-east-1',
  from: '2026-11-18T09:41:23Z',
  to: '2026-11-20T00:00:00Z',
  open: true,
  trailName: 'demo-trail-2',
  trailArn: null,
  stoppedBy: 'arn:aws:sts::123456789012:assumed-role/Admin/sara',
  stopEventId: 'stop-1',
  stopEventName: 'StopLogging',
  restartEventId: null,
  restartEventName: null,
  multiRegion: null,
  organization: null,
  ...extra,
});

describe('trailCoverageGap', () => {
  it('says who stopped it, that no restart is in the data, and that its reach is unknown', () => {
    const gap = trailCoverageGap(trail(), '2026-09-11T00:00:00Z');
    expect(gap.reason).toBe(
      'Trail demo-trail-2 was stopped (StopLogging) by arn:aws:sts::123456789012:assumed-role/Admin/sara at 2026-11-18 09:41:23 UTC; ' +
        'the data shows no StartLogging for it up to 2026-11-20 00:00:00 UTC. Whether it logs every region is not in the data searched ' +
        '(no CreateTrail or UpdateTrail for it since 2026-09-11 00:00:00 UTC): at least its home region us-east-1 lost its events. ' +
        'Events seen in this time came through another trail.',
    );
    expect(gap).toMatchObject({ kind: 'logging-stopped', open: true, eventIds: ['stop-1'], trailName: 'demo-trail-2' });
  });

  it('a restarted multi-region trail: every region lost it, and the restart is named', () => {
    const gap = trailCoverageGap(trail({ open: false, to: '2026-11-18T12:00:00Z', restartEventId: 'start-1', restartEventName: 'StartLogging', multiRegion: true }), '2026-09-11T00:00:00Z');
    expect(gap.reason).toContain('StartLogging restarted it at 2026-11-18 12:00:00 UTC');
    expect(gap.reason).toContain('It is a multi-region trail (its CreateTrail or UpdateTrail says so): it logs every region of account 123456789012');
    expect(gap.eventIds).toEqual(['stop-1', 'start-1']);
  });

  it('a deleted trail', () => {
    const gap = trailCoverageGap(trail({ kind: 'trail-deleted', stopEventName: 'DeleteTrail', multiRegion: false }), '2026-09-11T00:00:00Z');
    expect(gap.reason).toMatch(/^Trail demo-trail-2 was deleted \(DeleteTrail\) by .*; the data shows no CreateTrail for it up to .* It logs us-east-1 only/);
  });
});

describe('gapCovers', () => {
  const stopped = trailCoverageGap(trail({ multiRegion: true }), '2026-09-11T00:00:00Z');
  const silence: CoverageGap = { ...stopped, kind: 'no-delivery', multiRegion: null };
  it('a multi-region trail covers every region of its account; a silence only its own', () => {
    expect(gapCovers(stopped, { accountId: '123456789012', region: 'eu-west-1' })).toBe(true);
    expect(gapCovers(stopped, { accountId: '210987654321', region: 'us-east-1' })).toBe(false);
    expect(gapCovers(silence, { accountId: '123456789012', region: 'eu-west-1' })).toBe(false);
    expect(gapCovers(silence, { accountId: '123456789012' })).toBe(true);
    expect(gapCovers(silence, {})).toBe(true);
  });
});

describe('coverageCells', () => {
  it('every account × region seen, every day of the scope, zeros included, gap days marked', () => {
    const rows: CoverageCountRow[] = [
      { accountId: '123456789012', region: 'us-east-1', grain: 'day', at: '2026-11-01T00:00:00Z', events: 10, files: 3 },
      { accountId: '123456789012', region: 'us-east-1', grain: 'hour', at: '2026-11-01T05:00:00Z', events: 10, files: null },
      // Seen only in the margin: a row of empty cells.
      { accountId: '210987654321', region: 'eu-west-1', grain: 'day', at: '2026-10-28T00:00:00Z', events: 4, files: 1 },
    ];
    const gap = trailCoverageGap(trail({ from: '2026-11-02T10:00:00Z', to: '2026-11-02T12:00:00Z', open: false }), '2026-09-11T00:00:00Z');
    const { streams, cells } = coverageCells(rows, [gap], { from: '2026-11-01T00:00:00Z', to: '2026-11-03T00:00:00Z' });
    expect(streams).toEqual([
      { accountId: '123456789012', region: 'us-east-1' },
      { accountId: '210987654321', region: 'eu-west-1' },
    ]);
    expect(cells).toEqual([
      { accountId: '123456789012', region: 'us-east-1', day: '2026-11-01', events: 10, files: 3, gap: false },
      { accountId: '123456789012', region: 'us-east-1', day: '2026-11-02', events: 0, files: 0, gap: true },
      { accountId: '210987654321', region: 'eu-west-1', day: '2026-11-01', events: 0, files: 0, gap: false },
      { accountId: '210987654321', region: 'eu-west-1', day: '2026-11-02', events: 0, files: 0, gap: false },
    ]);
  });

  it('without day rows (files not counted) the days sum the hours and files are null', () => {
    const rows = [hourRow('123456789012', 'us-east-1', '2026-11-01T05:00:00Z', 7), hourRow('123456789012', 'us-east-1', '2026-11-01T06:00:00Z', 5)];
    const { cells } = coverageCells(rows, [], { from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' });
    expect(cells).toEqual([{ accountId: '123456789012', region: 'us-east-1', day: '2026-11-01', events: 12, files: null, gap: false }]);
  });
});

describe('drill-down links', () => {
  it('a cell opens its account, region and UTC day in the event search', () => {
    expect(cellEventsHref({ accountId: '123456789012', region: 'us-east-1', day: '2026-11-01' })).toBe(
      '/events?from=2026-11-01T00%3A00%3A00Z&to=2026-11-02T00%3A00%3A00Z&account=123456789012&region=us-east-1',
    );
  });

  it('a gap opens the hour around it; an account or region the search would refuse is left out', () => {
    expect(gapEventsHref({ accountId: 'anonymised', region: 'us-east-1', from: '2026-11-02T06:00:00Z', to: '2026-11-02T12:00:00Z' })).toBe(
      '/events?from=2026-11-02T05%3A00%3A00Z&to=2026-11-02T13%3A00%3A00Z&region=us-east-1',
    );
    expect(gapEventHref({ from: '2026-11-18T09:41:23Z', to: '2026-11-20T00:00:00Z' }, 'stop-1', 'from')).toBe(
      '/events?from=2026-11-18T08%3A00%3A00Z&to=2026-11-18T11%3A00%3A00Z&eventId=stop-1',
    );
  });
});

describe('gapSentence', () => {
  it('says where and when the logs are silent, and that the silence proves nothing', () => {
    const base = { kind: 'no-delivery' as const, accountId: '123456789012', region: 'us-east-1', from: '2026-11-12T10:00:00Z', to: '2026-11-12T16:00:00Z', multiRegion: null, open: false };
    expect(gapSentence(base)).toBe(
      'No logs from account 123456789012 in region us-east-1 between 2026-11-12 10:00:00 UTC and 2026-11-12 16:00:00 UTC: the absence of events there is not evidence.',
    );
    expect(gapSentence({ ...base, kind: 'logging-stopped', multiRegion: true, open: true })).toBe(
      'No logs from account 123456789012 in any region between 2026-11-12 10:00:00 UTC and 2026-11-12 16:00:00 UTC (at least): the absence of events there is not evidence.',
    );
  });
});

describe('withoutExplainedSilences', () => {
  it('drops a silence inside the stop of a trail covering its account and region; keeps the others', () => {
    const stop = trailCoverageGap(trail({ from: '2026-11-16T17:12:07Z', to: '2026-11-16T20:51:44Z', open: false }), '2026-09-11T00:00:00Z');
    const silence = (region: string, from: string, to: string): CoverageGap => ({ ...stop, kind: 'no-delivery', region, from, to, multiRegion: null });
    const inside = silence('us-east-1', '2026-11-16T18:00:00Z', '2026-11-16T20:00:00Z');
    const longer = silence('us-east-1', '2026-11-16T16:00:00Z', '2026-11-16T20:00:00Z');
    const elsewhere = silence('eu-west-1', '2026-11-16T18:00:00Z', '2026-11-16T20:00:00Z');
    expect(withoutExplainedSilences([inside, longer, elsewhere, stop])).toEqual([longer, elsewhere, stop]);
    const everyRegion = { ...stop, multiRegion: true };
    expect(withoutExplainedSilences([elsewhere, everyRegion])).toEqual([everyRegion]);
  });
});

describe('hourSpans', () => {
  it('merges consecutive hours into one window', () => {
    expect(hourSpans(['2026-11-18T09:00:00Z', '2026-11-18T10:00:00Z', '2026-11-19T22:00:00Z'])).toEqual([
      { from: '2026-11-18T09:00:00Z', to: '2026-11-18T11:00:00Z' },
      { from: '2026-11-19T22:00:00Z', to: '2026-11-19T23:00:00Z' },
    ]);
    expect(hourSpans([])).toEqual([]);
  });
});
