import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('env', () => {
  it('defaults to the embedded engine with a local data folder', () => {
    const e = parseEnv({});
    expect(e.TRAILSCOPE_ENGINE).toBe('duckdb');
    expect(e.TRAILSCOPE_DATA_DIR).toMatch(/\/data$/);
    expect(e.TRAILSCOPE_API_TOKENS).toEqual([]);
    expect(e.TRAILSCOPE_ATHENA_PARTITIONING).toBe('projected-date');
  });

  it('names every wrong variable in one message', () => {
    expect(() =>
      parseEnv({ TRAILSCOPE_ENGINE: 'postgres', TRAILSCOPE_ATHENA_OUTPUT_LOCATION: 'bucket/x', TRAILSCOPE_ORG_ACCOUNTS: '123,456789012345' }),
    ).toThrow(/TRAILSCOPE_ENGINE[\s\S]*TRAILSCOPE_ORG_ACCOUNTS|TRAILSCOPE_ENGINE[\s\S]*TRAILSCOPE_ATHENA_OUTPUT_LOCATION/);
  });

  it('takes an https Athena endpoint, or http on loopback only (a local Athena)', () => {
    expect(parseEnv({ TRAILSCOPE_ATHENA_ENDPOINT: 'https://vpce-0abc.athena.eu-west-1.vpce.amazonaws.com' }).TRAILSCOPE_ATHENA_ENDPOINT).toBe(
      'https://vpce-0abc.athena.eu-west-1.vpce.amazonaws.com',
    );
    expect(parseEnv({ TRAILSCOPE_ATHENA_ENDPOINT: 'http://127.0.0.1:4599' }).TRAILSCOPE_ATHENA_ENDPOINT).toBe('http://127.0.0.1:4599');
    expect(() => parseEnv({ TRAILSCOPE_ATHENA_ENDPOINT: 'http://athena.example.com' })).toThrow(/TRAILSCOPE_ATHENA_ENDPOINT/);
    expect(() => parseEnv({ TRAILSCOPE_ATHENA_ENDPOINT: 'http://127.0.0.1.example.com' })).toThrow(/TRAILSCOPE_ATHENA_ENDPOINT/);
  });

  it('requires the OIDC client when an issuer is set', () => {
    expect(() => parseEnv({ TRAILSCOPE_OIDC_ISSUER: 'https://idp.example.com' })).toThrow(/TRAILSCOPE_OIDC_CLIENT_ID/);
  });

  it('parses token and account lists', () => {
    const e = parseEnv({ TRAILSCOPE_API_TOKENS: ' aaaaaaaaaaaaaaaa , bbbbbbbbbbbbbbbb ', TRAILSCOPE_ORG_ACCOUNTS: '111122223333,123456789012' });
    expect(e.TRAILSCOPE_API_TOKENS).toEqual(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']);
    expect(e.TRAILSCOPE_ORG_ACCOUNTS).toEqual(['111122223333', '123456789012']);
  });

  it('maps vendor account ids to display names, and names a malformed entry', () => {
    expect(parseEnv({}).TRAILSCOPE_VENDOR_NAMES).toEqual({});
    const e = parseEnv({ TRAILSCOPE_VENDOR_NAMES: '444455556666=Acme Monitoring, 777788889999 = Example Backup Co.' });
    expect(e.TRAILSCOPE_VENDOR_NAMES).toEqual({ '444455556666': 'Acme Monitoring', '777788889999': 'Example Backup Co.' });
    expect(() => parseEnv({ TRAILSCOPE_VENDOR_NAMES: '44445555666=Short id' })).toThrow(/TRAILSCOPE_VENDOR_NAMES/);
    expect(() => parseEnv({ TRAILSCOPE_VENDOR_NAMES: '444455556666' })).toThrow(/TRAILSCOPE_VENDOR_NAMES/);
  });

  it('keeps the audit log a year unless told otherwise; 0 keeps it forever', () => {
    expect(parseEnv({}).TRAILSCOPE_AUDIT_RETENTION_DAYS).toBe(365);
    expect(parseEnv({ TRAILSCOPE_AUDIT_RETENTION_DAYS: ' ' }).TRAILSCOPE_AUDIT_RETENTION_DAYS).toBe(365);
    expect(parseEnv({ TRAILSCOPE_AUDIT_RETENTION_DAYS: '0' }).TRAILSCOPE_AUDIT_RETENTION_DAYS).toBe(0);
    expect(parseEnv({ TRAILSCOPE_AUDIT_RETENTION_DAYS: '90' }).TRAILSCOPE_AUDIT_RETENTION_DAYS).toBe(90);
    expect(() => parseEnv({ TRAILSCOPE_AUDIT_RETENTION_DAYS: '-1' })).toThrow(/TRAILSCOPE_AUDIT_RETENTION_DAYS/);
    expect(() => parseEnv({ TRAILSCOPE_AUDIT_RETENTION_DAYS: '1.5' })).toThrow(/TRAILSCOPE_AUDIT_RETENTION_DAYS/);
    expect(() => parseEnv({ TRAILSCOPE_AUDIT_RETENTION_DAYS: 'forever' })).toThrow(/TRAILSCOPE_AUDIT_RETENTION_DAYS/);
  });
});
