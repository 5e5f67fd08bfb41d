import type { AsnInfo } from './types';

/**
 * The ip-location-db ASN CSVs (`start,end,asn,organisation`, addresses as decimal integers,
 * inclusive, sorted by start) held as typed arrays and searched by bisection. The files are
 * meant to be non-overlapping but are not quite (the 2026-06 IPv4 file has one DoD range
 * overlapping the next); bisection then answers with the later, narrower-starting row, which is
 * the more specific one there. Only an unsorted file is refused, since bisection would be wrong.
 * 412k IPv4 rows become ~7 MB of arrays instead of ~100 MB of row objects; IPv6 addresses
 * (128-bit) are split into high and low 64-bit halves.
 */

interface Row {
  /** Decimal digits of the range's first address: read as a number (IPv4) or bigint (IPv6). */
  readonly start: string;
  readonly end: string;
  readonly asn: number;
  readonly organization: string | null;
}

const NEWLINE = 0x0a;
const CR = 0x0d;

/** RFC 4180 quoting: only the last field (the organisation) is ever quoted in these files. */
function parseOrganization(field: string): string | null {
  const last = field.at(-1);
  if (field[0] !== '"' && last !== ',' && last !== ' ') return field === '' ? null : field;
  const unquoted = field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
  // Some DB-IP names end in a stray comma (`Atria Convergence Technologies Pvt. Ltd.,`).
  const trimmed = unquoted.replace(/[\s,]+$/, '').trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Rows straight from the file's bytes: decoding the whole 21 MB file to one JS string would
 * hold it as UTF-16 (organisation names are not all Latin-1), doubling the peak on load.
 */
function* rows(csv: Buffer): Generator<Row> {
  let lineStart = 0;
  while (lineStart < csv.length) {
    let lineEnd = csv.indexOf(NEWLINE, lineStart);
    if (lineEnd === -1) lineEnd = csv.length;
    const next = lineEnd + 1;
    if (lineEnd > lineStart && csv[lineEnd - 1] === CR) lineEnd--;
    // One decode per line: a native call per field costs more than the parsing itself.
    const line = csv.toString('utf8', lineStart, lineEnd);
    lineStart = next;
    if (line === '') continue;
    const c1 = line.indexOf(',');
    const c2 = line.indexOf(',', c1 + 1);
    const c3 = line.indexOf(',', c2 + 1);
    if (c1 < 0 || c2 < 0 || c3 < 0) throw new Error(`ASN CSV: malformed line "${line.slice(0, 80)}"`);
    yield {
      start: line.slice(0, c1),
      end: line.slice(c1 + 1, c2),
      asn: Number(line.slice(c2 + 1, c3)),
      organization: parseOrganization(line.slice(c3 + 1)),
    };
  }
}

/** Upper bound for the typed arrays. */
function countLines(csv: Buffer): number {
  let count = 1;
  for (let i = csv.indexOf(NEWLINE); i !== -1; i = csv.indexOf(NEWLINE, i + 1)) count++;
  return count;
}

/** Many ranges share an organisation (Amazon alone has thousands): store each name once. */
class OrganizationPool {
  readonly names: (string | null)[] = [null];
  private readonly ids = new Map<string, number>();

  idOf(name: string | null): number {
    if (name === null) return 0;
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }
}

function info(asn: number, organization: string | null | undefined): AsnInfo | null {
  return asn > 0 ? { asn, organization: organization ?? null } : null;
}

export interface AsnTableV4 {
  readonly size: number;
  lookup(value: number): AsnInfo | null;
}

export function parseAsnCsvV4(csv: Buffer): AsnTableV4 {
  const capacity = countLines(csv);
  const starts = new Uint32Array(capacity);
  const ends = new Uint32Array(capacity);
  const asns = new Uint32Array(capacity);
  const orgIds = new Uint32Array(capacity);
  const pool = new OrganizationPool();
  let n = 0;
  for (const row of rows(csv)) {
    const start = Number(row.start);
    if (n > 0 && start <= (starts[n - 1] ?? 0)) throw new Error(`ASN CSV: ranges not sorted at ${row.start}`);
    starts[n] = start;
    ends[n] = Number(row.end);
    asns[n] = row.asn;
    orgIds[n] = pool.idOf(row.organization);
    n++;
  }
  const names = pool.names;
  return {
    size: n,
    lookup(value) {
      let lo = 0;
      let hi = n - 1;
      // Last range whose start is <= value; the address is in it only if it is also <= its end.
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if ((starts[mid] ?? 0) <= value) lo = mid + 1;
        else hi = mid - 1;
      }
      if (hi < 0 || value > (ends[hi] ?? -1)) return null;
      return info(asns[hi] ?? 0, names[orgIds[hi] ?? 0]);
    },
  };
}

const LOW_64 = (1n << 64n) - 1n;

export interface AsnTableV6 {
  readonly size: number;
  lookup(value: bigint): AsnInfo | null;
}

export function parseAsnCsvV6(csv: Buffer): AsnTableV6 {
  const capacity = countLines(csv);
  const startHi = new BigUint64Array(capacity);
  const startLo = new BigUint64Array(capacity);
  const endHi = new BigUint64Array(capacity);
  const endLo = new BigUint64Array(capacity);
  const asns = new Uint32Array(capacity);
  const orgIds = new Uint32Array(capacity);
  const pool = new OrganizationPool();
  let n = 0;
  let previousStart = -1n;
  for (const row of rows(csv)) {
    const start = BigInt(row.start);
    const end = BigInt(row.end);
    if (start <= previousStart) throw new Error(`ASN CSV: ranges not sorted at ${row.start}`);
    previousStart = start;
    startHi[n] = start >> 64n;
    startLo[n] = start & LOW_64;
    endHi[n] = end >> 64n;
    endLo[n] = end & LOW_64;
    asns[n] = row.asn;
    orgIds[n] = pool.idOf(row.organization);
    n++;
  }
  const names = pool.names;
  const startAtMost = (i: number, hi: bigint, lo: bigint): boolean => {
    const sHi = startHi[i] ?? 0n;
    return sHi < hi || (sHi === hi && (startLo[i] ?? 0n) <= lo);
  };
  return {
    size: n,
    lookup(value) {
      const hi64 = value >> 64n;
      const lo64 = value & LOW_64;
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (startAtMost(mid, hi64, lo64)) lo = mid + 1;
        else hi = mid - 1;
      }
      if (hi < 0) return null;
      const eHi = endHi[hi] ?? 0n;
      const inside = hi64 < eHi || (hi64 === eHi && lo64 <= (endLo[hi] ?? 0n));
      return inside ? info(asns[hi] ?? 0, names[orgIds[hi] ?? 0]) : null;
    },
  };
}
