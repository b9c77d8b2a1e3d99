// Opens the database named by a URL as a Kysely instance typed by the Prisma schema (core/store/db.ts), after
// applying pending migrations. `file:` → SQLite on one better-sqlite3 connection (sqlite-driver.ts) with its WAL
// checkpoints in a worker (sqlite-checkpointer.ts); `postgres(ql)://` → PostgreSQL on a pg pool (pg-driver.ts), with an
// optional `?schema=` for isolated schemas, `?connection_limit=` for the connections per process (Prisma's name) and
// `?options=` for session settings (libpq's name, e.g. `-c statement_timeout=5000`).
// Everything that reads or writes rows goes through `db.kysely`: the store (sql-store.ts), the scheduler, the ranking.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DB } from './db';
import { migrate } from './migrate';
import { PG_TYPES, pipelinedPgDialect } from './pg-driver';
import { startCheckpointer } from './sqlite-checkpointer';
import { configureSqlite, groupCommitSqliteDialect } from './sqlite-driver';
import { parseDatabaseUrl, quoteIdent, type DatabaseTarget } from './url';

export type Provider = 'sqlite' | 'postgresql';

export interface Db {
  kysely: Kysely<DB>;
  provider: Provider;
  /** Ends every connection (and the SQLite checkpointing worker); safe to call twice. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  log?: Logger;
}

/**
 * Connections per process on PostgreSQL when the URL's connection_limit does not say: two pipelined connections for the
 * store's statements (pg-driver.ts; on the 2-core test machine one or two did equally well) and a pool of four for
 * transactions and other queries, which are few. Several processes stay far below the usual max_connections of 100.
 */
const DEFAULT_CONNECTIONS = 6;

/** How a connection limit splits between pipelined connections and the pool (both at least one). */
export function splitConnections(limit: number): { pipelines: number; pool: number } {
  const pipelines = limit >= 4 ? 2 : 1;
  return { pipelines, pool: Math.max(1, limit - pipelines) };
}

function once(work: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= work());
}

function openSqlite(file: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    configureSqlite(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const stopCheckpointer = startCheckpointer(file);
  const release = once(async () => {
    if (sqlite.open) sqlite.close();
    await stopCheckpointer();
  });
  const kysely = new Kysely<DB>({ dialect: groupCommitSqliteDialect(sqlite, release) });
  // Kysely's destroy() does nothing for a driver that never ran a query: release the connection ourselves too.
  return { kysely, provider: 'sqlite', close: once(async () => (await kysely.destroy(), await release())) };
}

/**
 * Commits do not wait for the server's log flush (fsync): on this project's test machine a flush costs ≈3.5 ms, a
 * battle makes six commits one after another, and with the wait no process met the engine's p99 target of 10 ms. It
 * is the trade SQLite makes here with synchronous=NORMAL: a crash of the database server or its machine may lose the
 * last ≈0.6 s of commits (never a half-written one, and nothing when only Pnyx crashes). `?options=-c
 * synchronous_commit=on` in the URL restores the wait: the URL's options come after this one, and the last wins.
 */
const SESSION_DEFAULTS = '-c synchronous_commit=off';

function openPostgres(target: Extract<DatabaseTarget, { provider: 'postgresql' }>, log: Logger | undefined): Db {
  // Queries name no schema: every session is pointed at the URL's schema, after the URL's own session options.
  const searchPath = target.schema !== null ? `-c search_path=${quoteIdent(target.schema)}` : null;
  const options = [SESSION_DEFAULTS, target.sessionOptions, searchPath].filter(Boolean).join(' ');
  const config = { connectionString: target.connectionString, types: PG_TYPES, options };
  const { pipelines, pool: connectionLimit } = splitConnections(target.connectionLimit ?? DEFAULT_CONNECTIONS);
  const pool = new pg.Pool({ ...config, max: connectionLimit });
  // An idle connection that the server drops must not crash the process; the pool replaces it.
  pool.on('error', (error) => log?.warn({ err: error }, 'an idle PostgreSQL connection failed'));
  const endPool = once(() => pool.end());
  const kysely = new Kysely<DB>({ dialect: pipelinedPgDialect({ config, pipelines, pool, endPool }) });
  // Kysely's destroy() does nothing for a driver that never ran a query: end the pool ourselves too.
  return { kysely, provider: 'postgresql', close: once(async () => (await kysely.destroy(), await endPool())) };
}

/** Opens the database at `url`, applying pending migrations first unless `migrate: false`. */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Db> {
  const target = parseDatabaseUrl(url);
  if (options.migrate ?? true) {
    const result = await migrate(url, options.log ? { log: options.log } : {});
    if (result.applied.length > 0) options.log?.info({ applied: result.applied }, 'database migrated');
  }
  return target.provider === 'sqlite' ? openSqlite(target.file) : openPostgres(target, options.log);
}

/** A unique key refused the row (SQLite's or PostgreSQL's error). */
export function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
