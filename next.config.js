// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // DuckDB ships a native addon: it must be required at run time, never bundled.
  serverExternalPackages: ['@duckdb/node-api', '@duckdb/node-bindings', 'maxmind'],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;
