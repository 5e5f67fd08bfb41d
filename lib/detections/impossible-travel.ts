/**
 * Pure: impossible travel over sourceSwitches rows (the quickest change of address per principal
 * and address pair) and the addresses' locations. Distance is great-circle between the two placed
 * locations, less the accuracy tolerated at each end; the speed is that over the time between the
 * two calls. Amazon's addresses are the principal's code running on AWS, not a traveller.
 */
import type { SourceInfo } from '@/lib/enrichment/types';
import { severityLabel, type Finding } from '@/lib/findings/types';
import { isAmazonAddress } from './instance-credentials';
import type { SourceSwitchRow } from './queries/source-switches';
import { IMPOSSIBLE_TRAVEL, ruleById } from './rules';
import { actorOf, detectionFindingId } from './to-findings';

const EARTH_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function greatCircleKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const h = Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface Placed {
  ip: string;
  latitude: number;
  longitude: number;
  label: string;
}

function placed(ip: string, info: SourceInfo | undefined): Placed | null {
  const geo = info?.geo;
  if (info?.kind !== 'public-ip' || !geo || geo.latitude === null || geo.longitude === null || isAmazonAddress(info)) return null;
  return { ip, latitude: geo.latitude, longitude: geo.longitude, label: [geo.city, geo.country ?? geo.countryCode].filter(Boolean).join(', ') || `${geo.latitude.toFixed(1)}, ${geo.longitude.toFixed(1)}` };
}

export interface Travel {
  row: SourceSwitchRow;
  from: Placed;
  to: Placed;
  /** Great-circle distance less the tolerated accuracy at both ends. */
  distanceKm: number;
  speedKmh: number;
}

/** The switches that no one could have travelled. */
export function impossibleTravels(rows: readonly SourceSwitchRow[], infos: ReadonlyMap<string, SourceInfo>): Travel[] {
  const out: Travel[] = [];
  for (const row of rows) {
    const from = placed(row.ip_from, infos.get(row.ip_from));
    const to = placed(row.ip_to, infos.get(row.ip_to));
    if (!from || !to) continue;
    const distanceKm = greatCircleKm(from, to) - 2 * IMPOSSIBLE_TRAVEL.accuracyKm;
    if (distanceKm < IMPOSSIBLE_TRAVEL.minDistanceKm) continue;
    const hours = row.gap_seconds / 3600;
    const speedKmh = hours > 0 ? distanceKm / hours : Number.POSITIVE_INFINITY;
    if (speedKmh > IMPOSSIBLE_TRAVEL.speedKmh) out.push({ row, from, to, distanceKm, speedKmh });
  }
  return out;
}

const minutes = (s: number) => (s < 120 ? `${Math.round(s)} seconds` : `${Math.round(s / 60)} minutes`);

export function impossibleTravelFindings(rows: readonly SourceSwitchRow[], infos: ReadonlyMap<string, SourceInfo>): Finding[] {
  const rule = ruleById('impossible-travel');
  // One finding per principal and pair of places, whichever way it went.
  const byPair = new Map<string, Travel[]>();
  for (const t of impossibleTravels(rows, infos)) {
    const places = [t.from.label, t.to.label].sort();
    const key = JSON.stringify([t.row.principal_id, ...places]);
    byPair.set(key, [...(byPair.get(key) ?? []), t]);
  }
  return [...byPair.values()].map((travels) => {
    const quickest = [...travels].sort((a, b) => a.row.gap_seconds - b.row.gap_seconds)[0]!;
    const r = quickest.row;
    const places = [quickest.from.label, quickest.to.label].sort();
    const speed = Number.isFinite(quickest.speedKmh) ? `${Math.round(quickest.speedKmh).toLocaleString('en-US')} km/h` : 'at the same instant';
    const who = r.actor_arn ?? r.principal_id;
    const firstSeen = travels.map((t) => t.row.left_at).sort()[0]!;
    const lastSeen = travels.map((t) => t.row.arrived_at).sort().at(-1)!;
    return {
      id: detectionFindingId(rule.id, [r.principal_id, ...places]),
      source: 'detection',
      type: rule.type,
      severity: rule.severity,
      severityLabel: severityLabel(rule.severity),
      title: `Impossible travel for ${who}: ${quickest.from.label} → ${quickest.to.label}`,
      description: `${who} called from ${quickest.from.ip} (${quickest.from.label}) at ${r.left_at} and from ${quickest.to.ip} (${quickest.to.label}) at ${r.arrived_at}, ${minutes(r.gap_seconds)} later: at least ${Math.round(quickest.distanceKm).toLocaleString('en-US')} km apart after ${IMPOSSIBLE_TRAVEL.accuracyKm} km of geolocation error at each end, ${speed} (the threshold is ${IMPOSSIBLE_TRAVEL.speedKmh} km/h).${travels.length > 1 ? ` ${travels.length} such switches between these places.` : ''}`,
      firstSeen,
      lastSeen,
      accountId: r.account_id,
      region: r.aws_region,
      actor: actorOf({ ...r, actor_principal_id: r.principal_id }),
      resources: [...new Set(travels.flatMap((t) => [t.from.ip, t.to.ip]))].sort().map((ip) => ({ type: 'IPAddress', id: ip })),
      evidenceEventIds: [...new Set(travels.flatMap((t) => t.row.event_ids))],
      rule: rule.id,
      count: travels.reduce((n, t) => n + t.row.switches, 0),
    } satisfies Finding;
  });
}
