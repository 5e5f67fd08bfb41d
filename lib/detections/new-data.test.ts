import { describe, expect, it } from 'vitest';
import type { Segment } from '@/lib/event-store/manifest';
import { MAX_RUN_SCOPE_MS, runScopes, scopesForNewSegments, windowSinceCursor } from './new-data';

const seg = (minTime: string, maxTime: string, createdAt: string): Segment => ({ file: `${minTime}.parquet`, rows: 10, minTime, maxTime, createdAt });
const ms = (iso: string) => Date.parse(iso);

describe('scopesForNewSegments', () => {
  const segments = [
    seg('2026-11-01T00:10:00Z', '2026-11-01T05:00:00Z', '2026-11-02T00:00:00.000Z'),
    seg('2026-11-01T04:00:00Z', '2026-11-01T09:30:00Z', '2026-11-03T00:00:00.000Z'),
    seg('2026-11-20T10:00:00Z', '2026-11-20T10:20:00Z', '2026-11-21T00:00:00.000Z'),
  ];

  it('covers every segment on a first run, widened to the hour, far-apart ranges apart', () => {
    const r = scopesForNewSegments(segments, null);
    expect(r.scopes).toEqual([
      { from: '2026-11-01T00:00:00Z', to: '2026-11-01T10:00:00Z' },
      { from: '2026-11-20T10:00:00Z', to: '2026-11-20T11:00:00Z' },
    ]);
    expect(r).toMatchObject({ segments: 3, ingestedThrough: '2026-11-21T00:00:00.000Z' });
  });

  it('takes only segments ingested after the cursor', () => {
    const r = scopesForNewSegments(segments, '2026-11-02T00:00:00.000Z');
    expect(r.segments).toBe(2);
    expect(r.scopes[0]).toEqual({ from: '2026-11-01T04:00:00Z', to: '2026-11-01T10:00:00Z' });
  });

  it('says nothing is new, and leaves the cursor to the caller, when nothing is', () => {
    expect(scopesForNewSegments(segments, '2026-11-21T00:00:00.000Z')).toEqual({ scopes: [], segments: 0, ingestedThrough: null });
  });

  it('judges a merged segment by what arrived in it, not by when it was merged', () => {
    const merged: Segment = {
      ...seg('2026-11-01T00:00:00Z', '2026-11-05T00:00:00Z', '2026-11-10T00:00:00.000Z'),
      arrivals: [
        { minTime: '2026-11-01T00:00:00Z', maxTime: '2026-11-02T00:00:00Z', createdAt: '2026-11-02T00:00:00.000Z' },
        { minTime: '2026-11-04T00:00:00Z', maxTime: '2026-11-05T00:00:00Z', createdAt: '2026-11-05T00:00:00.000Z' },
      ],
    };
    expect(scopesForNewSegments([merged], '2026-11-03T00:00:00.000Z')).toEqual({
      scopes: [{ from: '2026-11-04T00:00:00Z', to: '2026-11-05T01:00:00Z' }],
      segments: 1,
      ingestedThrough: '2026-11-05T00:00:00.000Z',
    });
    expect(scopesForNewSegments([merged], '2026-11-05T00:00:00.000Z').scopes).toEqual([]);
  });

  it('merges ranges less than a day apart: one run, not many', () => {
    const close = [seg('2026-11-01T00:00:00Z', '2026-11-01T01:00:00Z', 'a'), seg('2026-11-01T20:00:00Z', '2026-11-01T21:00:00Z', 'b')];
    expect(scopesForNewSegments(close, null).scopes).toEqual([{ from: '2026-11-01T00:00:00Z', to: '2026-11-01T22:00:00Z' }]);
  });
});

describe('runScopes', () => {
  it('cuts long windows into runs of at most 31 days that meet exactly', () => {
    const scopes = runScopes(ms('2026-01-01T00:00:00Z'), ms('2026-04-01T00:00:00Z'));
    expect(scopes.length).toBe(3);
    expect(scopes.every((s) => ms(s.to) - ms(s.from) <= MAX_RUN_SCOPE_MS)).toBe(true);
    expect(scopes.slice(1).every((s, i) => s.from === scopes[i]!.to)).toBe(true);
    expect(scopes.at(-1)!.to).toBe('2026-04-01T00:00:00Z');
  });

  it('gives an instant an hour', () => {
    expect(runScopes(ms('2026-01-01T05:00:00Z'), ms('2026-01-01T05:00:00Z'))).toEqual([{ from: '2026-01-01T05:00:00Z', to: '2026-01-01T06:00:00Z' }]);
  });
});

describe('windowSinceCursor', () => {
  const until = ms('2026-11-20T12:00:00Z');
  it('starts a first run a day back', () => {
    expect(windowSinceCursor({ eventsThrough: null, until, overlapMs: 0 })).toEqual({ from: until - 86_400_000, to: until });
  });
  it('starts again before the cursor by the overlap', () => {
    expect(windowSinceCursor({ eventsThrough: '2026-11-20T11:00:00Z', until, overlapMs: 7_200_000 })?.from).toBe(ms('2026-11-20T09:00:00Z'));
  });
  it('lets --since override the cursor, and has nothing to do when since is not before until', () => {
    expect(windowSinceCursor({ eventsThrough: '2026-11-20T11:00:00Z', since: '2026-11-01T00:00:00Z', until, overlapMs: 0 })?.from).toBe(ms('2026-11-01T00:00:00Z'));
    expect(windowSinceCursor({ eventsThrough: null, since: '2026-11-20T12:00:00Z', until, overlapMs: 0 })).toBeNull();
  });
});
