// Battle's indexes as the store relies on them (migration 20261207064500_partial_battle_indexes): the ones that serve
// lookups of rows where a column is set hold only those rows, so the many updates of every other battle skip them; and
// the statements that find a battle by id keep to its primary key even where the planner has no statistics.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsQuery } from '../ranking/readers/source-db';
import { openDatabase, type Db } from './database';
import { preparedSql } from './prepared';
import { createStore } from './sql-store';
import { databaseCases } from './test-databases';

/** Partial indexes and the condition each keeps to (as the migration writes them; SQLite keeps the text). */
const PARTIAL: Record<string, RegExp> = {
  Battle_leaseOwner_idx: /WHERE\s+\(?"?leaseOwner"?\s+IS NOT NULL\)?/i,
  Battle_leaseUntil_idx: /WHERE\s+\(?"?leaseUntil"?\s+IS NOT NULL\)?/i,
  Battle_status_closesAt_idx: /WHERE\s+\(?"?closesAt"?\s+IS NOT NULL\)?/i,
  Battle_chatId_thread_idx: /WHERE\s+\(?"?thread"?\s+IS NOT NULL\)?/i,
  Battle_campaignId_idx: /WHERE\s+\(?"?campaignId"?\s+IS NOT NULL\)?/i,
  // the leaderboard's covering index: battles with at least one vote
  Battle_identityLeak_ranked_modelAId_modelBId_votesA_votesB: /WHERE\s+\(*"?votesA"?\s*\+\s*"?votesB"?\)?\s*\+\s*"?votesTie"?\)?\s*\+\s*"?votesBothBad"?\)?\s*>\s*0/i,
};

for (const dbCase of databaseCases()) {
  describe.skipIf(dbCase.skip)(`Battle's indexes on ${dbCase.name}`, () => {
    let db: Db;

    beforeAll(async () => {
      db = await openDatabase(await dbCase.fresh());
    });
    afterAll(async () => {
      await db?.close();
    });

    const definitions = async (): Promise<Map<string, string>> => {
      const { rows } =
        dbCase.name === 'postgresql'
          ? await sql<{ name: string; def: string }>`SELECT indexname AS "name", indexdef AS "def" FROM pg_indexes WHERE tablename = 'Battle' AND schemaname = current_schema()`.execute(db.kysely)
          : await sql<{ name: string; def: string }>`SELECT name AS "name", sql AS "def" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Battle' AND sql IS NOT NULL`.execute(db.kysely);
      return new Map(rows.map((r) => [r.name, r.def]));
    };

    it("keeps the indexes of rarely set columns, and the board's, partial (a later migration must not make them whole again)", async () => {
      const defs = await definitions();
      for (const [prefix, condition] of Object.entries(PARTIAL)) {
        const found = [...defs].filter(([name]) => name.startsWith(prefix));
        expect(found, prefix).toHaveLength(1);
        expect(found[0]![1], prefix).toMatch(condition);
      }
      // and the lookups every battle needs stay whole
      for (const name of ['Battle_token_key', 'Battle_chatId_status_idx', 'Battle_status_piiVerdict_id_idx', 'Battle_openedAt_idx']) {
        expect(defs.get(name), name).toBeDefined();
        expect(defs.get(name), name).not.toMatch(/\bWHERE\b/i);
      }
    });

    it.runIf(dbCase.name === 'sqlite')('reads the leaderboard from its covering index alone (no table lookups)', async () => {
      const { rows } = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${countsQuery()}`.execute(db.kysely);
      const plan = rows.map((r) => r.detail).join('\n');
      expect(plan).toMatch(/USING COVERING INDEX Battle_identityLeak_ranked_/);
    });

    it.runIf(dbCase.name === 'postgresql')('finds a battle by its primary key in every statement that names its id, with no statistics yet', async () => {
      // The store's statements are prepared as they are first used: use the ones that move a battle.
      const store = createStore(db);
      await store.syncModels([
        { id: 'alpha', provider: 'demo', displayName: 'Alpha', demo: true, weight: 1 },
        { id: 'beta', provider: 'demo', displayName: 'Beta', demo: true, weight: 1 },
      ]);
      const chatId = (await store.upsertChat({ platform: 'web', id: 'room', kind: 'private' })).id;
      const userId = (await store.upsertUser({ platform: 'web', id: 'ann' })).id;
      const lease = { owner: 'process-1', until: new Date(Date.now() + 60_000) };
      const { battle } = await store.startBattle({ token: 'plan-test', chatId, initiatorId: userId, modelAId: 'alpha', modelBId: 'beta', mode: 'random', language: 'en', lease }, 'hello');
      expect(await store.setStatus(battle.id, 'open', { from: ['streaming'] })).toBe(true);
      await store.releaseBattle(battle.id, lease.owner);
      expect(await store.claimBattle(battle.id, lease, ['open'], new Date())).toBe(true);
      expect((await store.castVote(battle.id, userId, 'a', { closeAtVotes: 1 })).status).toBe('counted');
      const byId = preparedSql().filter((text) => /update "Battle" set .* where "id" = \$\d+ and /i.test(text));
      expect(byId.length).toBeGreaterThanOrEqual(4); // release, claim, the status move, the vote and its count
      // One session (a transaction holds its connection): a new deployment's tables, empty and never analysed, and the
      // generic plan PostgreSQL makes from that and keeps for the session's life.
      await db.kysely.transaction().execute(async (tx) => {
        await sql`SET LOCAL plan_cache_mode = force_generic_plan`.execute(tx);
        for (const [i, text] of byId.entries()) {
          const params = text.match(/\$\d+/g)?.length ?? 0;
          await sql.raw(`PREPARE pnyx_plan_${i} AS ${text}`).execute(tx);
          const { rows } = await sql.raw<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE pnyx_plan_${i}(${new Array(params).fill('NULL').join(', ')})`).execute(tx);
          expect(rows.map((r) => r['QUERY PLAN']).join('\n'), text).toMatch(/Index Scan using "Battle_pkey"/);
        }
      });
    });
  });
}
