import { readFile } from 'node:fs/promises';
import type { Reader, Response } from 'maxmind';
import { parseAsnCsvV4, parseAsnCsvV6 } from './asn-ranges';
import { ASN_ATTRIBUTION, bundledAsnFiles } from './bundled-data';
import type { Locator, Lookup } from './locator';
import { openMmdbOrThrow } from './open-mmdb';
import { loadOncePerProcess } from './process-cache';
import type { AsnInfo } from './types';

function asnFromRecord(record: unknown): AsnInfo | null {
  if (typeof record !== 'object' || record === null) return null;
  const asn: unknown = Reflect.get(record, 'autonomous_system_number');
  const organization: unknown = Reflect.get(record, 'autonomous_system_organization');
  if (typeof asn !== 'number' || asn <= 0) return null;
  return { asn, organization: typeof organization === 'string' && organization.trim() !== '' ? organization : null };
}

function mmdbAsnLookup(reader: Reader<Response>): Lookup<AsnInfo> {
  const ipv4Only = reader.metadata.ipVersion === 4;
  return (ip) => (ipv4Only && ip.version === 6 ? null : asnFromRecord(reader.get(ip.address)));
}

function loadCsvV4(path: string): Promise<Lookup<AsnInfo>> {
  return loadOncePerProcess(`asn-csv-v4:${path}`, async () => {
    const table = parseAsnCsvV4(await readFile(path));
    return (ip) => (ip.version === 4 ? table.lookup(ip.value) : null);
  });
}

function loadCsvV6(path: string): Promise<Lookup<AsnInfo>> {
  return loadOncePerProcess(`asn-csv-v6:${path}`, async () => {
    const table = parseAsnCsvV6(await readFile(path));
    return (ip) => (ip.version === 6 ? table.lookup(ip.value) : null);
  });
}

/**
 * The user's GeoLite2-ASN (or GeoIP2-ISP) file when TRAILSCOPE_GEOIP_ASN_DB is set, else the
 * bundled ip-location-db CSVs, parsed into typed arrays on first use per family.
 */
export function asnLocator(userPath: string | undefined): Locator<AsnInfo> {
  if (userPath !== undefined) {
    const open = () =>
      loadOncePerProcess(`asn-mmdb:${userPath}`, async () =>
        mmdbAsnLookup(await openMmdbOrThrow({ path: userPath, setting: 'TRAILSCOPE_GEOIP_ASN_DB', expect: 'asn' })),
      );
    return {
      source: { name: 'ASN database (TRAILSCOPE_GEOIP_ASN_DB)', licence: 'as licensed to you by its provider', path: userPath },
      forVersion: open,
    };
  }
  const files = bundledAsnFiles();
  return {
    source: { ...ASN_ATTRIBUTION, path: files.dir },
    forVersion: (version) => (version === 4 ? loadCsvV4(files.ipv4) : loadCsvV6(files.ipv6)),
  };
}
