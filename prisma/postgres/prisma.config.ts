// Prisma CLI configuration for the PostgreSQL variant. Run the CLI through
// `node scripts/prisma/prisma.mjs postgres …` (offline engine, this file).
// schema.prisma here is generated from prisma/schema.prisma.
import { defineConfig } from 'prisma/config';

// DATABASE_URL when it names a PostgreSQL database, else the local default.
const DEFAULT_URL = 'postgresql://postgres@127.0.0.1:5432/test';
const fromEnv = process.env.DATABASE_URL;

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: fromEnv && /^postgres(ql)?:\/\//.test(fromEnv) ? fromEnv : DEFAULT_URL },
});
