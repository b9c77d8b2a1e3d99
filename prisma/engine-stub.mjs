#!/usr/bin/env node
// Stand-in for Prisma's native schema engine, which cannot be downloaded on offline machines.
// `prisma validate` and `prisma format` only need an engine that answers --version; anything else must fail loudly
// instead of silently doing nothing. Migrations are written with tools/migration-sql and applied by scripts/migrate.ts.
if (process.argv.includes('--version')) {
  console.log('schema-engine-cli 0.0.0 (pnyx offline stub)');
  process.exit(0);
}
console.error('pnyx: the Prisma schema engine is not available offline. Use `npm run db:migrate` to apply migrations ' +
  'and `npm run db:diff -- <name>` to write a new one (tools/migration-sql). Set PRISMA_NATIVE_ENGINE=1 to use the real engine.');
process.exit(1);
