/**
 * What Trailscope knows about a value of `sourceIPAddress`. CloudTrail puts more than IPs there:
 * AWS service principals (`ec2.amazonaws.com`), `AWS Internal`, and in anonymised data strings
 * that are not valid IPs. Those are classified, never geolocated.
 */
export const SOURCE_KINDS = ['public-ip', 'private-ip', 'aws-service', 'aws-internal', 'invalid'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface GeoLocation {
  city: string | null;
  region: string | null;
  /** ISO 3166-1 alpha-2. */
  countryCode: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface AsnInfo {
  asn: number;
  organization: string | null;
}

export interface SourceInfo {
  value: string;
  kind: SourceKind;
  /** Only for public IPs found in the database. */
  geo: GeoLocation | null;
  asn: AsnInfo | null;
  /**
   * The special-purpose block that decided `kind` (`private (RFC 1918)`, `loopback`,
   * `documentation (RFC 5737)`), so the UI can say why an address has no location.
   */
  range?: string;
}

/** Looks up many sources at once (after aggregation: distinct values, never per raw event). */
export interface Enricher {
  enrich(values: readonly string[]): Promise<Map<string, SourceInfo>>;
  /** The databases in use, for the About page's attribution. */
  readonly sources: { name: string; licence: string; path: string }[];
}
