// Applies pending migrations from prisma/migrations/{postgresql,sqlite} without Prisma's schema engine, which cannot
// run offline (see DEVELOPERS.md). It keeps Prisma's own bookkeeping so `prisma migrate deploy`/`status` on a machine
// with the native engine reads the same history: the `_prisma_migrations` table with Prisma's DDL, the sha256 of each
// migration.sql as checksum, started/finished timestamps, applied_steps_count, and failed rows that block until they
// are resolved. Runners serialise on a lock (Prisma's advisory lock key on PostgreSQL, a write transaction on SQLite),
// so processes starting at once apply each migration once.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Logger } from 'pino';
import { parseDatabaseUrl, quoteIdent } from './url';

export const MIGRATIONS_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'prisma', 'migrations');
/** The key Prisma's schema engine uses for its PostgreSQL advisory lock. */
export const PG_ADVISORY_LOCK_KEY = 72707369;

const PG_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const SELECT_ROWS =
  'SELECT "id", "migration_name", "checksum", "finished_at", "rolled_back_at", "logs" FROM "_prisma_migrations" ORDER BY "started_at", "migration_name"';

export interface Migration {
  /** Folder name: `<UTC timestamp>_<name>`. */
  name: string;
  sql: string;
  /** sha256 of migration.sql, hex — what Prisma stores. */
  checksum: string;
}

export interface MigrateResult {
  provider: 'sqlite' | 'postgresql';
  /** Names of the migrations this call applied, in order. */
  applied: string[];
  /** Migrations that were already applied before this call. */
  alreadyApplied: number;
}

export interface MigrateOptions {
  /** Folder holding this provider's migrations; defaults to prisma/migrations/<provider>. */
  dir?: string;
  log?: Logger;
}

/** A migration history problem a person must resolve; the message says how. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

interface Row {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  logs: string | null;
}

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new MigrationError(`no migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

/** What is left to apply, or a refusal when the recorded history does not match the folder. */
export function pendingMigrations(migrations: Migration[], rows: Row[], dir: string, log?: Logger): Migration[] {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const failed = live.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `migration ${failed.migration_name} failed earlier${failed.logs ? `: ${failed.logs.trim()}` : ''}\n` +
        'No further migration is applied until it is resolved. Fix the database (the failed migration was rolled back ' +
        'on PostgreSQL; check it on SQLite), then mark the row as rolled back and run `npm run db:migrate` again:\n' +
        `  UPDATE "_prisma_migrations" SET "rolled_back_at" = CURRENT_TIMESTAMP WHERE "id" = '${failed.id}';\n` +
        `(on a machine with Prisma's native engine: npx prisma migrate resolve --rolled-back ${failed.migration_name})`,
    );
  }
  const byName = new Map(migrations.map((m) => [m.name, m]));
  const applied = new Set<string>();
  for (const row of live) {
    applied.add(row.migration_name);
    const migration = byName.get(row.migration_name);
    if (!migration) {
      log?.warn({ migration: row.migration_name }, 'database has a migration that is not in the migrations folder');
    } else if (migration.checksum !== row.checksum) {
      throw new MigrationError(
        `migration ${row.migration_name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the ` +
          `database, ${migration.checksum.slice(0, 12)}… in ${join(dir, row.migration_name, 'migration.sql')}).\n` +
          'Applied migrations must not be edited: restore the file from version control and put the change in a new ' +
          'migration (npm run db:diff -- <name>).',
      );
    }
  }
  return migrations.filter((m) => !applied.has(m.name));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How long a runner waits for another one to finish before giving up with a clear message. */
const LOCK_WAIT_MS = 120_000;

