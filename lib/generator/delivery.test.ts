import { describe, expect, it } from 'vitest';
import { DeliveryWindows, logFileBody, logFileKey, MAX_DELIVERY_LAG } from './delivery';
import { MINUTE, SECOND } from './time';

describe('delivery', () => {
  it('names files in the CloudTrail S3 layout', () => {
    expect(logFileKey('123456789012', 'us-east-1', Date.parse('2026-11-18T00:03:10Z'), 'AbCdEfGhIjKlMnOp')).toBe(
      'AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/18/123456789012_CloudTrail_us-east-1_20261118T0003Z_AbCdEfGhIjKlMnOp.json.gz',
    );
  });

  it('wraps records the way CloudTrail does', () => {
    expect(JSON.parse(logFileBody(['{"a":1}', '{"b":2}']))).toEqual({ Records: [{ a: 1 }, { b: 2 }] });
  });

  it('cuts each account+region stream into 5–15 minute windows delivered a few minutes later', () => {
    const start = Date.parse('2026-11-18T00:00:00Z');
    const d = new DeliveryWindows('t', start);
    const files = [];
    for (let t = start; t < start + 6 * 60 * MINUTE; t += 20 * SECOND) {
      const f = d.add(t, '123456789012', 'us-east-1', `{"t":${t}}`);
      if (f) files.push(f);
    }
    files.push(...d.closeAll());
    expect(files.length).toBeGreaterThanOrEqual(24);
    expect(files.length).toBeLessThanOrEqual(72);
    expect(files.reduce((n, f) => n + f.records.length, 0)).toBe(6 * 180);
    for (const f of files) {
      const times = f.records.map((r) => (JSON.parse(r) as { t: number }).t);
      const last = Math.max(...times);
      const first = Math.min(...times);
      expect(last - first).toBeLessThan(15 * MINUTE);
      expect(f.deliveredAt).toBeGreaterThan(last);
      expect(f.deliveredAt - last).toBeLessThanOrEqual(MAX_DELIVERY_LAG);
    }
  });

  it('keeps streams apart', () => {
    const start = Date.parse('2026-11-18T00:00:00Z');
    const d = new DeliveryWindows('t', start);
    d.add(start, '111122223333', 'us-east-1', '{}');
    d.add(start, '111122223333', 'eu-west-1', '{}');
    d.add(start, '123456789012', 'us-east-1', '{}');
    const files = d.closeAll();
    expect(files.map((f) => `${f.accountId}/${f.region}`).sort()).toEqual([
      '111122223333/eu-west-1',
      '111122223333/us-east-1',
      '123456789012/us-east-1',
    ]);
  });
});
