import { describe, expect, it } from 'vitest';
import { ipKind, isIpAddress, parseIpv4, parseIpv6 } from './ip-kind';

describe('ipKind', () => {
  it.each([
    ['35.153.71.2', 'public', 4],
    ['10.0.0.1', 'private', 4],
    ['172.16.0.1', 'private', 4],
    ['172.31.255.255', 'private', 4],
    ['172.32.0.1', 'public', 4],
    ['192.168.1.10', 'private', 4],
    ['127.0.0.1', 'special', 4],
    ['169.254.169.254', 'special', 4],
    ['100.64.1.1', 'special', 4],
    ['198.51.100.7', 'special', 4],
    ['2600:1f18:abcd::1', 'public', 6],
    ['fd00::1', 'private', 6],
    ['fe80::1', 'special', 6],
    ['::1', 'special', 6],
    ['::', 'special', 6],
    ['2001:db8::5', 'special', 6],
    ['::ffff:10.1.2.3', 'private', 6],
    ['::ffff:8.8.8.8', 'public', 6],
    ['1:2:3:4:5:6:7:8', 'public', 6],
  ] as const)('%s is %s IPv%s', (value, kind, version) => {
    expect(ipKind(value)).toMatchObject({ kind, version });
  });

  it('names the service behind a service-made call', () => {
    expect(ipKind('ec2.amazonaws.com')).toEqual({ kind: 'aws-service', version: null, label: expect.stringContaining('AWS service'), service: 'ec2.amazonaws.com' });
  });

  it.each(['256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.4.5', 'foo', 'AWS', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', ':::', 'g::1', '::ffff:1.2.3.256', ''])('%j is not an IP address', (value) => {
    expect(ipKind(value).kind).toBe('invalid');
    expect(isIpAddress(value)).toBe(false);
  });

  it('parses the forms IPv6 is written in', () => {
    expect(parseIpv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(parseIpv6('::1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0, 0x0102, 0x0304]);
    expect(parseIpv6('64:ff9b::1.2.3.4')).toEqual([0x64, 0xff9b, 0, 0, 0, 0, 0x0102, 0x0304]);
    expect(parseIpv6('1:2:3:4:5:6:1.2.3.4')).toEqual([1, 2, 3, 4, 5, 6, 0x0102, 0x0304]);
    expect(parseIpv6('fe80::')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6('1:2:3:4:5:6:7::')).toEqual([1, 2, 3, 4, 5, 6, 7, 0]);
    expect(parseIpv4('0.0.0.0')).toEqual([0, 0, 0, 0]);
  });
});
