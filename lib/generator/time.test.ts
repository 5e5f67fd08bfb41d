import { describe, expect, it } from 'vitest';
import { credentialExpiration, datePath, deliveryStamp, isoSeconds } from './time';

describe('time formats', () => {
  const t = Date.parse('2026-11-18T15:04:05Z');

  it('formats eventTime without fractions', () => {
    expect(isoSeconds(t)).toBe('2026-11-18T15:04:05Z');
    expect(isoSeconds(Date.parse('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00Z');
    expect(isoSeconds(Date.parse('2026-12-31T23:59:59Z'))).toBe('2026-12-31T23:59:59Z');
  });

  it('agrees with toISOString over many instants', () => {
    for (let ms = Date.parse('2026-09-01T00:00:00Z'); ms < Date.parse('2026-09-03T00:00:00Z'); ms += 7919_000) {
      expect(isoSeconds(ms)).toBe(new Date(ms).toISOString().slice(0, 19) + 'Z');
    }
  });

  it('formats credential expiry as STS does', () => {
    expect(credentialExpiration(t)).toBe('Nov 18, 2026, 3:04:05 PM');
    expect(credentialExpiration(Date.parse('2026-11-18T00:30:00Z'))).toBe('Nov 18, 2026, 12:30:00 AM');
    expect(credentialExpiration(Date.parse('2026-11-18T12:00:00Z'))).toBe('Nov 18, 2026, 12:00:00 PM');
  });

  it('formats the log file stamp and folder', () => {
    expect(deliveryStamp(t)).toBe('20261118T1504Z');
    expect(datePath(t)).toBe('2026/11/18');
  });
});
