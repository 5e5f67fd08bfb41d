import { describe, expect, it } from 'vitest';
import { classifySource } from './classify-source';
import { parseIpv6 } from './ip-address';
import type { SourceKind } from './types';

const TABLE: readonly [value: string, kind: SourceKind, range?: string][] = [
  // Anonymised CloudTrail data: a leading zero makes it not an address.
  ['253.252.51.07', 'invalid'],
  ['01.2.3.4', 'invalid'],
  ['0.0.0.0', 'invalid', 'this network (RFC 1122)'],
  ['255.255.255.255', 'invalid', 'reserved'],
  ['224.0.0.1', 'invalid', 'multicast'],
  ['256.1.1.1', 'invalid'],
  ['1.2.3', 'invalid'],
  ['1.2.3.4.5', 'invalid'],
  [' 1.2.3.4', 'invalid'],
  ['1.2.3.4 ', 'invalid'],
  ['8.8.8.8', 'public-ip'],
  ['24.16.42.87', 'public-ip'],
  ['10.1.2.3', 'private-ip', 'private (RFC 1918)'],
  ['172.16.0.1', 'private-ip', 'private (RFC 1918)'],
  ['172.31.255.255', 'private-ip', 'private (RFC 1918)'],
  ['172.32.0.1', 'public-ip'],
  ['192.168.0.1', 'private-ip', 'private (RFC 1918)'],
  ['100.64.0.1', 'private-ip', 'carrier-grade NAT (RFC 6598)'],
  ['100.127.255.255', 'private-ip', 'carrier-grade NAT (RFC 6598)'],
  ['100.128.0.1', 'public-ip'],
  ['127.0.0.1', 'private-ip', 'loopback'],
  ['169.254.169.254', 'private-ip', 'link-local'],
  ['198.18.0.1', 'private-ip', 'benchmarking (RFC 2544)'],
  ['192.0.2.10', 'public-ip', 'documentation (RFC 5737)'],
  ['203.0.113.7', 'public-ip', 'documentation (RFC 5737)'],
  ['::1', 'private-ip', 'loopback'],
  ['::', 'invalid', 'unspecified'],
  ['2001:db8::1', 'public-ip', 'documentation (RFC 3849)'],
  ['2001:4860:4860::8888', 'public-ip'],
  ['2600:1f18:abcd:1200:0:0:0:1', 'public-ip'],
  ['2600:1F18:ABCD:1200::1', 'public-ip'],
  ['fd12:3456:789a::1', 'private-ip', 'unique local (RFC 4193)'],
  ['fe80::1', 'private-ip', 'link-local'],
  ['ff02::1', 'invalid', 'multicast'],
  ['::ffff:10.0.0.1', 'private-ip', 'private (RFC 1918)'],
  ['::ffff:8.8.8.8', 'public-ip'],
  ['fe80::1%eth0', 'invalid'],
  ['[2001:db8::1]', 'invalid'],
  ['2001:db8::1::2', 'invalid'],
  ['2001:db8:0:0:0:0:0:0:1', 'invalid'],
  ['1:2:3:4:5:6:7::8', 'invalid'],
  ['12345::1', 'invalid'],
  [':::', 'invalid'],
  ['ec2.amazonaws.com', 'aws-service'],
  ['elasticloadbalancing.amazonaws.com', 'aws-service'],
  ['resource-explorer-2.amazonaws.com', 'aws-service'],
  ['ec2.amazonaws.com.cn', 'aws-service'],
  ['amazonaws.com', 'invalid'],
  ['evil.amazonaws.com.attacker.net', 'invalid'],
  ['AWS Internal', 'aws-internal'],
  ['aws internal', 'invalid'],
  ['', 'invalid'],
  ['garbage', 'invalid'],
  ['<script>alert(1)</script>', 'invalid'],
  ['HIDDEN_DUE_TO_SECURITY_REASONS', 'invalid'],
];

describe('classifySource', () => {
  it.each(TABLE)('%s → %s', (value, kind, range) => {
    const c = classifySource(value);
    expect(c.kind).toBe(kind);
    expect(c.range).toBe(range ?? null);
  });

  it('keeps the parsed address of every valid IP, and maps ::ffff:a.b.c.d to IPv4', () => {
    expect(classifySource('10.1.2.3').ip).toEqual({ version: 4, value: 0x0a010203, address: '10.1.2.3' });
    expect(classifySource('::ffff:8.8.8.8').ip).toEqual({ version: 4, value: 0x08080808, address: '8.8.8.8' });
    expect(classifySource('ec2.amazonaws.com').ip).toBeNull();
  });
});

describe('parseIpv6', () => {
  it('expands compressed forms and embedded IPv4 tails', () => {
    expect(parseIpv6('::1')).toBe(1n);
    expect(parseIpv6('1::')).toBe(1n << 112n);
    expect(parseIpv6('64:ff9b::192.0.2.33')).toBe((0x64n << 112n) | (0xff9bn << 96n) | 0xc0000221n);
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toBe(0x00010002000300040005000600070008n);
    expect(parseIpv6('1:2:3:4:5:6:1.2.3.4')).toBe(0x00010002000300040005000601020304n);
  });
});
