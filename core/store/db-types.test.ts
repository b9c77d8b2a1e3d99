// core/store/db.ts is generated from prisma/schema.prisma and checked in: it must be what the generator makes of the
// schema now, or a schema change was made without `npm run db:generate` and the code is typed against old tables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs build script without type declarations
import { DB_TYPES, deriveSqliteSchema, kyselyTypes } from '../../scripts/prisma-generate.mjs';

const root = join(import.meta.dirname, '..', '..');
const schema = readFileSync(join(root, 'prisma', 'schema.prisma'), 'utf8');

describe('Kysely types from the Prisma schema', () => {
  it('are up to date: regenerating core/store/db.ts gives the same file (run npm run db:generate if not)', () => {
    expect(kyselyTypes(schema)).toBe(readFileSync(DB_TYPES, 'utf8'));
  });

  it('map every column and tell what the database fills in from what the code must write', () => {
    const types = kyselyTypes(`
      datasource db { provider = "postgresql" }
      model Thing {
        id        String    @id @default(cuid())
        name      String?
        count     Int       @default(0)
        on        Boolean   @default(true)
        score     Float
        createdAt DateTime  @default(now())
        seenAt    DateTime?
        owner     Owner     @relation(fields: [ownerId], references: [id])
        ownerId   String
        @@index([ownerId])
      }
      model Owner {
        id     String  @id
        things Thing[]
      }
    `) as string;
    expect(types).toContain(`export interface ThingTable {
  id: string;
  name: string | null;
  count: Generated<number>;
  on: ColumnType<boolean | number, boolean | undefined, boolean>;
  score: number;
  createdAt: ColumnType<Date | string, Date, Date>;
  seenAt: ColumnType<Date | string | null, Date | null, Date | null>;
  ownerId: string;
}`);
    expect(types).toContain('export interface DB {\n  Thing: ThingTable;\n  Owner: OwnerTable;\n}');
  });

  it('refuses what SQLite or the generator cannot carry', () => {
    expect(() => kyselyTypes('model A {\n  id String @id\n  data Json\n}')).toThrow(/type Json has no Kysely mapping/);
    expect(() => kyselyTypes('enum Kind {\n  a\n}\nmodel A {\n  id String @id\n}')).toThrow(/enums/);
    expect(() => deriveSqliteSchema('model A {\n  id String @id @db.Uuid\n}')).toThrow(/SQLite cannot store/);
    expect(deriveSqliteSchema(schema)).toMatch(/provider = "sqlite"/);
  });
});
