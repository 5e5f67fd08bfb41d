import { env } from '@/lib/env';
import { asnLocator } from './asn-db';
import { BoundedCache } from './bounded-cache';
import { cityLocator } from './city-db';
import { classifySource, type Classification } from './classify-source';
import type { ParsedIp } from './ip-address';
import type { Lookup } from './locator';
import type { AsnInfo, Enricher, GeoLocation, SourceInfo } from './types';

export interface EnricherOptions {
  /** A MaxMind GeoLite2/GeoIP2 City .mmdb replacing the bundled DB-IP data; errors name TRAILSCOPE_GEOIP_CITY_DB. */
  cityDbPath?: string;
  /** A MaxMind GeoLite2-ASN .mmdb replacing the bundled ASN CSVs; errors name TRAILSCOPE_GEOIP_ASN_DB. */
  asnDbPath?: string;
  /** Distinct values remembered between calls. */
  cacheSize?: number;
}

const DEFAULT_CACHE_SIZE = 50_000;

function sourceInfo(value: string, c: Classification, geo: GeoLocation | null, asn: AsnInfo | null): SourceInfo {
  const info: SourceInfo = { value, kind: c.kind, geo, asn };
  if (c.range !== null) info.range = c.range;
  return info;
}

/**
 * Classifies every value and looks up public IPs only. Databases open on the first batch that
 * needs them (per address family), so constructing an enricher is free and a process that
 * never shows an IPv6 address never loads IPv6 data.
 */
export function createEnricher(options: EnricherOptions = {}): Enricher {
  const city = cityLocator(options.cityDbPath);
  const asn = asnLocator(options.asnDbPath);
  const cache = new BoundedCache<string, SourceInfo>(options.cacheSize ?? DEFAULT_CACHE_SIZE);

  async function lookupsFor(version: 4 | 6): Promise<[Lookup<GeoLocation>, Lookup<AsnInfo>]> {
    return Promise.all([city.forVersion(version), asn.forVersion(version)]);
  }

  async function enrich(values: readonly string[]): Promise<Map<string, SourceInfo>> {
    const result = new Map<string, SourceInfo>();
    const pending: { value: string; c: Classification; ip: ParsedIp }[] = [];
    for (const value of new Set(values)) {
      const cached = cache.get(value);
      if (cached !== undefined) {
        result.set(value, cached);
        continue;
      }
      const c = classifySource(value);
      if (c.kind === 'public-ip' && c.ip !== null) pending.push({ value, c, ip: c.ip });
      else result.set(value, sourceInfo(value, c, null, null));
    }

    const needs = new Set(pending.map((p) => p.ip.version));
    const lookups = new Map<4 | 6, [Lookup<GeoLocation>, Lookup<AsnInfo>]>();
    for (const version of needs) lookups.set(version, await lookupsFor(version));

    for (const { value, c, ip } of pending) {
      const pair = lookups.get(ip.version);
      const info = sourceInfo(value, c, pair?.[0](ip) ?? null, pair?.[1](ip) ?? null);
      result.set(value, info);
    }
    // Private, service and invalid values are cheap to classify; caching them too keeps one
    // code path and costs only memory already bounded by the capacity.
    for (const [value, info] of result) cache.set(value, info);
    return result;
  }

  return { enrich, sources: [city.source, asn.source] };
}

const SINGLETON = Symbol.for('trailscope.enrichment.enricher');
const holder = globalThis as typeof globalThis & { [SINGLETON]?: Enricher };

/** The process-wide enricher, configured from the environment. */
export function getEnricher(): Enricher {
  const { TRAILSCOPE_GEOIP_CITY_DB, TRAILSCOPE_GEOIP_ASN_DB } = env();
  holder[SINGLETON] ??= createEnricher({ cityDbPath: TRAILSCOPE_GEOIP_CITY_DB, asnDbPath: TRAILSCOPE_GEOIP_ASN_DB });
  return holder[SINGLETON];
}
