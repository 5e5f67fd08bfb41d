import type { GeoLocation } from './types';

/**
 * Turns a City database record into a GeoLocation. Two shapes exist:
 * - DB-IP Lite as packaged by ip-location-db: flat `{ city, country_code, state1, latitude, longitude }`,
 *   English names only and no country name;
 * - MaxMind GeoLite2/GeoIP2 City: nested `{ city.names.en, country.iso_code, subdivisions[0].names.en,
 *   location.latitude }`.
 * Records arrive untyped from the file, so every field is checked rather than trusted.
 */

type Loose = Readonly<Record<string, unknown>>;

function isLoose(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Four decimals is about 11 m: more than either database's real precision, less noise in JSON. */
function coordinate(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 1e4) / 1e4 : null;
}

function child(record: Loose, key: string): Loose {
  const value = record[key];
  return isLoose(value) ? value : {};
}

function englishName(record: Loose): string | null {
  return text(child(record, 'names').en);
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** ISO 3166-1 alpha-2 only; `ZZ` and similar placeholders mean unknown. */
function countryCodeOf(value: unknown): string | null {
  const code = text(value)?.toUpperCase() ?? null;
  return code !== null && /^[A-Z]{2}$/.test(code) && code !== 'ZZ' ? code : null;
}

/** Intl lookups cost about a microsecond each, as much as the rest of a lookup; there are < 300 codes. */
const countryNames = new Map<string, string | null>();

export function countryName(code: string | null): string | null {
  if (code === null) return null;
  let name = countryNames.get(code);
  if (name === undefined) {
    try {
      name = regionNames.of(code) ?? null;
    } catch {
      name = null;
    }
    countryNames.set(code, name);
  }
  return name;
}

/**
 * DB-IP names some places `City (District)`: `Toronto (Old Toronto)`, `Lagos (Ikoyi)`. The
 * district is below the precision either database really has, and keeping it would split one
 * city into several on a map or in a group-by.
 */
function dbIpCity(value: unknown): string | null {
  const name = text(value);
  return name === null ? null : name.replace(/\s*\([^)]*\)$/, '') || name;
}

function fromDbIp(record: Loose): GeoLocation {
  const countryCode = countryCodeOf(record.country_code);
  return {
    city: dbIpCity(record.city),
    region: text(record.state1),
    countryCode,
    country: countryName(countryCode),
    latitude: coordinate(record.latitude),
    longitude: coordinate(record.longitude),
  };
}

function fromMaxMind(record: Loose): GeoLocation {
  const country = child(record, 'country');
  const location = child(record, 'location');
  const subdivisions = record.subdivisions;
  const firstSubdivision = Array.isArray(subdivisions) && isLoose(subdivisions[0]) ? subdivisions[0] : {};
  const countryCode = countryCodeOf(country.iso_code);
  return {
    city: englishName(child(record, 'city')),
    region: englishName(firstSubdivision),
    countryCode,
    country: englishName(country) ?? countryName(countryCode),
    latitude: coordinate(location.latitude),
    longitude: coordinate(location.longitude),
  };
}

/** Null when the record says nothing useful (absent, or no country, city or coordinates). */
export function normaliseCityRecord(record: unknown): GeoLocation | null {
  if (!isLoose(record)) return null;
  const geo = 'country_code' in record ? fromDbIp(record) : fromMaxMind(record);
  const empty = geo.countryCode === null && geo.city === null && geo.latitude === null;
  return empty ? null : geo;
}
