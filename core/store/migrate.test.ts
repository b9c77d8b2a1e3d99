import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { MIGRATIONS_ROOT, MigrationError, migrate, readMigrations } from './migrate';
import { createStore } from './sql-store';
import { databaseCases } from './test-databases';

const run = promisify(execFile);
const root = join(MIGRATIONS_ROOT, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'pnyx-migrations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  applied_steps_count: number | bigint;
  logs: string | null;
}

async function history(url: string): Promise<HistoryRow[]> {
  const db = await openDatabase(url, { migrate: false });
  try {
    const { rows } = await sql<HistoryRow>`
      SELECT "migration_name", "checksum", "finished_at", "rolled_back_at", "applied_steps_count", "logs"
      FROM "_prisma_migrations" ORDER BY "started_at", "migration_name"`.execute(db.kysely);
    return rows;
  } finally {
    await db.close();
  }
}

/** A private copy of a provider's migrations that a test may edit. */
function copyMigrations(provider: string): string {
  const dir = join(scratch, `${provider}-${Math.random().toString(36).slice(2)}`);
  cpSync(join(MIGRATIONS_ROOT, provider), dir, { recursive: true });
  return dir;
}

for (const db of databaseCases()) {
  describe.skipIf(db.skip)(`migrations on ${db.name}`, () => {
    const shipped = readMigrations(join(MIGRATIONS_ROOT, db.name));

    it('applies every migration to an empty database and records them as Prisma does', async () => {
      const url = await db.fresh();
      const result = await migrate(url);
      expect(result.applied).toEqual(shipped.map((m) => m.name));
      expect(shipped.length).toBeGreaterThan(0);

      const rows = await history(url);
      expect(rows.map((r) => r.migration_name)).toEqual(shipped.map((m) => m.name));
      for (const [i, row] of rows.entries()) {
        const file = readFileSync(join(MIGRATIONS_ROOT, db.name, row.migration_name, 'migration.sql'));
        expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(Number(row.applied_steps_count)).toBe(1);
        expect(shipped[i]?.checksum).toBe(row.checksum);
      }

      // The schema is the one the code is typed against (core/store/db.ts).
      const opened = await openDatabase(url, { migrate: false });
      try {
        expect(await opened.kysely.selectFrom('Battle').select(['id', 'thread', 'leaseOwner', 'leaseUntil', 'categories']).execute()).toEqual([]);
        expect(await opened.kysely.selectFrom('Delivery').selectAll().execute()).toEqual([]);
      } finally {
        await opened.close();
      }
    });

    it('keeps the rows of a database made before the latest migrations', async () => {
      const url = await db.fresh();
      // The database as the first release left it: only the first migration, and rows written then.
      const first = join(scratch, `${db.name}-first-${Math.random().toString(36).slice(2)}`);
      mkdirSync(first);
      cpSync(join(MIGRATIONS_ROOT, db.name, shipped[0]!.name), join(first, shipped[0]!.name), { recursive: true });
      await migrate(url, { dir: first });
      const old = await openDatabase(url, { migrate: false });
      const at = new Date('2026-11-22T08:39:19.579Z');
      try {
        for (const statement of [
          sql`INSERT INTO "User" ("id", "platform", "externalId", "updatedAt") VALUES ('u1', 'telegram', '42', ${at}), ('u2', 'telegram', '43', ${at})`,
          sql`INSERT INTO "Chat" ("id", "platform", "externalId", "title", "settings", "updatedAt") VALUES ('c1', 'telegram', '-100', 'Club', '{"trigger":"all"}', ${at})`,
          sql`INSERT INTO "Model" ("id", "provider", "displayName", "updatedAt") VALUES ('alpha', 'demo', 'Alpha', ${at}), ('beta', 'demo', 'Beta', ${at})`,
          sql`INSERT INTO "Battle" ("id", "token", "chatId", "initiatorId", "modelAId", "modelBId", "status", "voteCount", "votesA", "openedAt")
              VALUES ('b1', 'tok1', 'c1', 'u1', 'alpha', 'beta', 'open', 1, 1, ${at})`,
          sql`INSERT INTO "Turn" ("id", "battleId", "index", "authorId", "prompt", "createdAt") VALUES ('t1', 'b1', 0, 'u1', 'Bonjour ?', ${at})`,
          sql`INSERT INTO "Reply" ("id", "turnId", "side", "modelId", "text", "createdAt") VALUES ('r1', 't1', 'a', 'alpha', 'Salut', ${at})`,
          sql`INSERT INTO "Vote" ("id", "battleId", "voterId", "choice", "createdAt") VALUES ('v1', 'b1', 'u1', 'a', ${at})`,
          sql`INSERT INTO "MessageRef" ("id", "battleId", "chatId", "ref", "role", "createdAt") VALUES ('m1', 'b1', 'c1', '7', 'a', ${at}), ('m2', 'b1', 'c1', '8', 'ballot', ${at})`,
        ]) {
          await statement.execute(old.kysely);
        }
      } finally {
        await old.close();
      }

      const result = await migrate(url);
      expect(result.applied).toEqual(shipped.slice(1).map((m) => m.name));
      const store = createStore(await openDatabase(url, { migrate: false }));
      try {
        expect(await store.getChat('c1')).toMatchObject({ title: 'Club', settings: '{"trigger":"all"}', enabled: true, space: null });
        expect(await store.getBattle('b1')).toMatchObject({ status: 'open', voteCount: 1, openedAt: at, thread: null, leaseOwner: null, leaseUntil: null });
        expect(await store.getMessageRefs('b1')).toEqual([
          { battleId: 'b1', chatId: 'c1', ref: '7', role: 'a', turn: null, part: 0 },
          { battleId: 'b1', chatId: 'c1', ref: '8', role: 'ballot', turn: null, part: 0 },
        ]);
        expect((await store.getBattleByMessageRef('c1', '8'))?.id).toBe('b1');
        expect((await store.getTurns('b1'))[0]).toMatchObject({ prompt: 'Bonjour ?', replies: { a: { text: 'Salut' } } });
        // And the old battle goes on under the new code.
        expect(await store.castVote('b1', 'u2', 'b', { closeAtVotes: 2 })).toEqual({ status: 'counted', voteCount: 2, closed: { tally: { a: 1, b: 1, tie: 0, both_bad: 0 } } });
      } finally {
        await store.close();
      }
    });

    it('is idempotent: a second run applies nothing', async () => {
      const url = await db.fresh();
      await migrate(url);
      const again = await migrate(url);
      expect(again.applied).toEqual([]);
      expect(again.alreadyApplied).toBe(shipped.length);
      expect(await history(url)).toHaveLength(shipped.length);
    });

    it('applies once when two processes start at the same time', async () => {
      const url = await db.fresh();
      const tsx = join(root, 'node_modules', '.bin', 'tsx');
      const start = () =>
        run(tsx, [join(root, 'scripts', 'migrate.ts')], { cwd: root, env: { ...process.env, DATABASE_URL: url } });
      const outputs = await Promise.all([start(), start()]);
      const said = outputs.map((o) => o.stdout);
      expect(said.filter((s) => s.includes(`Applied ${shipped.length} migration(s)`))).toHaveLength(1);
      expect(said.filter((s) => s.includes('is up to date'))).toHaveLength(1);
      expect(await history(url)).toHaveLength(shipped.length);
    });

    it('refuses to go on when an applied migration was edited', async () => {
      const url = await db.fresh();
      const dir = copyMigrations(db.name);
      await migrate(url, { dir });
      appendFileSync(join(dir, shipped[0]!.name, 'migration.sql'), '\n-- edited after it was applied\n');
      const refused = migrate(url, { dir });
      await expect(refused).rejects.toBeInstanceOf(MigrationError);
      await expect(migrate(url, { dir })).rejects.toThrow(/was changed after it was applied/);
    });

    it('rolls back a failing migration, records it as failed and refuses to continue until it is resolved', async () => {
      const url = await db.fresh();
      const dir = copyMigrations(db.name);
      const broken = join(dir, '29990101000000_broken');
      mkdirSync(broken);
      writeFileSync(join(broken, 'migration.sql'), 'CREATE TABLE "Half" ("id" INTEGER);\nSELECT "nope" FROM "Missing";\n');

      await expect(migrate(url, { dir })).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
      const rows = await history(url);
      const failed = rows.find((r) => r.migration_name === '29990101000000_broken');
      expect(failed?.finished_at).toBeNull();
      expect(failed?.logs).toMatch(/Missing/);

      const opened = await openDatabase(url, { migrate: false });
      try {
        // The statement before the failure was undone with it.
        await expect(sql`SELECT * FROM "Half"`.execute(opened.kysely)).rejects.toThrow();
        // Nothing else is applied while the failed row stands.
        await expect(migrate(url, { dir })).rejects.toThrow(/failed earlier[\s\S]*rolled_back_at/);
        // Resolving it as the message says, after fixing the file, lets the fixed migration run.
        await sql`UPDATE "_prisma_migrations" SET "rolled_back_at" = CURRENT_TIMESTAMP WHERE "migration_name" = '29990101000000_broken'`.execute(opened.kysely);
      } finally {
        await opened.close();
      }
      writeFileSync(join(broken, 'migration.sql'), 'CREATE TABLE "Half" ("id" INTEGER);\n');
      const fixed = await migrate(url, { dir });
      expect(fixed.applied).toEqual(['29990101000000_broken']);
    });
  });
}
