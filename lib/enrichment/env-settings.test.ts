import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { bundledCityFiles } from './bundled-data';

describe('GeoIP settings', () => {
  it('are optional', () => {
    const e = parseEnv({});
    expect(e.TRAILSCOPE_GEOIP_CITY_DB).toBeUndefined();
    expect(e.TRAILSCOPE_GEOIP_ASN_DB).toBeUndefined();
  });

  it('name the variable when the file does not exist', () => {
    expect(() => parseEnv({ TRAILSCOPE_GEOIP_CITY_DB: '/nonexistent/GeoLite2-City.mmdb' })).toThrow(
      /TRAILSCOPE_GEOIP_CITY_DB: file not found/,
    );
    expect(() => parseEnv({ TRAILSCOPE_GEOIP_ASN_DB: '/nonexistent/GeoLite2-ASN.mmdb' })).toThrow(
      /TRAILSCOPE_GEOIP_ASN_DB: file not found/,
    );
  });

  it('resolve an existing file to an absolute path', () => {
    const file = bundledCityFiles().ipv4;
    expect(parseEnv({ TRAILSCOPE_GEOIP_CITY_DB: ` ${file} ` }).TRAILSCOPE_GEOIP_CITY_DB).toBe(file);
  });
});
