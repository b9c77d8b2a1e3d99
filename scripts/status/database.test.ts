// `npm run status` with no process running: today's figures from a real database (SQLite, and PostgreSQL when
// TEST_DATABASE_URL is set), written through the real store as the engine writes them.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../core/store/database';
import { createStore } from '../../core/store/sql-store';
import { databaseCases } from '../../core/store/test-databases';
import type { BattleStore } from '../../core/store/types';
import { COST_COLUMN, readDatabase, startOfTodayUtc } from './database';
import { renderDatabase } from './render';

const root = join(import.meta.dirname, '..', '..');
const card = (id: string) => ({ id, provider: 'demo', displayName: id, demo: true, weight: 1 });

/** Three battles today (one open with a vote, one streaming, one failed), replies with tokens, two deliveries (one handled). */
async function seed(store: BattleStore) {
  await store.syncModels([card('m-a'), card('m-b')]);
  const chat = await store.upsertChat({ platform: 'chat-x', id: '-100', kind: 'group', title: 'Arena room' });
  const user = await store.upsertUser({ platform: 'chat-x', id: '7', displayName: 'Ada' });
  const battle = (token: string) =>
    store.startBattle({ token, chatId: chat.id, initiatorId: user.id, modelAId: 'm-a', modelBId: 'm-b', mode: 'random', language: 'en' }, 'Hello there');
  const open = await battle('tok-open');
  await store.saveReply(open.turn.id, 'a', { modelId: 'm-a', text: 'Hi', finishReason: 'stop', tokensIn: 10, tokensOut: 200, latencyMs: 5 });
  await store.saveReply(open.turn.id, 'b', { modelId: 'm-b', text: 'Yo', finishReason: 'stop', tokensIn: 12, tokensOut: 30, latencyMs: 5 });
  await store.setStatus(open.battle.id, 'open', { from: ['streaming'] });
  expect((await store.castVote(open.battle.id, user.id, 'a')).status).toBe('counted');
  await battle('tok-streaming');
  const failed = await battle('tok-failed');
  await store.setStatus(failed.battle.id, 'failed', { failure: 'model down' });
  const now = new Date();
  await store.claimDelivery('chat-x:1', now);
  await store.claimDelivery('chat-x:2', now);
  await store.completeDeliveries([{ key: 'chat-x:1', ack: '{}' }]);
  return { chat, open };
}

for (const kind of databaseCases()) {
  describe.skipIf(kind.skip)(`npm run status from the database (${kind.name})`, () => {
    let url: string;
    let db: Db;
    let store: BattleStore;
    let seeded: Awaited<ReturnType<typeof seed>>;
    beforeAll(async () => {
      url = await kind.fresh();
      db = await openDatabase(url);
      store = createStore(db);
      seeded = await seed(store);
    });
    afterAll(async () => {
      await store.close();
    });

    it('counts today’s battles by status, today’s votes, open battles, tokens per model and the inbox', async () => {
      const status = await readDatabase(db, url);
      expect(status).toMatchObject({
        source: 'database',
        battlesToday: { open: 1, streaming: 1, failed: 1 },
        votesToday: 1,
        openBattles: { open: 1, streaming: 1 },
        tokensToday: [
          { model: 'm-a', replies: 1, tokensIn: 10, tokensOut: 200 },
          { model: 'm-b', replies: 1, tokensIn: 12, tokensOut: 30 },
        ],
        inboxDepth: 1,
      });
      // Demo models cost nothing: no reply carries a cost, so no spend is shown rather than a made-up $0.
      expect(status.spendToday).toEqual([]);
      expect(renderDatabase(status)).toMatch(/^Spend today\s+none recorded$/m);
    });

    it('starts "today" at midnight UTC: tomorrow, nothing is from today, though battles are still open', async () => {
      const tomorrow = new Date(startOfTodayUtc().getTime() + 86_400_000 + 1_000);
      const status = await readDatabase(db, url, tomorrow);
      expect(status.battlesToday).toEqual({});
      expect(status.votesToday).toBe(0);
      expect(status.tokensToday).toEqual([]);
      expect(status.openBattles).toEqual({ open: 1, streaming: 1 });
    });

    it('adds spend per chat and model once replies carry their cost', async () => {
      await sql`update "Reply" set ${sql.ref(COST_COLUMN)} = case when "modelId" = 'm-a' then 0.25 else 0.5 end`.execute(db.kysely);
      const status = await readDatabase(db, url);
      expect(status.spendToday).toEqual([
        { chat: seeded.chat.id, chatName: 'Arena room', model: 'm-b', usd: 0.5 },
        { chat: seeded.chat.id, chatName: 'Arena room', model: 'm-a', usd: 0.25 },
      ]);
      expect(renderDatabase(status)).toMatch(/^Spend today\s+\$0\.7500 in all$/m);
    });

    it('hides the password of the database it names', async () => {
      const status = await readDatabase(db, 'postgresql://pnyx:s3cret@db:5432/pnyx');
      expect(status.database).toBe('postgresql://pnyx:***@db:5432/pnyx');
    });

    it.runIf(kind.name === 'sqlite')('prints the page from the command line, and JSON for scripts', async () => {
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: url };
      const run = promisify(execFile);
      const text = await run(process.execPath, ['--import', 'tsx', 'scripts/status.ts'], { cwd: root, env });
      expect(text.stdout).toMatch(/^Battles today\s+3 \(1 open · 1 streaming · 1 failed\)$/m);
      expect(text.stdout).toMatch(/^Votes today\s+1$/m);
      expect(text.stdout).toMatch(/^Open now\s+1 open for votes · 1 streaming$/m);
      expect(text.stdout).toMatch(/^Inbox\s+1 waiting$/m);
      const json = JSON.parse((await run(process.execPath, ['--import', 'tsx', 'scripts/status.ts', '--json'], { cwd: root, env })).stdout);
      expect(json).toMatchObject({ source: 'database', votesToday: 1, inboxDepth: 1 });
    });
  });
}
