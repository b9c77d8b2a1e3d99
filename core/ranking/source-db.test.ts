// The grouped query on the real database, SQLite and (with TEST_DATABASE_URL) PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../store/database';
import { newId } from '../store/ids';
import { databaseCases } from '../store/test-databases';
import { computeLeaderboard } from './leaderboard';
import { readStyleBattles, readVoteCounts } from './source-db';
import { pairTotals } from './test-helpers';

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
  });
}
