import { describe, expect, it } from 'vitest';
import { isInstantInRange, isoUtc, parseIsoInstant, parseIsoUtc } from './time';

describe('parseIsoUtc', () => {
  it('reads ISO-8601 UTC instants, with or without seconds and fraction', () => {
    expect(parseIsoUtc('2026-11-20T00:00:00Z')).toBe(Date.UTC(2026, 10, 20));
    expect(parseIsoUtc('2026-11-20T10:05Z')).toBe(Date.UTC(2026, 10, 20, 10, 5));
    expect(parseIsoUtc('2026-11-20T10:05:07.250Z')).toBe(Date.UTC(2026, 10, 20, 10, 5, 7, 250));
    expect(parseIsoUtc('2026-11-20T10:05:07.123456789Z')).toBe(Date.UTC(2026, 10, 20, 10, 5, 7, 123));
    expect(parseIsoUtc('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29));
  });

  it('refuses calendar dates and times that do not exist instead of rolling them over', () => {
    for (const impossible of ['2026-02-30T00:00:00Z', '2026-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-01-00T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T10:60:00Z', '2026-01-01T10:00:60Z', '2100-02-29T00:00:00Z']) {
      expect(parseIsoUtc(impossible), impossible).toBeNull();
    }
  });

  it('refuses other shapes', () => {
    for (const other of ['2026-11-20', '2026-11-20T00:00:00', '2026-11-20T00:00:00+01:00', '+010000-01-01T00:00:00Z', 'yesterday', '']) {
      expect(parseIsoUtc(other), other).toBeNull();
    }
  });
});

describe('parseIsoInstant', () => {
  it('reads Z and ±hh:mm offsets, checking the local day and time', () => {
    expect(parseIsoInstant('2026-11-19T12:00:00+02:00')).toBe(Date.UTC(2026, 10, 19, 10));
    expect(parseIsoInstant('2026-11-19T00:30:00-0130')).toBe(Date.UTC(2026, 10, 19, 2));
    expect(parseIsoInstant('2026-11-19T10:00:00.5Z')).toBe(Date.UTC(2026, 10, 19, 10, 0, 0, 500));
    expect(parseIsoInstant('2026-02-30T12:00:00+02:00')).toBeNull();
    expect(parseIsoInstant('2026-02-28T12:00:00+24:00')).toBeNull();
    expect(parseIsoInstant('2026-02-28T12:00:00')).toBeNull();
  });
});

describe('isInstantInRange', () => {
  it('accepts 1970-01-01 to the end of 9999, so derived instants keep a four-digit year', () => {
    expect(isInstantInRange(Date.UTC(1970, 0, 1))).toBe(true);
    expect(isInstantInRange(Date.UTC(9999, 11, 31, 23, 59, 59))).toBe(true);
    expect(isInstantInRange(Date.UTC(1969, 11, 31, 23, 59, 59))).toBe(false);
    expect(isInstantInRange(Date.UTC(10000, 0, 1))).toBe(false);
    expect(isInstantInRange(Number.NaN)).toBe(false);
    expect(isInstantInRange(1e20)).toBe(false);
  });

  it('isoUtc writes whole seconds without a fraction', () => {
    expect(isoUtc(Date.UTC(2026, 10, 20))).toBe('2026-11-20T00:00:00Z');
  });
});
