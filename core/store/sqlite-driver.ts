// Kysely on better-sqlite3, built for a bot whose every event writes a little, and which may share its file with
// another process:
// - statements compiled once: Kysely's own driver prepares every call; here they are cached by SQL text;
// - values written as Prisma's SQLite adapter writes them (booleans 1/0, DATETIME as ISO-8601 text with "+00:00",
//   so that text order is time order), so the store, old rows and Prisma-era databases agree;
// - group commit: the writes of one turn of the event loop share one transaction, committed at the end of that turn
//   (setImmediate), and each write's promise resolves once that commit is done. A commit, not a statement, is what
//   costs (the lock handshake and the log write, ≈4× an insert inside a transaction), and a battle makes several
//   writes, so under load many battles share each commit; alone, a write waits for one turn of an idle loop. A write
//   that fails (a unique key) undoes only itself: SQLite backs out the failing statement and keeps the transaction.
//   A Kysely transaction runs as a savepoint inside the group, alone: other callers wait until it ends, so nothing
//   of theirs is rolled back with it;
// - several processes without freezing the event loop: the busy timeout is 0, and a group that finds another
//   connection's write lock waits asynchronously and tries again. Groups begin IMMEDIATE (the lock is taken before
//   anything is read), so they never fail half-way for it.
// Reads run at once, inside the open group if there is one (they see this process's writes that are about to commit).
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/** How long a write waits for another connection's write lock before failing. */
const BUSY_TIMEOUT_MS = 10_000;
/** Distinct statements kept compiled; the store uses about 60, ad-hoc queries take the rest. */
const STATEMENT_CACHE_SIZE = 500;
/**
 * A backstop should the checkpointing worker (sqlite-checkpointer.ts) fall behind: the connection then checkpoints
 * itself, inside a commit, past this many pages (≈160 MB). Under sustained writes the log only restarts from its
 * beginning when a checkpoint finished before the next commit, which the worker rarely manages, so the log grows until
 * this backstop; at 10,000 pages it fired every ~300 battles of bench/engine.ts and froze the event loop for 5–30 ms.
 */
const AUTOCHECKPOINT_PAGES = 40_000;
/** Once the log restarts, its file is cut back to this size, so a burst does not keep 160 MB on disk. */
const LOG_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/** DATETIME as Prisma's SQLite adapter writes it (its default `timestampFormat: 'iso8601'`). */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

/** The connection settings every SQLite connection of the app uses. */
export function configureSqlite(sqlite: Database.Database): void {
  // WAL lets readers work during a write and, with synchronous=NORMAL, drops the fsync per commit (≈13× faster
  // writes); a crash can lose the last commits but never corrupts the file.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 0');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  sqlite.pragma(`journal_size_limit = ${LOG_SIZE_LIMIT_BYTES}`);
}

function encode(parameters: readonly unknown[]): unknown[] {
  const out = new Array<unknown>(parameters.length);
  for (let i = 0; i < parameters.length; i++) {
    const value = parameters[i];
    out[i] = typeof value === 'boolean' ? (value ? 1 : 0) : value instanceof Date ? sqliteDate(value) : value === undefined ? null : value;
  }
  return out;
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';
}

export const isSqliteBusy = (error: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(errorCode(error));

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/** What Kysely gets from acquireConnection: one per query or transaction, so the core knows who runs a transaction. */
class Session implements DatabaseConnection {
  /** `open` between a transaction's BEGIN and its COMMIT or ROLLBACK. */
  transaction: 'none' | 'open' | 'ended' = 'none';

  constructor(readonly core: GroupCommitConnection) {}

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return this.core.execute<R>(compiled, this);
  }

  // eslint-disable-next-line require-yield -- nothing here streams
  async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error('streaming is not supported on SQLite here');
  }
}

class GroupCommitConnection {
  readonly #statements = new Map<string, Database.Statement>();
  /** Callers whose writes are in the open group, resolved (or rejected) with its commit; null when no group is open. */
  #group: Waiter[] | null = null;
  #opening: Promise<void> | null = null;
  #commitScheduled = false;
  /** The session whose transaction (a savepoint in the group) runs now; everyone else waits for it. */
  #owner: Session | null = null;
  #turns: Array<() => void> = [];

