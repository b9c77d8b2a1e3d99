// Retention on the real database: what goes past the window, what stays, that leaderboards do not move, that erased
// people stay out of later exports, and that the daily job and `npm run purge` apply it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVoteCounts } from '../ranking/readers/source-db';
import { openDatabase, type Db } from '../store/database';
import { databaseCases } from '../store/test-databases';
import { run as purgeCommand } from '../../scripts/purge';
import { exportDataset } from './export/dataset';
import { screenBattles } from './pii/screen-battles';
import { createPseudonymizer } from './pseudonyms';
import { createPrivacyJob, RETENTION_CRON } from './retention-job';
import { PURGED_PREFIX, purgeExpired } from './retention';

const NOW = new Date('2026-12-07T12:00:00Z');
const OLD = new Date('2026-08-01T12:00:00Z');
const RECENT = new Date('2026-12-01T12:00:00Z');

for (const target of databaseCases()) {
  describe.skipIf(target.skip)(`retention on ${target.name}`, () => {
    let db: Db;
    let url: string;
    beforeAll(async () => {
      url = await target.fresh();
      db = await openDatabase(url);
      const k = db.kysely;
      await k.insertInto('Model').values(['alpha', 'beta'].map((id) => ({ id, provider: 't', displayName: id, createdAt: OLD, updatedAt: OLD }))).execute();
      const user = (id: string, at: Date, extra: { erasedAt?: Date } = {}) =>
        k.insertInto('User').values({ id, platform: 'telegram', externalId: `ext-${id}`, displayName: `Name ${id}`, createdAt: at, updatedAt: at, ...extra }).execute();
      await user('old-inactive', OLD);
      await user('old-active', OLD);
      await user('erased', RECENT, { erasedAt: RECENT });
      await user('recent', RECENT);
      for (const [id, publish] of [
        ['open', true],
        ['closed', false],
      ] as const) {
        await k.insertInto('Chat').values({ id, platform: 'telegram', externalId: `chat-${id}`, settings: JSON.stringify({ publishData: publish }), createdAt: OLD, updatedAt: OLD }).execute();
      }
      const battle = async (id: string, chat: string, at: Date, prompt: string, o: { initiator?: string; voter?: string } = {}) => {
        await k
          .insertInto('Battle')
          .values({ id, token: id, chatId: chat, initiatorId: o.initiator ?? 'old-inactive', modelAId: 'alpha', modelBId: 'beta', status: 'closed', votesA: 1, voteCount: 1, openedAt: at, closedAt: at })
          .execute();
        await k.insertInto('Turn').values({ id: `${id}-t`, battleId: id, index: 0, authorId: o.initiator ?? 'old-inactive', prompt, createdAt: at }).execute();
        await k.insertInto('Reply').values([
          { id: `${id}-a`, turnId: `${id}-t`, side: 'a', modelId: 'alpha', text: 'A', createdAt: at },
          { id: `${id}-b`, turnId: `${id}-t`, side: 'b', modelId: 'beta', text: 'B', createdAt: at },
        ]).execute();
        await k.insertInto('Reaction').values({ id: `${id}-r`, replyId: `${id}-a`, userId: o.voter ?? 'old-active', kind: 'like', createdAt: at, updatedAt: at }).execute();
        await k.insertInto('Vote').values({ id: `${id}-v`, battleId: id, voterId: o.voter ?? 'old-active', choice: 'a', comment: 'un commentaire', createdAt: at }).execute();
        await k.insertInto('MessageRef').values({ id: `${id}-m`, battleId: id, chatId: chat, ref: `msg-${id}`, role: 'ballot', createdAt: at }).execute();
      };
      await battle('old-published', 'open', OLD, 'Une question publiable');
      await battle('old-unpublished', 'closed', OLD, 'Une question privée');
      await battle('old-suspect', 'open', OLD, 'Je m’appelle Zoé Lambert, aide-moi');
      await battle('old-erased', 'open', OLD, 'Question d’une personne effacée', { initiator: 'erased' });
      await battle('recent-unpublished', 'closed', RECENT, 'Question récente', { initiator: 'recent', voter: 'old-active' });
      await k.insertInto('Delivery').values({ key: 'telegram:1', claimedAt: OLD, completedAt: OLD, payload: '{"from":{"id":12345}}' }).execute();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('removes texts of unpublished conversations past the window and keeps every vote', async () => {
      await screenBattles(db.kysely, { now: () => NOW });
      const before = await readVoteCounts(db.kysely);
      const summary = await purgeExpired(db.kysely, { retentionDays: 90, now: NOW });
      expect(summary.conversations).toBe(3);
      const k = db.kysely;
      const turns = (await k.selectFrom('Turn').select('battleId').orderBy('battleId').execute()).map((t) => t.battleId);
      expect(turns).toEqual(['old-published', 'recent-unpublished']);
      const purged = await k.selectFrom('Battle').select(['id', 'purgedAt']).where('purgedAt', 'is not', null).orderBy('id').execute();
      expect(purged.map((b) => b.id)).toEqual(['old-erased', 'old-suspect', 'old-unpublished']);
      expect(await k.selectFrom('Reaction').select('id').orderBy('id').execute()).toEqual([{ id: 'old-published-r' }, { id: 'recent-unpublished-r' }]);
      const comments = await k.selectFrom('Vote').select(['battleId', 'comment']).orderBy('battleId').execute();
      expect(comments.length).toBe(5);
      expect(comments.filter((c) => c.comment !== null).map((c) => c.battleId)).toEqual(['old-published', 'recent-unpublished']);
      // Leaderboards read battles and votes, which stay.
      expect(await readVoteCounts(db.kysely)).toEqual(before);
    });

    it('removes raw platform ids of inactive and erased people, keeps active ones', async () => {
      const users = await db.kysely.selectFrom('User').select(['id', 'externalId', 'displayName']).orderBy('id').execute();
      const byId = Object.fromEntries(users.map((u) => [u.id, u]));
      expect(byId['old-inactive']).toEqual({ id: 'old-inactive', externalId: `${PURGED_PREFIX}old-inactive`, displayName: null });
      expect(byId['erased']!.externalId).toBe(`${PURGED_PREFIX}erased`);
      // Voted recently, so still reachable.
      expect(byId['old-active']!.externalId).toBe('ext-old-active');
      expect(byId['recent']!.externalId).toBe('ext-recent');
      const refs = await db.kysely.selectFrom('MessageRef').select('id').execute();
      expect(refs).toEqual([{ id: 'recent-unpublished-m' }]);
      expect(await db.kysely.selectFrom('Delivery').select('key').execute()).toEqual([]);
    });

    it('keeps purged and erased people out of a later export', async () => {
      const out = mkdtempSync(join(tmpdir(), 'pnyx-retention-'));
      try {
        await db.kysely.updateTable('Chat').set({ settings: '{"publishData":true}' }).execute();
        const s = await exportDataset({ db: db.kysely, out, pseudonym: createPseudonymizer('retention-secret-0123456789'), licence: 'CC-BY-4.0' });
        expect(s.excluded.purged).toBe(3);
        const text = readFileSync(join(out, 'conversations.jsonl'), 'utf8');
        expect(text).toContain('Une question publiable');
        expect(text).not.toContain('effacée');
        expect(text).not.toContain('Zoé');
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });

    it('runs daily in a running Pnyx, and on demand with npm run purge', async () => {
      await db.kysely.updateTable('Chat').set({ settings: '{"publishData":false}' }).where('id', '=', 'closed').execute();
      const job = createPrivacyJob({ db: db.kysely, log: pino({ level: 'silent' }), retentionDays: 1, now: () => NOW });
      job.start();
      expect(RETENTION_CRON).toBe('17 3 * * *');
      const next = job.nextRun()!;
      expect(next.getUTCHours() * 60 + next.getUTCMinutes()).toBe(3 * 60 + 17);
      await job.stop();
      // The start-up run applied a 1-day window to the recent battle too.
      expect(await db.kysely.selectFrom('Battle').select('id').where('id', '=', 'recent-unpublished').where('purgedAt', 'is not', null).execute()).toHaveLength(1);
      let out = '';
      let err = '';
      const io = { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: (s: string) => ((err += s), true) } } as never;
      expect(await purgeCommand([], io, { DATABASE_URL: url, PNYX_CONFIG: '/nonexistent.yaml', LOG_LEVEL: 'silent' })).toBe(2);
      expect(err).toContain('set privacy.retentionDays');
      expect(await purgeCommand(['--days', '30'], io, { DATABASE_URL: url, PNYX_CONFIG: '/nonexistent.yaml', LOG_LEVEL: 'silent' })).toBe(0);
      expect(out).toMatch(/30-day window/);
    });
  });
}
