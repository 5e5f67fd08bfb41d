import type { GeoLocation, SourceInfo, SourceKind } from '@/lib/enrichment/types';
import { scopeCalls, type Observed } from './observations';

/**
 * Geolocation and ASN panels: source IPs grouped by where they are (city, region, country) or whose
 * network they are on. A group is new when the scope used it and no baseline IP belongs to it, so a
 * new address in a known place (another VPN egress in Ashburn) is not a new location.
 */

export interface SourceIp extends Observed {
  ip: string;
  /** This address was not used in the baseline (the group may still be known). */
  new: boolean;
}

interface SourceGroup {
  new: boolean;
  baselineCalls: number;
  scope: { success: number; failed: number };
  firstSeen: string | null;
  /** Scope IPs first (new ones first), then by calls. */
  ips: SourceIp[];
  /** What opens the events behind the group: its IPs (scope IPs for a new group). */
  filter: { ips: string[] };
}

export interface LocationGroup extends SourceGroup {
  key: string;
  location: GeoLocation;
  /** "Bucharest, Bucharest, Romania", most specific first; what the UI prints. */
  label: string;
}

export interface AsnGroup extends SourceGroup {
  asn: number;
  organization: string | null;
}

/** A sourceIPAddress that is not a locatable address: a service, AWS Internal, a private or invalid value. */
export interface NonIpSource extends Observed {
  value: string;
  kind: Exclude<SourceKind, 'public-ip'>;
  new: boolean;
  filter: { ips: string[] };
}

/** A public IP the geolocation database does not know; listed, never silently dropped. */
export interface UnlocatedIp extends SourceIp {
  filter: { ips: string[] };
}

export interface SourcePanels {
  newGeolocations: LocationGroup[];
  knownGeolocations: LocationGroup[];
  newAsns: AsnGroup[];
  knownAsns: AsnGroup[];
  nonIpSources: NonIpSource[];
  unlocatedIps: UnlocatedIp[];
}

const minIso = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

function locationKey(g: GeoLocation): string {
  return [g.countryCode ?? '', g.region ?? '', g.city ?? ''].join('|');
}

export function locationLabel(g: GeoLocation): string {
  const parts = [g.city, g.region, g.country ?? g.countryCode].filter((p): p is string => Boolean(p));
  // "Singapore, Singapore" and "Bucharest, Bucharest" read as one place; keep each name once in a row.
  return parts.filter((p, i) => i === 0 || p !== parts[i - 1]).join(', ') || 'Unknown location';
}

function byIpOrder(a: SourceIp, b: SourceIp): number {
  return Number(b.new) - Number(a.new) || scopeCalls(b) - scopeCalls(a) || b.baselineCalls - a.baselineCalls || a.ip.localeCompare(b.ip);
}

function group(ips: SourceIp[]): SourceGroup {
  const sorted = [...ips].sort(byIpOrder);
  const baselineCalls = sorted.reduce((s, i) => s + i.baselineCalls, 0);
  const inScope = sorted.filter((i) => scopeCalls(i) > 0);
  const isNew = baselineCalls === 0 && inScope.length > 0;
  return {
    new: isNew,
    baselineCalls,
    scope: {
      success: sorted.reduce((s, i) => s + i.scope.success, 0),
      failed: sorted.reduce((s, i) => s + i.scope.failed, 0),
    },
    firstSeen: sorted.reduce<string | null>((m, i) => minIso(m, i.firstSeen), null),
    ips: sorted,
    filter: { ips: (isNew ? inScope : sorted).map((i) => i.ip) },
  };
}

const newFirst = (a: SourceGroup, b: SourceGroup) => (a.firstSeen ?? '').localeCompare(b.firstSeen ?? '');
const busiestBaseline = (a: SourceGroup, b: SourceGroup) => b.baselineCalls - a.baselineCalls;

/**
 * `hasBaseline` false (no history at all) leaves every group un-new: without a baseline, "new"
 * would just mean "everything", which hides the signal the panel exists for.
 */
export function sourcePanels(ips: ReadonlyMap<string, Observed>, infos: ReadonlyMap<string, SourceInfo>, hasBaseline: boolean): SourcePanels {
  const byLocation = new Map<string, { location: GeoLocation; ips: SourceIp[] }>();
  const byAsn = new Map<number, { organization: string | null; ips: SourceIp[] }>();
  const nonIpSources: NonIpSource[] = [];
  const unlocatedIps: UnlocatedIp[] = [];

  for (const [ip, o] of ips) {
    const info = infos.get(ip);
    const source: SourceIp = { ip, ...o, new: hasBaseline && o.baselineCalls === 0 && scopeCalls(o) > 0 };
    // A value the enricher did not return is treated as an unknown public address, never dropped.
    const kind = info?.kind ?? 'public-ip';
    if (kind !== 'public-ip') {
      nonIpSources.push({ ...o, value: ip, kind, new: source.new, filter: { ips: [ip] } });
      continue;
    }
    if (info?.geo) {
      const key = locationKey(info.geo);
      const entry = byLocation.get(key) ?? { location: info.geo, ips: [] };
      entry.ips.push(source);
      byLocation.set(key, entry);
    } else {
      unlocatedIps.push({ ...source, filter: { ips: [ip] } });
    }
    if (info?.asn) {
      const entry = byAsn.get(info.asn.asn) ?? { organization: info.asn.organization, ips: [] };
      entry.ips.push(source);
      byAsn.set(info.asn.asn, entry);
    }
  }

  const locations: LocationGroup[] = [...byLocation].map(([key, { location, ips: members }]) => {
    const g = group(members);
    return { key, location, label: locationLabel(location), ...g, new: hasBaseline && g.new };
  });
  const asns: AsnGroup[] = [...byAsn].map(([asn, { organization, ips: members }]) => {
    const g = group(members);
    return { asn, organization, ...g, new: hasBaseline && g.new };
  });

  return {
    newGeolocations: locations.filter((l) => l.new).sort(newFirst),
    knownGeolocations: locations.filter((l) => l.baselineCalls > 0).sort(busiestBaseline),
    newAsns: asns.filter((a) => a.new).sort(newFirst),
    knownAsns: asns.filter((a) => a.baselineCalls > 0).sort(busiestBaseline),
    nonIpSources: nonIpSources.sort((a, b) => scopeCalls(b) - scopeCalls(a) || b.baselineCalls - a.baselineCalls || a.value.localeCompare(b.value)),
    unlocatedIps: unlocatedIps.sort(byIpOrder),
  };
}
