import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_IPS, IP_TABLE, type IpName } from '@/lib/generator/ip-table';
import { bundledCityFiles } from './bundled-data';
import { classifySource } from './classify-source';
import { createEnricher } from './enricher';
import { formatIpv4 } from './ip-address';

/**
 * Where the bundled DB-IP Lite data (2026-06) names a different city from the GeoLite2 lookup
 * the generator's table records. Countries all agree; these are the two databases' opinions,
 * kept here in the open so a data update that changes them is noticed.
 */
const DBIP_CITY_DIFFERENCES: Partial<Record<IpName, string>> = {
  bellevueHome3: 'Seattle',
  seattle2: 'Burien',
  carrollton1: 'The Colony',
  london1: 'London',
  london2: 'London',
  tokyo1: 'Shibuya City',
};

/** Informal provider labels in the table whose ASN organisation is spelled otherwise. */
const ORGANIZATION_PATTERNS: Record<string, RegExp> = {
  Amazon: /^Amazon/,
  Comcast: /^Comcast/,
  Microsoft: /^Microsoft/,
  Charter: /^Charter/,
  Frontier: /^Frontier/,
  Rogers: /^Rogers/,
  'ACT Fibernet': /^Atria Convergence/,
  // AS28573 is Claro's; the table's label is the informal one.
  'Telefonica Brasil': /^Claro/,
  // RCS & RDS renamed itself DIGI.
  'RCS & RDS': /^DIGI ROMANIA/,
  'MTN Nigeria': /^MTN NIGERIA/i,
  'Deutsche Telekom': /^Deutsche Telekom/,
  DigitalOcean: /^DigitalOcean/,
  OVH: /^OVH/,
  // AS27699, Telefonica Brasil, whose consumer brand is Vivo.
  Vivo: /^TELEFONICA BRASIL/,
};

