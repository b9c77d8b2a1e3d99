import './engine';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'sqlite/schema.prisma',
  migrations: { path: 'migrations/sqlite' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/pnyx.db' },
});
