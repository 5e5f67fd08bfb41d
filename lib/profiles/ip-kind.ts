/**
 * What a CloudTrail `sourceIPAddress` is. CloudTrail writes the caller's public address, a private
 * one for calls through a VPC endpoint, or the name of the AWS service that made the call on the
 * principal's behalf; an investigator reads each differently, so the IP profile says which it is.
 */
export const IP_KINDS = ['public', 'private', 'special', 'aws-service', 'invalid'] as const;
export type IpKindName = (typeof IP_KINDS)[number];

export interface IpKind {
  kind: IpKindName;
  version: 4 | 6 | null;
  /** What people read: `public IPv4`, `private (RFC 1918)`, `AWS service`, … */
  label: string;
  /** For a service name: the service principal, whose profile the page links. */
  service: string | null;
}

/** Service principals, as CloudTrail writes them in `invokedBy` and, for service-made calls, the source address. */
export const SERVICE_PRINCIPAL = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/;

/** Four octets, or null. Leading zeros are refused: some parsers read them as octal. */
export function parseIpv4(value: string): [number, number, number, number] | null {
  const parts = value.split('.');
  if (parts.length !== 4) return null;
  const octets = parts.map((p) => (/^(0|[1-9]\d{0,2})$/.test(p) ? Number(p) : NaN));
  if (octets.some((o) => !(o >= 0 && o <= 255))) return null;
  return octets as [number, number, number, number];
}

/** Eight 16-bit groups, or null; accepts `::` and an embedded IPv4 tail (`::ffff:10.0.0.1`). */
export function parseIpv6(value: string): number[] | null {
  if (!/^[0-9A-Fa-f:.]{2,45}$/.test(value)) return null;
  let text = value;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4 || lastColon < 1) return null;
    tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    const prefix = text.slice(0, lastColon + 1);
    // `::1.2.3.4` keeps its `::`; `64:ff9b::1:1.2.3.4` drops the colon that introduced the tail.
    text = prefix.endsWith('::') ? prefix : prefix.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0] ?? '');
  const rest = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if ([...head, ...rest].some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return null;
  const written = head.length + rest.length + tail.length;
  if (halves.length === 1 ? written !== 8 : written > 7) return null;
  const zeros = new Array<number>(8 - written).fill(0);
  const hex = (g: string) => parseInt(g, 16);
  return [...head.map(hex), ...(halves.length === 2 ? zeros : []), ...rest.map(hex), ...tail];
}

function inV4(o: readonly number[], net: readonly number[], bits: number): boolean {
  const asInt = (x: readonly number[]) => (((x[0] ?? 0) << 24) | ((x[1] ?? 0) << 16) | ((x[2] ?? 0) << 8) | (x[3] ?? 0)) >>> 0;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (asInt(o) & mask) === (asInt(net) & mask);
}

/** Ranges that are neither the caller's public address nor RFC 1918: a label each. */
const V4_SPECIAL: [number[], number, string][] = [
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'],
  [[100, 64, 0, 0], 10, 'carrier-grade NAT (RFC 6598)'],
  [[192, 0, 2, 0], 24, 'documentation (RFC 5737)'],
  [[198, 51, 100, 0], 24, 'documentation (RFC 5737)'],
  [[203, 0, 113, 0], 24, 'documentation (RFC 5737)'],
  [[0, 0, 0, 0], 8, 'unspecified'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved'],
];
const V4_PRIVATE: [number[], number][] = [
  [[10, 0, 0, 0], 8],
  [[172, 16, 0, 0], 12],
  [[192, 168, 0, 0], 16],
];

function ipv4Kind(o: [number, number, number, number]): IpKind {
  if (V4_PRIVATE.some(([net, bits]) => inV4(o, net, bits))) return { kind: 'private', version: 4, label: 'private IPv4 (RFC 1918)', service: null };
  const special = V4_SPECIAL.find(([net, bits]) => inV4(o, net, bits));
  if (special) return { kind: 'special', version: 4, label: `${special[2]} IPv4`, service: null };
  return { kind: 'public', version: 4, label: 'public IPv4', service: null };
}

function ipv6Kind(g: number[]): IpKind {
  const [a = 0, b = 0] = g;
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    const v4 = ipv4Kind([(g[6] ?? 0) >> 8, (g[6] ?? 0) & 255, (g[7] ?? 0) >> 8, (g[7] ?? 0) & 255]);
    return { ...v4, version: 6, label: `${v4.label}, IPv4-mapped` };
  }
  const special = (label: string): IpKind => ({ kind: 'special', version: 6, label: `${label} IPv6`, service: null });
  if (g.every((x) => x === 0)) return special('unspecified');
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return special('loopback');
  if ((a & 0xfe00) === 0xfc00) return { kind: 'private', version: 6, label: 'private IPv6 (unique local, RFC 4193)', service: null };
  if ((a & 0xffc0) === 0xfe80) return special('link-local');
  if ((a & 0xff00) === 0xff00) return special('multicast');
  if (a === 0x2001 && b === 0x0db8) return special('documentation (RFC 3849)');
  return { kind: 'public', version: 6, label: 'public IPv6', service: null };
}

/** Pure: classifies a `sourceIPAddress` value. */
export function ipKind(value: string): IpKind {
  if (SERVICE_PRINCIPAL.test(value)) return { kind: 'aws-service', version: null, label: 'AWS service (the call was made by the service)', service: value };
  const v4 = parseIpv4(value);
  if (v4) return ipv4Kind(v4);
  const v6 = value.includes(':') ? parseIpv6(value) : null;
  if (v6) return ipv6Kind(v6);
  return { kind: 'invalid', version: null, label: 'not an IP address', service: null };
}

/** True for an IPv4 or IPv6 address (not a service name). */
export function isIpAddress(value: string): boolean {
  return parseIpv4(value) !== null || (value.includes(':') && parseIpv6(value) !== null);
}
