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

  describe('Trino engine', () => {
    const trino = { TRAILSCOPE_ENGINE: 'trino', TRAILSCOPE_TRINO_URL: 'https://trino.example.com:8443', TRAILSCOPE_TRINO_CATALOG: 'hive', TRAILSCOPE_TRINO_SCHEMA: 'security' };

    it('names every missing required setting in one message', () => {
      expect(() => parseEnv({ TRAILSCOPE_ENGINE: 'trino' })).toThrow(
        'TRAILSCOPE_ENGINE=trino needs TRAILSCOPE_TRINO_URL, TRAILSCOPE_TRINO_CATALOG, TRAILSCOPE_TRINO_SCHEMA; missing: TRAILSCOPE_TRINO_URL, TRAILSCOPE_TRINO_CATALOG, TRAILSCOPE_TRINO_SCHEMA',
      );
      expect(() => parseEnv({ ...trino, TRAILSCOPE_TRINO_SCHEMA: ' ' })).toThrow(/missing: TRAILSCOPE_TRINO_SCHEMA \(docs\/trino.md\)/);
      // Other engines do not need them.
      expect(parseEnv({ TRAILSCOPE_ENGINE: 'athena' }).TRAILSCOPE_TRINO_URL).toBeUndefined();
    });

    it('fills in the table, user, partitioning and timeout', () => {
      const e = parseEnv(trino);
      expect(e.TRAILSCOPE_TRINO_TABLE).toBe('cloudtrail_logs');
      expect(e.TRAILSCOPE_TRINO_USER).toBe('trailscope');
      expect(e.TRAILSCOPE_TRINO_PARTITIONING).toBe('projected-date');
      expect(e.TRAILSCOPE_TRINO_TIMEOUT_SECONDS).toBe(300);
      expect(e.TRAILSCOPE_TRINO_ALLOW_HTTP).toBe(false);
      expect(e.TRAILSCOPE_TRINO_PASSWORD).toBeUndefined();
    });

    it('takes https, http on loopback, and http elsewhere only when explicitly allowed', () => {
      expect(parseEnv({ ...trino, TRAILSCOPE_TRINO_URL: 'http://127.0.0.1:8080' }).TRAILSCOPE_TRINO_URL).toBe('http://127.0.0.1:8080');
      expect(() => parseEnv({ ...trino, TRAILSCOPE_TRINO_URL: 'http://trino.internal:8080' })).toThrow(/TRAILSCOPE_TRINO_URL: must be https/);
      expect(() => parseEnv({ ...trino, TRAILSCOPE_TRINO_URL: 'http://127.0.0.1.example.com' })).toThrow(/TRAILSCOPE_TRINO_URL/);
      expect(parseEnv({ ...trino, TRAILSCOPE_TRINO_URL: 'http://trino.internal:8080', TRAILSCOPE_TRINO_ALLOW_HTTP: 'true' }).TRAILSCOPE_TRINO_URL).toBe('http://trino.internal:8080');
      expect(() => parseEnv({ ...trino, TRAILSCOPE_TRINO_ALLOW_HTTP: 'yes' })).toThrow(/TRAILSCOPE_TRINO_ALLOW_HTTP: expected true or false/);
      expect(() => parseEnv({ ...trino, TRAILSCOPE_TRINO_URL: 'ftp://trino.example.com' })).toThrow(/TRAILSCOPE_TRINO_URL/);
      expect(() => parseEnv({ ...trino, TRAILSCOPE_TRINO_URL: 'https://me:secret@trino.example.com' })).toThrow(/must not carry credentials/);
    });

    it('sends a password over https only, even where http is allowed', () => {
      expect(parseEnv({ ...trino, TRAILSCOPE_TRINO_PASSWORD: ' s3cret ' }).TRAILSCOPE_TRINO_PASSWORD).toBe(' s3cret ');
      for (const url of ['http://127.0.0.1:8080', 'http://trino.internal:8080']) {
        expect(() => parseEnv({ ...trino, TRAILSCOPE_TRINO_URL: url, TRAILSCOPE_TRINO_ALLOW_HTTP: 'true', TRAILSCOPE_TRINO_PASSWORD: 'x' })).toThrow(
          /TRAILSCOPE_TRINO_PASSWORD: a password is sent over https only/,
        );
      }
    });

    it('checks the CA bundle exists, and that it is for an https server', () => {
      expect(() => parseEnv({ ...trino, TRAILSCOPE_TRINO_CA_FILE: '/nonexistent/ca.pem' })).toThrow(/TRAILSCOPE_TRINO_CA_FILE: file not found \(expected the path of a PEM file/);
      expect(parseEnv({ ...trino, TRAILSCOPE_TRINO_CA_FILE: __filename }).TRAILSCOPE_TRINO_CA_FILE).toBe(__filename);
      expect(() => parseEnv({ ...trino, TRAILSCOPE_TRINO_URL: 'http://localhost:8080', TRAILSCOPE_TRINO_CA_FILE: __filename })).toThrow(/TRAILSCOPE_TRINO_CA_FILE: only used with an https/);
    });

    it('refuses names that are not plain identifiers, and unknown partitionings', () => {
      expect(() => parseEnv({ ...trino, TRAILSCOPE_TRINO_SCHEMA: 'a"; DROP' })).toThrow(/TRAILSCOPE_TRINO_SCHEMA/);
      expect(() => parseEnv({ ...trino, TRAILSCOPE_TRINO_TABLE: 'x.y' })).toThrow(/TRAILSCOPE_TRINO_TABLE/);
      expect(() => parseEnv({ ...trino, TRAILSCOPE_TRINO_USER: 'a\r\nX-Trino-Role: admin' })).toThrow(/TRAILSCOPE_TRINO_USER: at most 128 characters, no control characters/);
      expect(parseEnv({ ...trino, TRAILSCOPE_TRINO_USER: 'svc-trailscope@corp' }).TRAILSCOPE_TRINO_USER).toBe('svc-trailscope@corp');
      expect(() => parseEnv({ ...trino, TRAILSCOPE_TRINO_PARTITIONING: 'daily' })).toThrow(/TRAILSCOPE_TRINO_PARTITIONING/);
    });
  });
});