describe('enricher over the bundled data', () => {
  const enricher = createEnricher();

  it('places every generator IP in its stated country, and in its city unless listed as a difference', async () => {
    const result = await enricher.enrich(ALL_IPS.map((l) => l.ip));
    const wrong: string[] = [];
    for (const [name, l] of Object.entries(IP_TABLE) as [IpName, (typeof IP_TABLE)[IpName]][]) {
      const geo = result.get(l.ip)?.geo;
      const city = DBIP_CITY_DIFFERENCES[name] ?? l.city;
      if (geo?.countryCode !== l.country || geo.city !== city) {
        wrong.push(`${name} ${l.ip}: expected ${l.country}/${city}, got ${geo?.countryCode}/${geo?.city}`);
      }
      expect(geo?.latitude).toEqual(expect.any(Number));
    }
    expect(wrong).toEqual([]);
  });

  it('names the network of every generator IP', async () => {
    const result = await enricher.enrich(ALL_IPS.map((l) => l.ip));
    for (const l of ALL_IPS) {
      const pattern = ORGANIZATION_PATTERNS[l.provider];
      expect(pattern, `no pattern for ${l.provider}`).toBeDefined();
      expect(result.get(l.ip)?.asn?.organization, l.ip).toMatch(pattern ?? /$^/);
    }
    expect((await enricher.enrich(['3.120.181.40'])).get('3.120.181.40')?.asn).toEqual({
      asn: 16509,
      organization: 'Amazon.com, Inc.',
    });
  });

  it('looks up IPv6 in the IPv6 files', async () => {
    const result = await enricher.enrich(['2a05:d014::1', '2600:1f18::1', '2001:4860:4860::8888']);
    expect(result.get('2a05:d014::1')).toMatchObject({ kind: 'public-ip', geo: { countryCode: 'DE' }, asn: { asn: 16509 } });
    expect(result.get('2600:1f18::1')).toMatchObject({ geo: { countryCode: 'US' }, asn: { organization: 'Amazon.com, Inc.' } });
    expect(result.get('2001:4860:4860::8888')?.asn?.organization).toBe('Google LLC');
  });

  it('dedupes, and never looks up what is not a public IP', async () => {
    const values = ['ec2.amazonaws.com', 'AWS Internal', '10.1.2.3', '::1', '253.252.51.07', '2001:db8::1', '8.8.8.8', '8.8.8.8'];
    const result = await enricher.enrich(values);
    expect(result.size).toBe(7);
    expect(result.get('ec2.amazonaws.com')).toEqual({ value: 'ec2.amazonaws.com', kind: 'aws-service', geo: null, asn: null });
    expect(result.get('10.1.2.3')).toEqual({ value: '10.1.2.3', kind: 'private-ip', geo: null, asn: null, range: 'private (RFC 1918)' });
    expect(result.get('253.252.51.07')?.kind).toBe('invalid');
    expect(result.get('2001:db8::1')).toMatchObject({ kind: 'public-ip', geo: null, asn: null });
    expect(result.get('8.8.8.8')).toMatchObject({ kind: 'public-ip', geo: { countryCode: 'US' }, asn: { asn: 15169 } });
  });

  it('lists its databases with their licences', () => {
    expect(enricher.sources.map((s) => s.licence)).toEqual([
      'IP geolocation by DB-IP (https://db-ip.com), CC BY 4.0',
      expect.stringMatching(/RouteViews.*NRO.*DB-IP.*CC BY 4\.0/),
    ]);
  });

  it('enriches 10,000 distinct public IPs well under a second once loaded', async () => {
    const ips = new Set<string>();
    let seed = 0x2545f491;
    while (ips.size < 12_000) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const ip = formatIpv4(seed);
      if (classifySource(ip).kind === 'public-ip') ips.add(ip);
    }
    const all = [...ips];
    const fresh = createEnricher();
    // The databases are loaded once per process already; a first, separate batch warms the JIT.
    await fresh.enrich(all.slice(10_000));
    const started = performance.now();
    const result = await fresh.enrich(all.slice(0, 10_000));
    const elapsed = performance.now() - started;
    const located = [...result.values()].filter((r) => r.geo !== null).length;
    const rssMb = Math.round(process.memoryUsage().rss / 1e6);
    console.log(
      `enrich 10,000 IPv4: ${elapsed.toFixed(0)} ms (${Math.round(10_000 / (elapsed / 1000))}/s), ${located} located, RSS ${rssMb} MB`,
    );
    expect(result.size).toBe(10_000);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('user-supplied databases', () => {
  const garbage = path.join(mkdtempSync(path.join(tmpdir(), 'trailscope-geoip-')), 'GeoLite2-City.mmdb');
  writeFileSync(garbage, 'not a maxmind database');

  it('names the variable when the City file is not an mmdb', async () => {
    await expect(createEnricher({ cityDbPath: garbage }).enrich(['8.8.8.8'])).rejects.toThrow(
      /TRAILSCOPE_GEOIP_CITY_DB \(.*GeoLite2-City\.mmdb\) could not be opened as a MaxMind \.mmdb database/,
    );
  });

  it('names the variable when the ASN file is the wrong kind of database', async () => {
    await expect(createEnricher({ asnDbPath: bundledCityFiles().ipv4 }).enrich(['8.8.8.8'])).rejects.toThrow(
      /TRAILSCOPE_GEOIP_ASN_DB \(.*\) is a "city ipv4" database; expected an ASN database/,
    );
  });

  it('opens nothing for a batch without public IPs', async () => {
    const result = await createEnricher({ cityDbPath: garbage }).enrich(['10.0.0.1', 'ec2.amazonaws.com']);
    expect(result.get('10.0.0.1')?.kind).toBe('private-ip');
  });

  it('uses one file for both families, and an IPv4-only file answers nothing for IPv6', async () => {
    const enricher = createEnricher({ cityDbPath: bundledCityFiles().ipv4 });
    expect(enricher.sources[0]).toMatchObject({ name: expect.stringContaining('TRAILSCOPE_GEOIP_CITY_DB') });
    const result = await enricher.enrich(['5.12.4.71', '2a05:d014::1']);
    expect(result.get('5.12.4.71')?.geo?.city).toBe('Bucharest');
    expect(result.get('2a05:d014::1')?.geo).toBeNull();
  });
});
