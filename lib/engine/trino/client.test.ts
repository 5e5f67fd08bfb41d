import { describe, expect, it } from 'vitest';
import { openTrino } from './client';

describe('openTrino', () => {
  it('adapts the installed trino-client (its per-client axios config is where the hooks go)', () => {
    // If an upgrade moves the config, openTrino throws here, not on a user's first query.
    const controller = new AbortController();
    const trino = openTrino({ url: 'http://127.0.0.1:1', catalog: 'hive', schema: 's', table: 't', partitioning: 'none' }, { signal: controller.signal, requestTimeoutMs: 5 });
    const config = (trino as unknown as { client: { clientConfig: { signal: AbortSignal; timeout: number; transformResponse: ((d: unknown) => unknown)[]; headers: Record<string, string> } } }).client.clientConfig;
    expect(config.signal).toBe(controller.signal);
    expect(config.timeout).toBe(5);
    expect(config.transformResponse[0]?.('{"id":"q","data":[[9007199254740993]]}')).toEqual({ id: 'q', data: [['9007199254740993']] });
    expect(config.transformResponse[0]?.('<html>not json</html>')).toBe('<html>not json</html>');
    expect(config.headers).toMatchObject({ 'X-Trino-User': 'trailscope', 'X-Trino-Source': 'trailscope', 'X-Trino-Catalog': 'hive', 'X-Trino-Schema': 's' });
  });

  it('authenticates as the configured user when a password is set', () => {
    const trino = openTrino({ url: 'https://trino.example.com', catalog: 'hive', schema: 's', table: 't', partitioning: 'none', user: 'analyst', password: 'pw', ca: '-----BEGIN CERTIFICATE-----' });
    const config = (trino as unknown as { client: { clientConfig: { auth: unknown; headers: Record<string, string> } } }).client.clientConfig;
    expect(config.auth).toEqual({ username: 'analyst', password: 'pw' });
    expect(config.headers['X-Trino-User']).toBe('analyst');
  });
});
