#!/usr/bin/env node
// Derives what the code needs from the one schema, prisma/schema.prisma (PostgreSQL is its provider):
// - prisma/sqlite/schema.prisma, the same models for SQLite (npm run db:diff writes both databases' migrations from
//   them; `npx prisma validate --config prisma/sqlite.config.ts` checks it);
// - core/store/db.ts, the tables as Kysely types, which the store and every other query are written against.
// Why our own generator rather than prisma-kysely: that one pulls @prisma/internals (the engines and a download step
// that cannot run offline, tens of MB) to read a schema file whose model syntax this project keeps simple.
// `npm install` derives the SQLite schema (no Prisma client is generated any more); `npm run db:generate` also
// rewrites core/store/db.ts, which is checked in (core/store/db-types.test.ts checks it matches the schema).
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'prisma', 'schema.prisma');
const sqliteSchema = join(root, 'prisma', 'sqlite', 'schema.prisma');
export const DB_TYPES = join(root, 'core', 'store', 'db.ts');

export function deriveSqliteSchema(text) {
  const forbidden = [/@db\.\w+/, /\b(String|Int|Float|Boolean|DateTime|Json|Decimal|BigInt|Bytes)\[\]/, /extensions\s*=/];
  for (const re of forbidden) {
    const m = text.match(re);
    if (m) throw new Error(`prisma/schema.prisma uses "${m[0].trim()}", which SQLite cannot store; keep the schema portable`);
  }
  return '// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs — do not edit.\n' + text.replace(/provider\s*=\s*"postgresql"/, 'provider = "sqlite"');
}

/** The models of a schema: name, and scalar fields with type, optionality and attributes (relation fields left out). */
export function readModels(text) {
  const models = [];
  const names = new Set([...text.matchAll(/^\s*model\s+(\w+)\s*\{/gm)].map((m) => m[1]));
  const enums = [...text.matchAll(/^\s*enum\s+(\w+)/gm)].map((m) => m[1]);
  if (enums.length) throw new Error(`enums (${enums.join(', ')}) are not used in this project: store strings checked by zod (core/store/values.ts)`);
  for (const block of text.matchAll(/^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm)) {
    const fields = [];
    for (const raw of block[2].split('\n')) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      if (!line || line.startsWith('@@')) continue;
      const m = line.match(/^(\w+)\s+(\w+)(\[\]|\?)?\s*(.*)$/);
      if (!m) throw new Error(`model ${block[1]}: cannot read the field line "${line}"`);
      const [, name, type, modifier, attributes] = m;
      if (names.has(type)) continue; // a relation: its foreign key is a scalar field of its own
      if (modifier === '[]') throw new Error(`model ${block[1]}.${name}: scalar lists are not portable to SQLite`);
      fields.push({ name, type, optional: modifier === '?', attributes });
    }
    models.push({ name: block[1], fields });
  }
  return models;
}

// Booleans and dates read back differently on the two databases (Prisma's SQLite encoding: 1/0, ISO-8601 text with
// "+00:00"); the drivers encode what is written (core/store/sqlite-driver.ts, pg-driver.ts), and core/store/rows.ts
// reads both forms.
const SCALARS = {
  String: { select: 'string', write: 'string' },
  Int: { select: 'number', write: 'number' },
  Float: { select: 'number', write: 'number' },
  Boolean: { select: 'boolean | number', write: 'boolean' },
  DateTime: { select: 'Date | string', write: 'Date' },
};

function columnType(model, field) {
  const scalar = SCALARS[field.type];
  if (!scalar) throw new Error(`model ${model}.${field.name}: type ${field.type} has no Kysely mapping in scripts/prisma-generate.mjs`);
  const nullable = field.optional ? ' | null' : '';
  const select = `${scalar.select}${nullable}`;
  const write = `${scalar.write}${nullable}`;
  // A database default makes the column optional on insert. Prisma computes cuid() and now() itself (the database has
  // no such default), and so does the store: now() is written by the store in Prisma's format, which SQLite's
  // CURRENT_TIMESTAMP is not, so that text comparisons of dates keep working.
  const dbDefault = /@default\((?!cuid\(\)|uuid\(\)|now\(\))/.test(field.attributes);
  const insert = dbDefault ? `${write} | undefined` : write;
  if (select === write && !dbDefault) return write;
  if (select === write) return `Generated<${write}>`;
  return `ColumnType<${select}, ${insert}, ${write}>`;
}

/** core/store/db.ts for a schema's text. */
export function kyselyTypes(text) {
  const models = readModels(text);
  const lines = [
    '// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs (npm run db:generate) — do not edit.',
    '// The tables as Prisma\'s migrations create them, for Kysely. Booleans read as true/false on PostgreSQL and 1/0 on',
    '// SQLite, dates as Date on PostgreSQL and ISO-8601 text on SQLite; both are written as boolean and Date (the drivers,',
    '// core/store/sqlite-driver.ts and pg-driver.ts, encode them as Prisma did). core/store/rows.ts reads either form.',
    '',
  ];
  const body = models.map((model) => [
    `export interface ${model.name}Table {`,
    ...model.fields.map((field) => `  ${field.name}: ${columnType(model.name, field)};`),
    '}',
    '',
  ].join('\n'));
  const used = body.join('');
  const imports = ['ColumnType', 'Generated'].filter((name) => used.includes(`${name}<`));
  if (imports.length) lines.push(`import type { ${imports.join(', ')} } from 'kysely';`, '');
  lines.push(...body);
  lines.push('export interface DB {', ...models.map((m) => `  ${m.name}: ${m.name}Table;`), '}', '');
  return lines.join('\n');
}

function main(argv) {
  if (!existsSync(source)) {
    console.log('prisma-generate: no prisma/schema.prisma yet, nothing to generate');
    return;
  }
  const text = readFileSync(source, 'utf8');
  mkdirSync(dirname(sqliteSchema), { recursive: true });
  writeFileSync(sqliteSchema, deriveSqliteSchema(text));
  if (argv.includes('--sqlite-only')) return;
  writeFileSync(DB_TYPES, kyselyTypes(text));
  console.log('prisma-generate: wrote prisma/sqlite/schema.prisma and core/store/db.ts');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
