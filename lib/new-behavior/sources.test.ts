import { describe, expect, it } from 'vitest';
import type { SourceInfo } from '@/lib/enrichment/types';
import type { Observed } from './observations';
import { locationLabel, sourcePanels } from './sources';

const seen = (baselineCalls: number, success: number, failed = 0, firstSeen = '2026-11-18T09:00:00Z'): Observed => ({
  baselineCalls,
  scope: { success, failed },
  firstSeen: success + failed > 0 ? firstSeen : null,
  baselineLastSeen: baselineCalls > 0 ? '2026-11-10T00:00:00Z' : null,
});

const place = (value: string, city: string, region: string, countryCode: string, country: string, asn: number, organization: string): SourceInfo => ({
  value,
  kind: 'public-ip',
  geo: { city, region, countryCode, country, latitude: 1, longitude: 2 },
  asn: { asn, organization },
});

const INFOS = new Map<string, SourceInfo>([
  ['44.223.86.41', place('44.223.86.41', 'Ashburn', 'Virginia', 'US', 'United States', 14618, 'AMAZON-AES')],
  ['98.80.15.122', place('98.80.15.122', 'Ashburn', 'Virginia', 'US', 'United States', 14618, 'AMAZON-AES')],
  ['24.16.42.87', place('24.16.42.87', 'Bellevue', 'Washington', 'US', 'United States', 7922, 'COMCAST-7922')],
  ['5.12.4.71', place('5.12.4.71', 'Bucharest', 'Bucharest', 'RO', 'Romania', 8708, 'RCS & RDS')],
  ['ec2.amazonaws.com', { value: 'ec2.amazonaws.com', kind: 'aws-service', geo: null, asn: null }],
  ['AWS Internal', { value: 'AWS Internal', kind: 'aws-internal', geo: null, asn: null }],
  ['10.0.0.5', { value: '10.0.0.5', kind: 'private-ip', geo: null, asn: null }],
  ['192.0.2.1', { value: '192.0.2.1', kind: 'public-ip', geo: null, asn: null }],
]);

describe('sourcePanels', () => {
  it('a new address in a known place is not a new location; a new place is, with its IPs and calls', () => {
    const ips = new Map<string, Observed>([
      ['44.223.86.41', seen(100, 0)],
      ['98.80.15.122', seen(0, 4)], // new IP, known Ashburn
      ['24.16.42.87', seen(50, 0)],
      ['5.12.4.71', seen(0, 3, 1, '2026-11-18T09:38:51Z')],
    ]);
    const p = sourcePanels(ips, INFOS, true);
    expect(p.newGeolocations).toHaveLength(1);
    expect(p.newGeolocations[0]).toMatchObject({
      label: 'Bucharest, Romania',
      new: true,
      firstSeen: '2026-11-18T09:38:51Z',
      scope: { success: 3, failed: 1 },
      filter: { ips: ['5.12.4.71'] },
    });
    expect(p.knownGeolocations.map((l) => [l.label, l.baselineCalls, l.scope.success])).toEqual([
      ['Ashburn, Virginia, United States', 100, 4],
      ['Bellevue, Washington, United States', 50, 0],
    ]);
    const ashburn = p.knownGeolocations[0];
    expect(ashburn?.ips.map((i) => [i.ip, i.new])).toEqual([
      ['98.80.15.122', true],
      ['44.223.86.41', false],
    ]);
    expect(p.newAsns.map((a) => [a.asn, a.organization])).toEqual([[8708, 'RCS & RDS']]);
    expect(p.knownAsns.map((a) => a.asn)).toEqual([14618, 7922]);
  });

  it('services, AWS Internal and private addresses are reported as such, never located; unknown public IPs are listed', () => {
    const ips = new Map<string, Observed>([
      ['ec2.amazonaws.com', seen(5, 2)],
      ['AWS Internal', seen(0, 1)],
      ['10.0.0.5', seen(1, 0)],
      ['192.0.2.1', seen(0, 2)],
      ['44.223.86.41', seen(10, 0)],
    ]);
    const p = sourcePanels(ips, INFOS, true);
    expect(p.nonIpSources.map((s) => [s.value, s.kind, s.new])).toEqual([
      ['ec2.amazonaws.com', 'aws-service', false],
      ['AWS Internal', 'aws-internal', true],
      ['10.0.0.5', 'private-ip', false],
    ]);
    expect(p.unlocatedIps.map((i) => [i.ip, i.new])).toEqual([['192.0.2.1', true]]);
    expect(p.newGeolocations).toEqual([]);
    expect([...p.knownGeolocations, ...p.newGeolocations].flatMap((l) => l.ips.map((i) => i.ip))).toEqual(['44.223.86.41']);
  });

  it('a value the enricher did not return is an unlocated address, not lost', () => {
    const p = sourcePanels(new Map([['203.0.113.9', seen(0, 1)]]), new Map(), true);
    expect(p.unlocatedIps.map((i) => i.ip)).toEqual(['203.0.113.9']);
  });

  it('without a baseline nothing is new', () => {
    const p = sourcePanels(new Map([['5.12.4.71', seen(0, 3)]]), INFOS, false);
    expect(p.newGeolocations).toEqual([]);
    expect(p.newAsns).toEqual([]);
  });
});

describe('locationLabel', () => {
  it('prints each name once, most specific first', () => {
    expect(locationLabel({ city: 'Singapore', region: null, countryCode: 'SG', country: 'Singapore', latitude: null, longitude: null })).toBe('Singapore');
    expect(locationLabel({ city: null, region: null, countryCode: 'RO', country: null, latitude: null, longitude: null })).toBe('RO');
    expect(locationLabel({ city: null, region: null, countryCode: null, country: null, latitude: null, longitude: null })).toBe('Unknown location');
  });
});
