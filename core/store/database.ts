// Opens the database named by a URL with the matching generated Prisma client, after applying pending migrations.
// `file:` → SQLite (core/store/generated/sqlite, @prisma/adapter-better-sqlite3); `postgres(ql)://` → PostgreSQL
// (core/store/generated/pg, @prisma/adapter-pg), with an optional `?schema=` for isolated schemas.
// Both clients come from the same schema, so the SQLite one is typed as the PostgreSQL one: queries must stay portable.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client';
import type { Logger } from 'pino';
import { PrismaClient as PgClient } from './generated/pg/client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { migrate } from './migrate';
import { parseDatabaseUrl, quoteIdent } from './url';

export type PrismaDb = PgClient;
export type Provider = 'sqlite' | 'postgresql';

export interface Db {
  prisma: PrismaDb;
  provider: Provider;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  log?: Logger;
}

/** How long a SQLite writer waits for another process's write lock before failing with SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** Bursts of votes queue for a connection or for the SQLite write lock; wait for them instead of failing at 2 s. */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory['connect']>>;
type SqlTransaction = Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>;

/** A FIFO lock; `run` is cheap when the lock is free. */
function createLock() {
  let tail: Promise<void> = Promise.resolve();
  let held = false;
  const acquire = async (): Promise<() => void> => {
    const previous = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => {
      release = () => {
        held = false;
        resolve();
      };
    });
    await previous;
    held = true;
    return release;
  };
  return {
    acquire,
    async run<T>(work: () => Promise<T>): Promise<T> {
      const release = await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
    get held() {
      return held;
    },
  };
}

/**
 * The better-sqlite3 adapter uses one connection and locks it only for transactions: a query outside a transaction
 * that runs while another call's transaction is open executes INSIDE that transaction, and is lost if that transaction
 * rolls back (a duplicate vote rolls back). This wrapper makes every statement wait for open transactions, so each
 * call is isolated, as on PostgreSQL.
 */
export function serialiseSqlite(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  const lock = createLock();
  const wrap = (inner: SqlDriverAdapter): SqlDriverAdapter => ({
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => lock.run(() => inner.queryRaw(query)),
    executeRaw: (query) => lock.run(() => inner.executeRaw(query)),
    executeScript: (script) => lock.run(() => inner.executeScript(script)),
    async startTransaction(isolationLevel) {
      const release = await lock.acquire();
      let tx: SqlTransaction;
      try {
        tx = await inner.startTransaction(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      let released = false;
      const done = () => {
        if (!released) {
          released = true;
          release();
        }
      };
      const wrapped: SqlTransaction = {
        provider: tx.provider,
        adapterName: tx.adapterName,
        options: tx.options,
        queryRaw: (query) => tx.queryRaw(query),
        executeRaw: (query) => tx.executeRaw(query),
        commit: () => tx.commit().finally(done),
        rollback: () => tx.rollback().finally(done),
        ...(tx.createSavepoint ? { createSavepoint: (name: string) => tx.createSavepoint!(name) } : {}),
        ...(tx.rollbackToSavepoint ? { rollbackToSavepoint: (name: string) => tx.rollbackToSavepoint!(name) } : {}),
        ...(tx.releaseSavepoint ? { releaseSavepoint: (name: string) => tx.releaseSavepoint!(name) } : {}),
      };
      return wrapped;
    },
    ...(inner.getConnectionInfo ? { getConnectionInfo: () => inner.getConnectionInfo!() } : {}),
    dispose: () => inner.dispose(),
  });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
  };
}

async function openSqlite(file: string): Promise<Db> {
  mkdirSync(dirname(file), { recursive: true });
  const adapter = serialiseSqlite(new PrismaBetterSqlite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS }));
  const client = new SqliteClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  const prisma = client as unknown as PrismaDb;
  // WAL lets readers work during a write and, with synchronous=NORMAL, drops the fsync per commit (≈13× faster
  // writes); a crash can lose the last commits but never corrupts the file.
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await prisma.$executeRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  return { prisma, provider: 'sqlite', close: () => prisma.$disconnect() };
}

function openPostgres(connectionString: string, schema: string | null): Db {
  const adapter = new PrismaPg(
    {
      connectionString,
      // Raw queries name no schema: point the session at the URL's schema too.
      ...(schema !== null ? { options: `-c search_path=${quoteIdent(schema)}` } : {}),
    },
    schema !== null ? { schema } : undefined,
  );
  const prisma = new PgClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  return { prisma, provider: 'postgresql', close: () => prisma.$disconnect() };
}

/** Opens the database at `url`, applying pending migrations first unless `migrate: false`. */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Db> {
  const target = parseDatabaseUrl(url);
  if (options.migrate ?? true) {
    const result = await migrate(url, options.log ? { log: options.log } : {});
    if (result.applied.length > 0) options.log?.info({ applied: result.applied }, 'database migrated');
  }
  return target.provider === 'sqlite' ? openSqlite(target.file) : openPostgres(target.connectionString, target.schema);
}
