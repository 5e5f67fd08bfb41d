import type { Enricher, SourceInfo, SourceKind } from '@/lib/enrichment/types';
import { ALL_IPS } from '@/lib/generator/ip-table';

/**
 * Test helper: an Enricher that knows exactly the generator's ip-table (as GeoLite2 answered for
 * those addresses), so tests check the analysis, not a database build. Providers stand in for ASN
 * organisations with made-up numbers.
 */

const COUNTRIES: Record<string, string> = {
  US: 'United States',
  CA: 'Canada',
  GB: 'United Kingdom',
  FR: 'France',
  NL: 'Netherlands',
  JP: 'Japan',
  IN: 'India',
  SG: 'Singapore',
  BR: 'Brazil',
  AU: 'Australia',
  DE: 'Germany',
  IE: 'Ireland',
  RO: 'Romania',
  NG: 'Nigeria',
};

const PROVIDER_ASNS = new Map<string, number>();
for (const l of ALL_IPS) if (!PROVIDER_ASNS.has(l.provider)) PROVIDER_ASNS.set(l.provider, 64_512 + PROVIDER_ASNS.size);

const KNOWN = new Map<string, SourceInfo>(
  ALL_IPS.map((l) => [
    l.ip,
    {
      value: l.ip,
      kind: 'public-ip',
      geo: { city: l.city, region: l.subdivision || null, countryCode: l.country, country: COUNTRIES[l.country] ?? null, latitude: null, longitude: null },
      asn: { asn: PROVIDER_ASNS.get(l.provider) ?? 0, organization: l.provider },
    },
  ]),
);

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function classify(value: string): SourceKind {
  if (value === 'AWS Internal') return 'aws-internal';
  if (/^[a-z0-9.-]+\.amazonaws\.com$/.test(value)) return 'aws-service';
  const m = IPV4.exec(value);
  if (!m || m.slice(1).some((o) => Number(o) > 255)) return value.includes(':') ? 'public-ip' : 'invalid';
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private-ip';
  return 'public-ip';
}

export function fakeEnricher(): Enricher & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    sources: [{ name: 'generator ip-table', licence: 'test fixture', path: 'lib/generator/ip-table.ts' }],
    enrich: (values) => {
      calls.push([...values]);
      return Promise.resolve(
        new Map(values.map((v): [string, SourceInfo] => [v, KNOWN.get(v) ?? { value: v, kind: classify(v), geo: null, asn: null }])),
      );
    },
  };
}
