// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // DuckDB ships a native addon: it must be required at run time, never bundled.
  serverExternalPackages: ['@duckdb/node-api', '@duckdb/node-bindings', 'maxmind'],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() answers 403 with app/forbidden.tsx for pages a role may not open.
  experimental: { authInterrupts: true },
};

module.exports = nextConfig;
