import { describe, expect, it } from 'vitest';
import { formatBytes, formatPercent, formatTime, formatUsd, shortTime, splitArn } from './format';

describe('format', () => {
  it('splits ARNs into the readable part and the account', () => {
    expect(splitArn('arn:aws:sts::123456789012:assumed-role/DemoRole1/sara')).toEqual({ account: '123456789012', resource: 'assumed-role/DemoRole1/sara' });
    expect(splitArn('arn:aws:s3:::my-bucket')).toEqual({ account: null, resource: 'my-bucket' });
    expect(splitArn('ec2.amazonaws.com')).toEqual({ account: null, resource: 'ec2.amazonaws.com' });
  });
  it('formats sizes, money and times for people', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(null)).toBe('n/a');
    expect(formatUsd(0.00005)).toBe('$0.00005');
    expect(formatTime('2026-11-19T10:00:00Z')).toBe('2026-11-19 10:00:00 UTC');
    expect(shortTime('2026-11-19T10:00:00.123Z')).toBe('2026-11-19 10:00:00');
    expect(shortTime(null)).toBe('—');
    expect(formatPercent(0.256)).toBe('26%');
  });
});

describe('formatBytes', () => {
  it('writes sizes and limits without a needless ".0", in the unit that reads best', () => {
    expect(formatBytes(256 * 1024)).toBe('256 KB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(512)).toBe('512 B');
  });
});
