// Prisma CLI configuration for the SQLite variant (the default database).
// Run the CLI through `node scripts/prisma/prisma.mjs sqlite …`: it points
// PRISMA_SCHEMA_ENGINE_BINARY at the offline engine (prisma/engine/) and picks
// this file. The PostgreSQL variant is prisma/postgres/prisma.config.ts.
import { defineConfig } from 'prisma/config';

// DATABASE_URL when it names a SQLite file, else the default, so that
// `generate` works with no environment and a PostgreSQL DATABASE_URL is never
// handed to the SQLite schema.
const DEFAULT_URL = 'file:./data/portico.db';
const fromEnv = process.env.DATABASE_URL;

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: fromEnv?.startsWith('file:') ? fromEnv : DEFAULT_URL },
});
