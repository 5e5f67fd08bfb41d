import { parseIpv4, parseIpv6, type ParsedIp } from './ip-address';
import type { SourceKind } from './types';

/**
 * Address blocks that are not somewhere on the map (IANA special-purpose registries).
 *
 * - Private, loopback, link-local, CGNAT, unique-local and the like are `private-ip`: a real
 *   caller (a VPC endpoint, a NAT inside AWS) but one no database can place.
 * - Unspecified, multicast and reserved blocks are `invalid`: no API call comes from them, so
 *   such a value is as suspect as a malformed one.
 * - Documentation blocks stay `public-ip`: syntactically public, and synthetic or redacted data
 *   uses them on purpose; the lookup finds nothing and `range` says why.
 */
type SpecialRange = readonly [kind: SourceKind, cidr: string, name: string];

const IPV4_RANGES: readonly SpecialRange[] = [
  ['invalid', '0.0.0.0/8', 'this network (RFC 1122)'],
  ['private-ip', '10.0.0.0/8', 'private (RFC 1918)'],
  ['private-ip', '100.64.0.0/10', 'carrier-grade NAT (RFC 6598)'],
  ['private-ip', '127.0.0.0/8', 'loopback'],
  ['private-ip', '169.254.0.0/16', 'link-local'],
  ['private-ip', '172.16.0.0/12', 'private (RFC 1918)'],
  ['private-ip', '192.0.0.0/24', 'IETF protocol assignments'],
  ['public-ip', '192.0.2.0/24', 'documentation (RFC 5737)'],
  ['private-ip', '192.168.0.0/16', 'private (RFC 1918)'],
  ['private-ip', '198.18.0.0/15', 'benchmarking (RFC 2544)'],
  ['public-ip', '198.51.100.0/24', 'documentation (RFC 5737)'],
  ['public-ip', '203.0.113.0/24', 'documentation (RFC 5737)'],
  ['invalid', '224.0.0.0/4', 'multicast'],
  ['invalid', '240.0.0.0/4', 'reserved'],
];

const IPV6_RANGES: readonly SpecialRange[] = [
  ['invalid', '::/128', 'unspecified'],
  ['private-ip', '::1/128', 'loopback'],
  ['public-ip', '2001:db8::/32', 'documentation (RFC 3849)'],
  ['public-ip', '3fff::/20', 'documentation (RFC 9637)'],
  ['private-ip', 'fc00::/7', 'unique local (RFC 4193)'],
  ['private-ip', 'fe80::/10', 'link-local'],
  ['invalid', 'ff00::/8', 'multicast'],
];

interface Compiled<T> {
  readonly kind: SourceKind;
  readonly name: string;
  readonly network: T;
  readonly mask: T;
}

function splitCidr(cidr: string): [string, number] {
  const [address = '', bits = ''] = cidr.split('/');
  return [address, Number(bits)];
}

const V4: readonly Compiled<number>[] = IPV4_RANGES.map(([kind, cidr, name]) => {
  const [address, bits] = splitCidr(cidr);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { kind, name, network: ((parseIpv4(address) ?? 0) & mask) >>> 0, mask };
});

const ALL_128 = (1n << 128n) - 1n;
const V6: readonly Compiled<bigint>[] = IPV6_RANGES.map(([kind, cidr, name]) => {
  const [address, bits] = splitCidr(cidr);
  const mask = (ALL_128 << BigInt(128 - bits)) & ALL_128;
  return { kind, name, network: (parseIpv6(address) ?? 0n) & mask, mask };
});

export interface SpecialMatch {
  readonly kind: SourceKind;
  readonly name: string;
}

export function specialRangeOf(ip: ParsedIp): SpecialMatch | null {
  if (ip.version === 4) {
    for (const r of V4) if (((ip.value & r.mask) >>> 0) === r.network) return r;
    return null;
  }
  for (const r of V6) if ((ip.value & r.mask) === r.network) return r;
  return null;
}
