import type { Reader, Response } from 'maxmind';
import { bundledCityFiles, DBIP_CITY_ATTRIBUTION } from './bundled-data';
import { normaliseCityRecord } from './city-record';
import type { Locator, Lookup } from './locator';
import { openMmdbOrThrow, type MmdbSource } from './open-mmdb';
import { loadOncePerProcess } from './process-cache';
import type { GeoLocation } from './types';

function cityLookup(reader: Reader<Response>): Lookup<GeoLocation> {
  // An IPv4-only tree answers IPv6 queries with whatever its first bits lead to: refuse instead.
  const ipv4Only = reader.metadata.ipVersion === 4;
  return (ip) => (ipv4Only && ip.version === 6 ? null : normaliseCityRecord(reader.get(ip.address)));
}

function openCity(source: MmdbSource): Promise<Lookup<GeoLocation>> {
  return loadOncePerProcess(`city-mmdb:${source.path}`, async () => cityLookup(await openMmdbOrThrow(source)));
}

/**
 * The user's MaxMind City file when TRAILSCOPE_GEOIP_CITY_DB is set (one tree holds both
 * families), else the bundled DB-IP Lite files (one per family, the IPv6 one opened only when
 * an IPv6 address turns up: each costs ~65 MB of memory).
 */
export function cityLocator(userPath: string | undefined): Locator<GeoLocation> {
  if (userPath !== undefined) {
    const source: MmdbSource = { path: userPath, setting: 'TRAILSCOPE_GEOIP_CITY_DB', expect: 'city' };
    return {
      source: { name: 'City database (TRAILSCOPE_GEOIP_CITY_DB)', licence: 'as licensed to you by its provider', path: userPath },
      forVersion: () => openCity(source),
    };
  }
  const files = bundledCityFiles();
  return {
    source: { ...DBIP_CITY_ATTRIBUTION, path: files.dir },
    forVersion: (version) => openCity({ path: version === 4 ? files.ipv4 : files.ipv6, expect: 'city' }),
  };
}
