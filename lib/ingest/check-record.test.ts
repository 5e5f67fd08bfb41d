import { describe, expect, it } from 'vitest';
import { checkRecord, parseEventTime } from './check-record';

const base = { eventID: 'e1', eventName: 'AssumeRole', eventSource: 'sts.amazonaws.com', eventTime: '2026-11-19T10:00:00Z' };

describe('parseEventTime', () => {
  it('normalises CloudTrail and export time formats to whole-second UTC', () => {
    expect(parseEventTime('2026-11-19T10:00:00Z')).toBe('2026-11-19T10:00:00Z');
    expect(parseEventTime('2026-11-19T10:00:00.789Z')).toBe('2026-11-19T10:00:00Z');
    expect(parseEventTime('2026-11-19 10:00:00')).toBe('2026-11-19T10:00:00Z');
    expect(parseEventTime('2026-11-19T12:00:00+02:00')).toBe('2026-11-19T10:00:00Z');
    expect(parseEventTime('redacted')).toBeNull();
    expect(parseEventTime('2026-13-45T10:00:00Z')).toBeNull();
  });

  it('refuses days that do not exist and years past 9999 instead of storing another time', () => {
    expect(parseEventTime('2026-02-30T10:00:00Z')).toBeNull();
    expect(parseEventTime('2026-02-30 10:00:00')).toBeNull();
    expect(parseEventTime('2026-04-31T10:00:00+02:00')).toBeNull();
    expect(parseEventTime('2026-01-01T24:00:00Z')).toBeNull();
    expect(parseEventTime('+275760-09-13T00:00:00Z')).toBeNull();
    expect(parseEventTime('0001-01-01T00:00:00Z')).toBeNull();
    expect(parseEventTime('2028-02-29T10:00:00Z')).toBe('2028-02-29T10:00:00Z');
  });
});

describe('checkRecord', () => {
  it('accepts a CloudTrail record', () => {
    expect(checkRecord(base)).toEqual({ ok: true, eventTime: '2026-11-19T10:00:00Z', eventId: 'e1', timeFromTimestampField: false });
  });
  it('names why a record cannot be stored', () => {
    expect(checkRecord('x')).toEqual({ ok: false, reason: 'not-an-object' });
    expect(checkRecord([base])).toEqual({ ok: false, reason: 'not-an-object' });
    expect(checkRecord({ foo: 1 })).toEqual({ ok: false, reason: 'not-cloudtrail' });
    expect(checkRecord({ ...base, eventID: undefined })).toEqual({ ok: false, reason: 'missing-event-id' });
    expect(checkRecord({ ...base, eventTime: undefined })).toEqual({ ok: false, reason: 'missing-event-time' });
    expect(checkRecord({ ...base, eventTime: '...' })).toEqual({ ok: false, reason: 'invalid-event-time' });
  });
  it('falls back to the Logstash @timestamp when eventTime is missing', () => {
    const r = checkRecord({ ...base, eventTime: undefined, '@timestamp': '2020-09-14T00:44:23.000Z' });
    expect(r).toEqual({ ok: true, eventTime: '2020-09-14T00:44:23Z', eventId: 'e1', timeFromTimestampField: true });
  });
});