  constructor(readonly sqlite: Database.Database) {}

  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.delete(this.#statements.keys().next().value!);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #run<R>(statement: Database.Statement, compiled: CompiledQuery): QueryResult<R> {
    const parameters = encode(compiled.parameters);
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), rows: [] };
  }

  /**
   * Resolves at the next end of a transaction. Callers loop on their own condition and act right after it holds,
   * with no await in between: another caller may take the turn in any microtask gap.
   */
  #nextTurn(): Promise<void> {
    return new Promise<void>((resolve) => this.#turns.push(resolve));
  }

  #busyFor(session: Session): boolean {
    return this.#owner !== null && this.#owner !== session;
  }

  #endTurn(): void {
    this.#owner = null;
    // Everyone waiting re-checks; the first to run may start the next transaction, the others queue again.
    for (const wake of this.#turns.splice(0)) wake();
    if (this.#group && !this.#commitScheduled) this.#scheduleCommit();
  }

  /** Opens the group's transaction, waiting (without blocking the event loop) for another connection's write lock. */
  #open(): Promise<void> | void {
    if (this.#group) return;
    if (this.#opening) return this.#opening;
    try {
      this.sqlite.exec('BEGIN IMMEDIATE');
      this.#group = [];
      return;
    } catch (error) {
      if (!isSqliteBusy(error)) throw error;
    }
    this.#opening = (async () => {
      const deadline = Date.now() + BUSY_TIMEOUT_MS;
      for (let attempt = 0; ; attempt++) {
        await sleep(Math.min(1 + attempt, 20));
        try {
          this.sqlite.exec('BEGIN IMMEDIATE');
          this.#group = [];
          return;
        } catch (error) {
          if (!isSqliteBusy(error) || Date.now() > deadline) throw error;
        }
      }
    })().finally(() => {
      this.#opening = null;
    });
    return this.#opening;
  }

  #scheduleCommit(): void {
    this.#commitScheduled = true;
    setImmediate(() => {
      this.#commitScheduled = false;
      // A transaction in the middle of its statements commits the group when it ends (#endTurn).
      if (this.#owner === null) this.#commit();
    });
  }

  #commit(): void {
    const waiters = this.#group;
    if (!waiters) return;
    this.#group = null;
    try {
      this.sqlite.exec('COMMIT');
    } catch (error) {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      for (const waiter of waiters) waiter.reject(error);
      return;
    }
    for (const waiter of waiters) waiter.resolve();
  }

  /** An error that ended the whole transaction (a full disk, an I/O error): every write of the group is lost. */
  #checkGroupAlive(error: unknown): void {
    if (!this.#group || this.sqlite.inTransaction) return;
    const waiters = this.#group;
    this.#group = null;
    for (const waiter of waiters) waiter.reject(error);
  }

  /** Resolves once the group that holds this caller's writes has committed. */
  #afterCommit(): Promise<void> {
    const group = this.#group;
    if (!group) return Promise.reject(new Error('the transaction holding this write ended before it committed'));
    const done = new Promise<void>((resolve, reject) => group.push({ resolve, reject }));
    if (!this.#commitScheduled && this.#owner === null) this.#scheduleCommit();
    return done;
  }

  async execute<R>(compiled: CompiledQuery, session: Session): Promise<QueryResult<R>> {
    const statement = this.#statement(compiled.sql);
    for (;;) {
      while (this.#busyFor(session)) await this.#nextTurn();
      if (statement.readonly) return this.#run<R>(statement, compiled);
      const opening = this.#open();
      if (!opening) break;
      await opening;
    }
    let result: QueryResult<R>;
    try {
      result = this.#run<R>(statement, compiled);
    } catch (error) {
      this.#checkGroupAlive(error);
      throw error;
    }
    // Inside a transaction the caller's COMMIT waits for the group; a lone write waits here.
    if (session.transaction !== 'open') await this.#afterCommit();
    return result;
  }

  async begin(session: Session): Promise<void> {
    while (this.#busyFor(session)) await this.#nextTurn();
    this.#owner = session;
    try {
      await this.#open();
      this.sqlite.exec('SAVEPOINT pnyx_transaction');
    } catch (error) {
      this.#endTurn();
      throw error;
    }
    session.transaction = 'open';
  }

  async commit(session: Session): Promise<void> {
    if (session.transaction !== 'open') return;
    session.transaction = 'ended';
    try {
      this.sqlite.exec('RELEASE pnyx_transaction');
    } catch (error) {
      this.#checkGroupAlive(error);
      this.#endTurn();
      throw error;
    }
    const committed = this.#afterCommit();
    this.#endTurn();
    await committed;
  }

  rollback(session: Session): void {
    if (session.transaction !== 'open') return;
    session.transaction = 'ended';
    try {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK TO pnyx_transaction; RELEASE pnyx_transaction');
    } finally {
      this.#checkGroupAlive(new Error('the transaction ended with an error'));
      this.#endTurn();
    }
  }

  /** Commits what is pending and closes the connection. */
  close(): void {
    if (this.#group && this.#owner === null) this.#commit();
    if (this.sqlite.open) this.sqlite.close();
  }
}

class GroupCommitDriver implements Driver {
  readonly #connection: GroupCommitConnection;

  constructor(
    sqlite: Database.Database,
    private readonly onDestroy: () => Promise<void>,
  ) {
    this.#connection = new GroupCommitConnection(sqlite);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Session(this.#connection);
  }

  async beginTransaction(session: DatabaseConnection): Promise<void> {
    await this.#connection.begin(session as Session);
  }

  async commitTransaction(session: DatabaseConnection): Promise<void> {
    await this.#connection.commit(session as Session);
  }

  async rollbackTransaction(session: DatabaseConnection): Promise<void> {
    this.#connection.rollback(session as Session);
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.#connection.close();
    await this.onDestroy();
  }
}

/** A Kysely dialect over an open better-sqlite3 connection; `onDestroy` runs after Kysely's destroy() closed it. */
export function groupCommitSqliteDialect(sqlite: Database.Database, onDestroy: () => Promise<void>): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new GroupCommitDriver(sqlite, onDestroy),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}
