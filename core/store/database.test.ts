import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { databaseCases } from './test-databases';
import { parseDatabaseUrl } from './url';

const scratch = mkdtempSync(join(tmpdir(), 'pnyx-db-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('database URLs', () => {
  it('tells SQLite from PostgreSQL and takes the schema out of the PostgreSQL URL', () => {
    expect(parseDatabaseUrl('file:/var/pnyx/pnyx.db')).toEqual({ provider: 'sqlite', file: '/var/pnyx/pnyx.db' });
    expect(parseDatabaseUrl('postgresql://u:p@db:5432/pnyx?schema=tenant_1&sslmode=require')).toEqual({
      provider: 'postgresql',
      connectionString: 'postgresql://u:p@db:5432/pnyx?sslmode=require',
      schema: 'tenant_1',
    });
    expect(parseDatabaseUrl('postgres://db/pnyx')).toMatchObject({ provider: 'postgresql', schema: null });
  });

  it('explains what it accepts', () => {
    expect(() => parseDatabaseUrl('mysql://db/pnyx')).toThrow(/file: \(SQLite\) or postgresql:\/\//);
    expect(() => parseDatabaseUrl('file::memory:')).toThrow(/give SQLite a file path/);
    expect(() => parseDatabaseUrl('postgresql://db/pnyx?schema=a;drop')).toThrow(/schema "a;drop" is not allowed/);
  });
});

describe('SQLite settings', () => {
  it('creates the folder, migrates, and runs in WAL mode with a busy timeout', async () => {
    const file = join(scratch, 'nested', 'folder', 'pnyx.db');
    const db = await openDatabase(`file:${file}`);
    try {
      expect(existsSync(file)).toBe(true);
      expect(db.provider).toBe('sqlite');
      const [mode] = await db.prisma.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
      expect(mode?.journal_mode).toBe('wal');
      const [sync] = await db.prisma.$queryRawUnsafe<{ synchronous: number | bigint }[]>('PRAGMA synchronous');
      expect(Number(sync?.synchronous)).toBe(1); // NORMAL
      const [busy] = await db.prisma.$queryRawUnsafe<{ timeout: number | bigint }[]>('PRAGMA busy_timeout');
      expect(Number(busy?.timeout)).toBeGreaterThanOrEqual(5_000);
      expect(await db.prisma.user.count()).toBe(0);
    } finally {
      await db.close();
    }
  });
});

for (const kind of databaseCases()) {
  describe.skipIf(kind.skip)(`opening ${kind.name}`, () => {
    it('leaves an empty database alone when asked not to migrate', async () => {
      const db = await openDatabase(await kind.fresh(), { migrate: false });
      try {
        await expect(db.prisma.user.count()).rejects.toThrow();
      } finally {
        await db.close();
      }
    });

    it('does not lose a write made while another transaction is open and then rolls back', async () => {
      const db = await openDatabase(await kind.fresh());
      try {
        let inside!: () => void;
        const opened = new Promise<void>((resolve) => (inside = resolve));
        const failing = db.prisma
          .$transaction(async (tx) => {
            await tx.user.create({ data: { platform: 'web', externalId: 'rolled-back' } });
            inside();
            await new Promise((resolve) => setTimeout(resolve, 100));
            throw new Error('give up');
          })
          .catch((error: Error) => error.message);
        await opened;
        await db.prisma.user.create({ data: { platform: 'web', externalId: 'kept' } });
        expect(await failing).toBe('give up');
        const users = await db.prisma.user.findMany({ select: { externalId: true } });
        expect(users.map((u) => u.externalId)).toEqual(['kept']);
      } finally {
        await db.close();
      }
    });

    if (kind.name === 'postgresql') {
      it('keeps the tables of a ?schema= URL in that schema', async () => {
        const url = await kind.fresh();
        const schema = new URL(url).searchParams.get('schema');
        const db = await openDatabase(url);
        try {
          await db.prisma.user.create({ data: { platform: 'web', externalId: 'in-schema' } });
          const rows = await db.prisma.$queryRawUnsafe<{ n: bigint | number }[]>(
            `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name IN ('User', 'Battle', '_prisma_migrations')`,
            schema,
          );
          expect(Number(rows[0]?.n)).toBe(3);
          const counted = await db.prisma.$queryRawUnsafe<{ n: bigint | number }[]>(
            `SELECT count(*) AS n FROM ${JSON.stringify(schema)}."User"`,
          );
          expect(Number(counted[0]?.n)).toBe(1);
        } finally {
          await db.close();
        }
      });
    }
  });
}
