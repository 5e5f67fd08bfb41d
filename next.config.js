// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // DuckDB ships a native addon: it must be required at run time, never bundled.
  serverExternalPackages: ['@duckdb/node-api', '@duckdb/node-bindings', 'maxmind'],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx for pages a role may not open.
    authInterrupts: true,
    // proxy.ts runs in front of every route, and Next hands a route only the first
    // proxyClientMaxBodySize bytes of a body (10 MB by default), silently. This must exceed the
    // largest upload a route accepts (lib/http/body-limits.ts: 50 MB plus multipart framing), so
    // the route sees a larger body as too large (413) rather than as a truncated file.
    proxyClientMaxBodySize: 51 * 1024 * 1024,
  },
};

module.exports = nextConfig;