async function acquireAdvisoryLock(client: pg.Client, log: Logger | undefined): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let told = false;
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [PG_ADVISORY_LOCK_KEY]);
    if (rows[0]?.locked) return;
    if (Date.now() > deadline) {
      throw new MigrationError(
        `another process has held the migration lock (pg_advisory_lock ${PG_ADVISORY_LOCK_KEY}) for ${LOCK_WAIT_MS / 1000} s; ` +
          'wait for it to finish, or find it in pg_locks (locktype = advisory) if it is stuck',
      );
    }
    if (!told) {
      told = true;
      log?.info('waiting for another process to finish migrating');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function migratePostgres(
  connectionString: string,
  schema: string | null,
  dir: string,
  log: Logger | undefined,
): Promise<MigrateResult> {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString });
  client.on('notice', () => {}); // "already exists, skipping" notices are expected
  await client.connect();
  const applied: string[] = [];
  try {
    await acquireAdvisoryLock(client, log);
    try {
      if (schema !== null) {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
        // Migration SQL names no schema; this puts its tables (and _prisma_migrations) in the URL's schema.
        await client.query(`SET search_path TO ${quoteIdent(schema)}`);
      }
      await client.query(PG_TABLE);
      const rows = (await client.query<Row>(SELECT_ROWS)).rows;
      const pending = pendingMigrations(migrations, rows, dir, log);
      for (const migration of pending) {
        const id = randomUUID();
        await client.query(
          'INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, $3, now(), 0)',
          [id, migration.checksum, migration.name],
        );
        try {
          // No parameters → simple query protocol: the whole file runs as one implicit transaction, so a failing
          // statement rolls back every statement before it.
          await client.query(migration.sql);
        } catch (error) {
          await client.query('UPDATE "_prisma_migrations" SET "logs" = $2 WHERE "id" = $1', [id, errorText(error)]);
          throw new MigrationError(`migration ${migration.name} failed and was rolled back: ${errorText(error)}`);
        }
        await client.query(
          'UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "id" = $1',
          [id],
        );
        applied.push(migration.name);
        log?.info({ migration: migration.name }, 'applied migration');
      }
      return { provider: 'postgresql', applied, alreadyApplied: migrations.length - pending.length };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PG_ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

function migrateSqlite(file: string, dir: string, log: Logger | undefined): MigrateResult {
  const migrations = readMigrations(dir);
  mkdirSync(dirname(file), { recursive: true });
  // A second process waits (busy timeout) for the first one's write transaction instead of failing.
  const db = new Database(file, { timeout: 60_000 });
  const applied: string[] = [];
  let alreadyApplied = migrations.length;
  try {
    db.pragma('journal_mode = WAL');
    // Prisma's table redefinitions need foreign keys off, which SQLite only honours outside a transaction; the
    // foreign_key_check below restores the guarantee before each commit.
    db.pragma('foreign_keys = OFF');
    db.exec(SQLITE_TABLE);
    for (let first = true; ; first = false) {
      // BEGIN IMMEDIATE takes the write lock before reading the history, so two runners never apply the same file.
      db.exec('BEGIN IMMEDIATE');
      try {
        const rows = db.prepare(SELECT_ROWS).all() as Row[];
        const pending = pendingMigrations(migrations, rows, dir, log);
        if (first) alreadyApplied = migrations.length - pending.length;
        const migration = pending[0];
        if (!migration) {
          db.exec('COMMIT');
          break;
        }
        const id = randomUUID();
        const now = () => new Date().toISOString();
        db.prepare(
          'INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES (?, ?, ?, ?, 0)',
        ).run(id, migration.checksum, migration.name, now());
        db.exec('SAVEPOINT pnyx_migration');
        try {
          db.exec(migration.sql);
          const violations = db.prepare('PRAGMA foreign_key_check').all();
          if (violations.length > 0) throw new Error(`foreign key violations after migration: ${JSON.stringify(violations.slice(0, 5))}`);
          db.exec('RELEASE pnyx_migration');
        } catch (error) {
          db.exec('ROLLBACK TO pnyx_migration');
          db.exec('RELEASE pnyx_migration');
          db.prepare('UPDATE "_prisma_migrations" SET "logs" = ? WHERE "id" = ?').run(errorText(error), id);
          db.exec('COMMIT');
          throw new MigrationError(`migration ${migration.name} failed and was rolled back: ${errorText(error)}`);
        }
        db.prepare('UPDATE "_prisma_migrations" SET "finished_at" = ?, "applied_steps_count" = 1 WHERE "id" = ?').run(now(), id);
        db.exec('COMMIT');
        applied.push(migration.name);
        log?.info({ migration: migration.name }, 'applied migration');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    }
    return { provider: 'sqlite', applied, alreadyApplied };
  } finally {
    db.close();
  }
}

/** Applies every pending migration to the database at `url` (file: or postgres(ql)://, optional ?schema=). */
export async function migrate(url: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const target = parseDatabaseUrl(url);
  const dir = options.dir ?? join(MIGRATIONS_ROOT, target.provider);
  if (target.provider === 'sqlite') return migrateSqlite(target.file, dir, options.log);
  return migratePostgres(target.connectionString, target.schema, dir, options.log);
}
