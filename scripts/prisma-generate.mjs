#!/usr/bin/env node
// Generates both Prisma clients (PostgreSQL and SQLite) from the one source schema, offline.
// Why a script: the SQLite schema is derived from prisma/schema.prisma (one source of truth), and the
// Prisma CLI must be pointed at a stub schema engine because it cannot download the native one here
// (see prisma/engine-stub.mjs and prisma.config.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'prisma', 'schema.prisma');
const sqliteSchema = join(root, 'prisma', 'sqlite', 'schema.prisma');

export function deriveSqliteSchema(text) {
  const forbidden = [/@db\.\w+/, /\b(String|Int|Float|Boolean|DateTime|Json|Decimal|BigInt|Bytes)\[\]/, /extensions\s*=/];
  for (const re of forbidden) {
    const m = text.match(re);
    if (m) throw new Error(`prisma/schema.prisma uses "${m[0].trim()}", which SQLite cannot store; keep the schema portable`);
  }
  return (
    '// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs — do not edit.\n' +
    text
      .replace(/provider\s*=\s*"postgresql"/, 'provider = "sqlite"')
      .replace(/output\s*=\s*"\.\.\/core\/store\/generated\/pg"/, 'output   = "../../core/store/generated/sqlite"')
  );
}

function main() {
  if (!existsSync(source)) {
    console.log('prisma-generate: no prisma/schema.prisma yet, nothing to generate');
    return;
  }
  mkdirSync(dirname(sqliteSchema), { recursive: true });
  writeFileSync(sqliteSchema, deriveSqliteSchema(readFileSync(source, 'utf8')));
  const cli = join(root, 'node_modules', 'prisma', 'build', 'index.js');
  for (const config of ['prisma/pg.config.ts', 'prisma/sqlite.config.ts']) {
    execFileSync(process.execPath, [cli, 'generate', '--config', config], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
