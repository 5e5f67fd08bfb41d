import maxmind, { type Reader, type Response } from 'maxmind';

/** The env variable a user-supplied file came from, so every error can name it. */
export type GeoIpSetting = 'TRAILSCOPE_GEOIP_CITY_DB' | 'TRAILSCOPE_GEOIP_ASN_DB';

export class GeoIpDatabaseError extends Error {
  override name = 'GeoIpDatabaseError';
}

export interface MmdbSource {
  readonly path: string;
  /** Absent for the bundled files: their errors are ours, not a setting to fix. */
  readonly setting?: GeoIpSetting;
  readonly expect: 'city' | 'asn';
}

/**
 * `databaseType` values that carry the fields we read: GeoLite2-City, GeoIP2-City and
 * GeoIP2-Enterprise, DB-IP's `city ipv4`; GeoLite2-ASN and GeoIP2-ISP (a superset of ASN).
 */
const EXPECTED_TYPES = { city: /city|enterprise/i, asn: /asn|isp/i } as const;

function describe(source: MmdbSource): string {
  return source.setting ? `${source.setting} (${source.path})` : `bundled database ${source.path}`;
}

/**
 * Opens an mmdb file and checks it holds the expected kind of data: a user who points the
 * City setting at an ASN file should hear so at once, not see every IP without a location.
 * maxmind reads the whole file into memory; callers cache the reader per process.
 */
export async function openMmdbOrThrow(source: MmdbSource): Promise<Reader<Response>> {
  let reader: Reader<Response>;
  try {
    reader = await maxmind.open<Response>(source.path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GeoIpDatabaseError(`${describe(source)} could not be opened as a MaxMind .mmdb database: ${reason}`, {
      cause: error,
    });
  }
  const type = reader.metadata.databaseType;
  if (!EXPECTED_TYPES[source.expect].test(type)) {
    throw new GeoIpDatabaseError(
      `${describe(source)} is a "${type}" database; expected ${source.expect === 'city' ? 'a City' : 'an ASN'} database`,
    );
  }
  return reader;
}
