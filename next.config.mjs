/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) with tsc; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['argon2', 'better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg'],
  // Security headers (CSP with nonces, framing, HSTS) are set by the production server in front
  // of Next: lib/server/security-headers.ts.
};

export default nextConfig;
