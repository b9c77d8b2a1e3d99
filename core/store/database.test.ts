import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, splitConnections } from './database';
import { newId } from './ids';
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
      connectionLimit: null,
      sessionOptions: null,
    });
    expect(parseDatabaseUrl('postgres://db/pnyx')).toMatchObject({ provider: 'postgresql', schema: null, connectionLimit: null });
    // Prisma's name for the connections per process keeps its meaning.
    expect(parseDatabaseUrl('postgresql://db/pnyx?connection_limit=4&options=-c%20statement_timeout%3D5000')).toEqual({
      provider: 'postgresql',
      connectionString: 'postgresql://db/pnyx',
      schema: null,
      connectionLimit: 4,
      sessionOptions: '-c statement_timeout=5000',
    });
  });

  it('explains what it accepts', () => {
    expect(() => parseDatabaseUrl('mysql://db/pnyx')).toThrow(/file: \(SQLite\) or postgresql:\/\//);
    expect(() => parseDatabaseUrl('file::memory:')).toThrow(/give SQLite a file path/);
    expect(() => parseDatabaseUrl('postgresql://db/pnyx?schema=a;drop')).toThrow(/schema "a;drop" is not allowed/);
    expect(() => parseDatabaseUrl('postgresql://db/pnyx?connection_limit=lots')).toThrow(/connection_limit "lots" must be a whole number/);
    expect(() => parseDatabaseUrl('postgresql://db/pnyx?connection_limit=1')).toThrow(/from 2 to 100/);
  });

  it('splits the connections between pipelined statements and the pool', () => {
    expect(splitConnections(6)).toEqual({ pipelines: 2, pool: 4 });
    expect(splitConnections(4)).toEqual({ pipelines: 2, pool: 2 });
    expect(splitConnections(3)).toEqual({ pipelines: 1, pool: 2 });
    expect(splitConnections(2)).toEqual({ pipelines: 1, pool: 1 });
  });
});

describe('SQLite settings', () => {
  it('creates the folder, migrates, and runs in WAL mode with foreign keys and no blocking busy wait', async () => {
    const file = join(scratch, 'nested', 'folder', 'pnyx.db');
    const db = await openDatabase(`file:${file}`);
    const pragma = async (name: string) => Object.values((await sql<Record<string, unknown>>`PRAGMA ${sql.raw(name)}`.execute(db.kysely)).rows[0]!)[0];
    try {
      expect(existsSync(file)).toBe(true);
      expect(db.provider).toBe('sqlite');
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(1); // NORMAL
      expect(await pragma('foreign_keys')).toBe(1);
      // Another connection's write lock is waited for asynchronously (sqlite-driver.ts), never inside SQLite.
      expect(await pragma('busy_timeout')).toBe(0);
      expect(await db.kysely.selectFrom('User').select('id').execute()).toEqual([]);
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
        await expect(db.kysely.selectFrom('User').select('id').execute()).rejects.toThrow();
      } finally {
        await db.close();
      }
    });

    it('does not lose a write made while another transaction is open and then rolls back', async () => {
      const db = await openDatabase(await kind.fresh());
      try {
        const user = (externalId: string) => ({ id: newId(), platform: 'web', externalId, createdAt: new Date(), updatedAt: new Date() });
        let inside!: () => void;
        const opened = new Promise<void>((resolve) => (inside = resolve));
        const failing = db.kysely
          .transaction()
          .execute(async (tx) => {
            await tx.insertInto('User').values(user('rolled-back')).execute();
            inside();
            await new Promise((resolve) => setTimeout(resolve, 100));
            throw new Error('give up');
          })
          .catch((error: Error) => error.message);
        await opened;
        await db.kysely.insertInto('User').values(user('kept')).execute();
        expect(await failing).toBe('give up');
        const users = await db.kysely.selectFrom('User').select('externalId').execute();
        expect(users.map((u) => u.externalId)).toEqual(['kept']);
      } finally {
        await db.close();
      }
    });

    if (kind.name === 'postgresql') {
      it('keeps the tables of a ?schema= URL in that schema, with the URL\'s own session options too', async () => {
        const url = new URL(await kind.fresh());
        const schema = url.searchParams.get('schema');
        url.searchParams.set('options', '-c statement_timeout=4321');
        const db = await openDatabase(url.toString());
        try {
          const { rows: timeout } = await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(db.kysely);
          expect(timeout[0]?.statement_timeout).toBe('4321ms');
          // Commits do not wait for the log flush unless the URL asks (database.ts SESSION_DEFAULTS).
          const { rows: commit } = await sql<{ synchronous_commit: string }>`SHOW synchronous_commit`.execute(db.kysely);
          expect(commit[0]?.synchronous_commit).toBe('off');
          url.searchParams.set('options', '-c synchronous_commit=on');
          const durable = await openDatabase(url.toString(), { migrate: false });
          try {
            const { rows } = await sql<{ synchronous_commit: string }>`SHOW synchronous_commit`.execute(durable.kysely);
            expect(rows[0]?.synchronous_commit).toBe('on');
          } finally {
            await durable.close();
          }
          await db.kysely.insertInto('User').values({ id: newId(), platform: 'web', externalId: 'in-schema', createdAt: new Date(), updatedAt: new Date() }).execute();
          const { rows } = await sql<{ n: number }>`
            SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = ${schema} AND table_name IN ('User', 'Battle', '_prisma_migrations')`.execute(db.kysely);
          expect(Number(rows[0]?.n)).toBe(3);
          const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(`${schema}.User`)}`.execute(db.kysely);
          expect(Number(counted.rows[0]?.n)).toBe(1);
        } finally {
          await db.close();
        }
      });
    }
  });
}
