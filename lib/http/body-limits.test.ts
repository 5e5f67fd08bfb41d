import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, MULTIPART_OVERHEAD_BYTES } from './body-limits';

describe('request body limits', () => {
  it('the proxy passes every body a route accepts whole: Next cuts a proxied body at proxyClientMaxBodySize (10 MB by default)', () => {
    const config = createRequire(import.meta.url)('../../next.config.js') as { experimental?: { proxyClientMaxBodySize?: number } };
    const proxyLimit = config.experimental?.proxyClientMaxBodySize ?? 10 * 1024 * 1024;
    const largest = Math.max(...Object.values(BODY_LIMITS)) + MULTIPART_OVERHEAD_BYTES;
    // Strictly larger: a body cut at the proxy's limit must still be seen as over the route's.
    expect(proxyLimit).toBeGreaterThan(largest);
  });

  it('states the documented limits', () => {
    expect(BODY_LIMITS).toEqual({ findingsImport: 50 * 1024 * 1024, authorizationDetails: 50 * 1024 * 1024, expectedActions: 256 * 1024, findingTriage: 128 * 1024, userChange: 4 * 1024, webhookChange: 8 * 1024 });
  });
});
