import './engine';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations/postgresql' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/pnyx' },
});
