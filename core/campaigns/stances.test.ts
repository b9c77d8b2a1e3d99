import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVoteCounts } from '../ranking/readers/source-db';
import { openDatabase, type Db } from '../store/database';
import { databaseCases } from '../store/test-databases';
import { validateSpec } from './spec';
import { stanceBoard } from './stances';
import { applyCampaign } from './store';

for (const dbCase of databaseCases()) {
  describe.skipIf(dbCase.skip)(`diverse battles on ${dbCase.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await openDatabase(await dbCase.fresh());
      const now = new Date();
      await db.kysely.insertInto('Chat').values({ id: 'chat', platform: 'web', externalId: 'r', kind: 'group', createdAt: now, updatedAt: now }).execute();
      await db.kysely.insertInto('User').values({ id: 'u', platform: 'web', externalId: 'u', createdAt: now, updatedAt: now }).execute();
      for (const id of ['m1', 'm2']) await db.kysely.insertInto('Model').values({ id, provider: 'p', displayName: id, createdAt: now, updatedAt: now }).execute();
    });
    afterAll(async () => db?.close());

    it('keeps diverse battles out of the model leaderboard and ranks their stances instead', async () => {
      const spec = validateSpec({
        slug: 'values',
        title: { en: 'Values' },
        languages: ['en'],
        mode: 'diverse',
        diverse: { stances: [{ id: 'care', label: { en: 'Care' }, prompt: 'Answer with care first.' }, { id: 'liberty', label: { en: 'Liberty' }, prompt: 'Answer with liberty first.' }] },
      });
      if (!spec.ok) throw new Error('bad spec');
      const { campaign } = await applyCampaign(db.kysely, spec.spec);
      let n = 0;
      const battle = (mode: string, a: string, b: string, votesA: number, votesB: number, stances?: [string, string]) =>
        db.kysely
          .insertInto('Battle')
          .values({
            id: `b${++n}`, token: `tok${n}xyz`, chatId: 'chat', initiatorId: 'u', modelAId: a, modelBId: b, mode, campaignId: campaign.id, status: 'closed',
            votesA, votesB, voteCount: votesA + votesB, openedAt: new Date(),
            ...(stances ? { stanceA: stances[0], stanceB: stances[1] } : {}),
          })
          .execute();
      await battle('diverse', 'm1', 'm1', 5, 1, ['care', 'liberty']);
      await battle('diverse', 'm2', 'm2', 1, 3, ['liberty', 'care']);
      await battle('random', 'm1', 'm2', 2, 0);
      const counts = await readVoteCounts(db.kysely, {});
      // Only the random battle counts for models: 2 votes for m1 over m2.
      expect(counts.battles).toBe(1);
      const rows = await stanceBoard(db.kysely, campaign.id, spec.spec, 'en');
      expect(rows.map((r) => [r.label, r.wins, r.losses])).toEqual([
        ['Care', 8, 2],
        ['Liberty', 2, 8],
      ]);
      expect(rows[0]!.low).toBeGreaterThan(0.4);
      expect(rows[0]!.high).toBeLessThanOrEqual(1);
    });
  });
}
