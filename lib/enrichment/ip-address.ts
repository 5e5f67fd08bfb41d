/**
 * Strict IP parsing for `sourceIPAddress`. Node's `net.isIP` accepts forms we must reject
 * (it is fine with zone ids), and anonymised CloudTrail data contains near-IPs such as
 * `253.252.51.07`: a leading zero is octal to some parsers and decimal to others, so such a
 * value is not an address we can locate, whatever it was meant to be.
 */

export type ParsedIp =
  | { readonly version: 4; readonly value: number; readonly address: string }
  | { readonly version: 6; readonly value: bigint; readonly address: string };

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** A dotted-quad IPv4 address as an unsigned 32-bit number, or null. */
export function parseIpv4(text: string): number | null {
  if (!IPV4.test(text)) return null;
  let value = 0;
  for (const octet of text.split('.')) value = value * 256 + Number(octet);
  return value;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

function parseGroups(part: string, allowIpv4Tail: boolean): number[] | null {
  if (part === '') return [];
  const pieces = part.split(':');
  const groups: number[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    if (allowIpv4Tail && i === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseIpv4(piece);
      if (v4 === null) return null;
      groups.push(v4 >>> 16, v4 & 0xffff);
    } else if (HEX_GROUP.test(piece)) {
      groups.push(parseInt(piece, 16));
    } else {
      return null;
    }
  }
  return groups;
}

/** An IPv6 address (RFC 4291 text forms, no zone id, no brackets) as a 128-bit bigint, or null. */
export function parseIpv6(text: string): bigint | null {
  if (text.length > 45 || !text.includes(':')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '', true) : [];
  if (head === null || tail === null) return null;
  const explicit = head.length + tail.length;
  // `::` stands for at least one zero group, so a compressed address has at most seven explicit ones.
  if (halves.length === 2 ? explicit > 7 : explicit !== 8) return null;
  const groups = [...head, ...new Array<number>(8 - explicit).fill(0), ...tail];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return value;
}

const V4_MAPPED_PREFIX = 0xffffn << 32n;

/**
 * Parses either family. An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) becomes the IPv4 address
 * it carries, so it is classified and located like the dotted form CloudTrail usually shows.
 */
export function parseIp(text: string): ParsedIp | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return { version: 4, value: v4, address: text };
  const v6 = parseIpv6(text);
  if (v6 === null) return null;
  if (v6 >> 32n === V4_MAPPED_PREFIX >> 32n) {
    const value = Number(v6 & 0xffffffffn);
    return { version: 4, value, address: formatIpv4(value) };
  }
  return { version: 6, value: v6, address: text };
}
