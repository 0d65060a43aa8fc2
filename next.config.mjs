/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tests included) with tsc; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['argon2', 'better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg'],
  // Sign-in and consent must never be framed by another site (clickjacking: a hidden
  // "Allow" button under a decoy page). RFC 6749 §10.13, OWASP clickjacking defense.
  async headers() {
    const noFraming = [
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
    ];
    return [
      { source: '/login', headers: noFraming },
      { source: '/consent', headers: noFraming },
    ];
  },
};

export default nextConfig;
