// The grouped query on the real database, SQLite and (with TEST_DATABASE_URL) PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../../store/database';
import { newId } from '../../store/ids';
import { databaseCases } from '../../store/test-databases';
import { computeLeaderboard } from '../leaderboard';
import { readCategoryCounts, readStyleBattles, readVoteCounts, readVotes, unknownSegmentValues } from './source-db';
import { pairTotals } from '../test-helpers';

const T0 = new Date('2026-03-01T10:00:00Z');
const T1 = new Date('2026-04-01T10:00:00Z');

for (const target of databaseCases()) {
  describe.skipIf(target.skip)(`reading vote counts from ${target.name}`, () => {
    let db: Db;
    let n = 0;
    beforeAll(async () => {
      db = await openDatabase(await target.fresh());
      const k = db.kysely;
      const now = new Date();
      const stamps = { createdAt: now, updatedAt: now };
      for (const id of ['alpha', 'beta', 'gamma']) await k.insertInto('Model').values({ id, provider: 'test', displayName: id, ...stamps }).execute();
      for (let u = 0; u < 10; u++) await k.insertInto('User').values({ id: `u${u}`, platform: 'telegram', externalId: String(u), ...stamps }).execute();
      await k.insertInto('Chat').values({ id: 'tg', platform: 'telegram', externalId: '-100', ...stamps }).execute();
      await k.insertInto('Chat').values({ id: 'dc', platform: 'discord', externalId: '42', ...stamps }).execute();
      await k.insertInto('Campaign').values({ id: 'camp', slug: 'fr-2026', title: 'FR', createdAt: now }).execute();
      const battle = async (
        a: string,
        b: string,
        choices: string[],
        o: { chat?: string; language?: string; campaign?: string; leak?: boolean; at?: Date; texts?: [string, string] } = {},
      ) => {
        const id = `b${n++}`;
        await k
          .insertInto('Battle')
          .values({
            id,
            token: id,
            chatId: o.chat ?? 'tg',
            initiatorId: 'u0',
            modelAId: a,
            modelBId: b,
            language: o.language ?? 'fr',
            campaignId: o.campaign ?? null,
            status: 'closed',
            identityLeak: o.leak ?? false,
            voteCount: choices.length,
            // As the store's vote transaction keeps them.
            votesA: choices.filter((c) => c === 'a').length,
            votesB: choices.filter((c) => c === 'b').length,
            votesTie: choices.filter((c) => c === 'tie').length,
            votesBothBad: choices.filter((c) => c === 'both_bad').length,
            openedAt: now,
          })
          .execute();
        for (const [voter, choice] of choices.entries()) {
          await k.insertInto('Vote').values({ id: newId(), battleId: id, voterId: `u${voter}`, choice, createdAt: o.at ?? T0 }).execute();
        }
        if (o.texts) {
          const turn = { id: newId(), battleId: id, index: 0, authorId: 'u0', prompt: 'q', createdAt: now };
          await k.insertInto('Turn').values(turn).execute();
          await k.insertInto('Reply').values({ id: newId(), turnId: turn.id, side: 'a', modelId: a, text: o.texts[0], createdAt: now }).execute();
          await k.insertInto('Reply').values({ id: newId(), turnId: turn.id, side: 'b', modelId: b, text: o.texts[1], createdAt: now }).execute();
        }
      };
      await battle('alpha', 'beta', ['a', 'a', 'b', 'tie'], { texts: ['# Long\n- a\n- b\n**x**', 'short'] });
      await battle('beta', 'alpha', ['a', 'both_bad'], { campaign: 'camp', at: T1 });
      await battle('alpha', 'gamma', ['a', 'a', 'a'], { chat: 'dc', language: 'en' });
      await battle('alpha', 'beta', ['b', 'b', 'b', 'b', 'b', 'b'], { leak: true });
    });
    afterAll(async () => {
      await db?.close();
    });

    it('counts every vote once, on the right side, without identity leaks', async () => {
      const c = await readVoteCounts(db.kysely);
      expect(pairTotals(c, 'alpha', 'beta')).toEqual({ x: 2, y: 2, tie: 1, bothBad: 1 });
      expect(pairTotals(c, 'alpha', 'gamma')).toEqual({ x: 3, y: 0, tie: 0, bothBad: 0 });
      expect(c.battles).toBe(3);
      const board = computeLeaderboard(c, { bootstrap: 10, minVotes: 1 });
      expect(board.votes).toBe(9);
    });

    it('applies segment filters in SQL', async () => {
      const votes = async (s: Parameters<typeof readVoteCounts>[1]) => {
        const c = await readVoteCounts(db.kysely, s);
        let v = 0;
        for (let p = 0; p < c.size; p++) v += c.winsA[p]! + c.winsB[p]! + c.ties[p]! + c.bothBad[p]!;
        return v;
      };
      expect(await votes({ language: 'fr' })).toBe(6);
      expect(await votes({ language: 'en' })).toBe(3);
      expect(await votes({ platform: 'discord' })).toBe(3);
      expect(await votes({ chat: 'tg' })).toBe(6);
      expect(await votes({ campaign: 'fr-2026' })).toBe(2);
      expect(await votes({ campaign: 'camp' })).toBe(2);
      expect(await votes({ since: new Date('2026-03-15T00:00:00Z') })).toBe(2);
      expect(await votes({ until: new Date('2026-03-15T00:00:00Z') })).toBe(7);
      expect(await votes({ language: 'de' })).toBe(0);
    });

    it('gives the same counts from the battle tallies as from the votes themselves', async () => {
      // A window covering every vote forces the join over votes; no window reads the tallies.
      const fromTallies = await readVoteCounts(db.kysely, { language: 'fr' });
      const fromVotes = await readVoteCounts(db.kysely, { language: 'fr', since: new Date(0) });
      expect(fromTallies).toEqual(fromVotes);
    });

    it('reads per-battle style features for style control', async () => {
      const style = await readStyleBattles(db.kysely);
      expect(style).toHaveLength(1);
      expect(style[0]).toMatchObject({
        modelA: 'alpha',
        modelB: 'beta',
        styleA: { headers: 1, lists: 2, bold: 1 },
        styleB: { length: 5, headers: 0, lists: 0, bold: 0 },
        winsA: 2,
        winsB: 1,
        ties: 1,
      });
    });

    it('groups battles into cells of one pair and one tally, the bootstrap resampling unit', async () => {
      const c = await readVoteCounts(db.kysely);
      // alpha–beta battle (a, a, b, tie), beta–alpha battle (a, both bad), alpha–gamma battle (a, a, a)
      expect(c.cells.size).toBe(3);
      const cells = Array.from({ length: c.cells.size }, (_, k) => {
        const p = c.cells.pair[k]!;
        const [x, y] = [c.models[c.a[p]!]!, c.models[c.b[p]!]!];
        // Pairs are oriented by the order models arrive in; compare in alphabetical orientation.
        const [wx, wy] = x < y ? [c.cells.winsA[k], c.cells.winsB[k]] : [c.cells.winsB[k], c.cells.winsA[k]];
        return [x < y ? x : y, x < y ? y : x, wx, wy, c.cells.ties[k], c.cells.bothBad[k], c.cells.battles[k]];
      }).sort((x, y) => String(x).localeCompare(String(y)));
      expect(cells).toEqual(
        [
          ['alpha', 'beta', 2, 1, 1, 0, 1],
          ['alpha', 'beta', 0, 1, 0, 1, 1],
          ['alpha', 'gamma', 3, 0, 0, 0, 1],
        ].sort((x, y) => String(x).localeCompare(String(y))),
      );
    });

    it('reads the votes one by one, with battle, voter, chat and time', async () => {
      const votes = await readVotes(db.kysely);
      expect(votes).toHaveLength(9);
      expect(new Set(votes.map((v) => v.battleId)).size).toBe(3);
      expect(votes.every((v) => v.voterId && v.chatId && v.at instanceof Date)).toBe(true);
      expect(await readVotes(db.kysely, { platform: 'discord' })).toHaveLength(3);
    });

    it('names segment values that match nothing', async () => {
      expect(await unknownSegmentValues(db.kysely, { campaign: 'fr-2026', chat: 'tg', platform: 'telegram' })).toEqual([]);
      expect(await unknownSegmentValues(db.kysely, { campaign: 'nope', chat: 'zz', platform: 'slack' })).toEqual([
        'unknown campaign "nope"',
        'unknown chat "zz"',
        'no chat on platform "slack"',
      ]);
    });

    it('filters and lists categories from Battle.categories (a column the engine writes)', async () => {
      // The column arrives with the Kysely migration; here it is added by hand so the reader's SQL is exercised.
      await sql.raw(`UPDATE "Battle" SET "categories" = '["coding","math"]' WHERE "id" = 'b0'`).execute(db.kysely);
      await sql.raw(`UPDATE "Battle" SET "categories" = '["mathematics-like","creative-writing"]' WHERE "id" = 'b2'`).execute(db.kysely);
      const total = async (category: string) => {
        const c = await readVoteCounts(db.kysely, { category });
        let v = 0;
        for (let p = 0; p < c.size; p++) v += c.winsA[p]! + c.winsB[p]! + c.ties[p]! + c.bothBad[p]!;
        return v;
      };
      expect(await total('math')).toBe(4);
      expect(await total('creative-writing')).toBe(3);
      expect(await total('multi-turn')).toBe(0);
      expect(await readVoteCounts(db.kysely, { category: 'math', since: new Date(0) })).toEqual(await readVoteCounts(db.kysely, { category: 'math' }));
      expect(Object.fromEntries(await readCategoryCounts(db.kysely))).toEqual({ coding: 1, math: 1, 'mathematics-like': 1, 'creative-writing': 1 });
      await expect(readVoteCounts(db.kysely, { category: "x'; DROP" })).rejects.toThrow(/not a category id/);
    });
  });
}