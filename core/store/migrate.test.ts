import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { MIGRATIONS_ROOT, MigrationError, migrate, readMigrations } from './migrate';
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
    return await db.prisma.$queryRawUnsafe<HistoryRow[]>(
      'SELECT "migration_name", "checksum", "finished_at", "rolled_back_at", "applied_steps_count", "logs" FROM "_prisma_migrations" ORDER BY "started_at"',
    );
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

      // The schema is usable through the generated client.
      const opened = await openDatabase(url, { migrate: false });
      try {
        expect(await opened.prisma.battle.count()).toBe(0);
      } finally {
        await opened.close();
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
      expect(said.filter((s) => s.includes('Applied 1 migration(s)'))).toHaveLength(1);
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
        await expect(opened.prisma.$queryRawUnsafe('SELECT * FROM "Half"')).rejects.toThrow();
        // Nothing else is applied while the failed row stands.
        await expect(migrate(url, { dir })).rejects.toThrow(/failed earlier[\s\S]*rolled_back_at/);
        // Resolving it as the message says, after fixing the file, lets the fixed migration run.
        await opened.prisma.$executeRawUnsafe(
          `UPDATE "_prisma_migrations" SET "rolled_back_at" = CURRENT_TIMESTAMP WHERE "migration_name" = '29990101000000_broken'`,
        );
      } finally {
        await opened.close();
      }
      writeFileSync(join(broken, 'migration.sql'), 'CREATE TABLE "Half" ("id" INTEGER);\n');
      const fixed = await migrate(url, { dir });
      expect(fixed.applied).toEqual(['29990101000000_broken']);
    });
  });
}
