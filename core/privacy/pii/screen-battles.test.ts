// The screening pass fails closed: a battle the model could not judge keeps no verdict and stays out of exports until
// a later pass succeeds.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../store/database';
import { databaseCases } from '../../store/test-databases';
import { exportDataset } from '../export/dataset';
import { createPseudonymizer } from '../pseudonyms';
import { createPiiJudge } from './model-verdict';
import { screenBattles } from './screen-battles';

for (const target of databaseCases()) {
  describe.skipIf(target.skip)(`screening pass on ${target.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await openDatabase(await target.fresh());
      const k = db.kysely;
      const now = new Date();
      await k.insertInto('Model').values(['alpha', 'beta'].map((id) => ({ id, provider: 't', displayName: id, createdAt: now, updatedAt: now }))).execute();
      await k.insertInto('User').values({ id: 'u', platform: 'web', externalId: 'w', createdAt: now, updatedAt: now }).execute();
      await k.insertInto('Chat').values({ id: 'c', platform: 'web', externalId: 'room', settings: '{"publishData":true}', createdAt: now, updatedAt: now }).execute();
      await k.insertInto('Battle').values({ id: 'b', token: 'b', chatId: 'c', initiatorId: 'u', modelAId: 'alpha', modelBId: 'beta', status: 'closed', votesA: 1, voteCount: 1, openedAt: now }).execute();
      await k.insertInto('Turn').values({ id: 't', battleId: 'b', index: 0, authorId: 'u', prompt: 'Parle-moi de Lyon', createdAt: now }).execute();
      await k.insertInto('Vote').values({ id: 'v', battleId: 'b', voterId: 'u', choice: 'a', createdAt: now }).execute();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('leaves a battle the model cannot judge unanalysed and unexported, then judges it on a later pass', async () => {
      let calls = 0;
      const failing = createPiiJudge({
        attempts: 3,
        generate: async () => {
          calls++;
          return 'I cannot answer in JSON today.';
        },
      });
      const first = await screenBattles(db.kysely, { judge: { model: 'judge', judge: failing } });
      expect(first).toMatchObject({ screened: 0, unanalysed: 1 });
      expect(calls).toBe(3);
      const out = mkdtempSync(join(tmpdir(), 'pnyx-screen-'));
      try {
        const s = await exportDataset({ db: db.kysely, out, pseudonym: createPseudonymizer('screen-secret-0123456789'), licence: 'CC0-1.0' });
        expect(s.votes).toBe(0);
        expect(s.excluded.piiUnanalysed).toBe(1);
        expect(readFileSync(join(out, 'README.md'), 'utf8')).toContain('1 not analysed yet');
        const working = createPiiJudge({ generate: async () => '{"contains_pii": false}' });
        expect(await screenBattles(db.kysely, { judge: { model: 'judge', judge: working } })).toMatchObject({ screened: 1, clean: 1 });
        expect((await exportDataset({ db: db.kysely, out, pseudonym: createPseudonymizer('screen-secret-0123456789'), licence: 'CC0-1.0' })).votes).toBe(1);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });
}
