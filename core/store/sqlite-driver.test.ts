// What only SQLite must get right (the contract itself is battle-store.test.ts): rows encoded as Prisma wrote them,
// so old databases and the new store agree; group commit (a write resolves once committed, a failing write undoes
// only itself); another connection's write lock waited for without blocking the event loop; WAL checkpoints in the
// background. A second better-sqlite3 connection on the same file plays the other process.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database';
import { createStore } from './sql-store';
import { databaseCases } from './test-databases';
import type { BattleStore, NewBattle } from './types';
import { parseDatabaseUrl } from './url';

const sqliteCase = databaseCases().find((c) => c.name === 'sqlite')!;
const CUID = /^c[0-9a-z]{24}$/;
const PRISMA_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;

describe('the SQLite driver', () => {
  let database: Db;
  let store: BattleStore;
  let other: Database.Database;
  let chatId: string;
  let userId: string;

  const battle = (): NewBattle => ({ token: randomBytes(6).toString('base64url'), chatId, initiatorId: userId, modelAId: 'alpha', modelBId: 'beta', mode: 'random', language: 'fr' });

  beforeAll(async () => {
    const url = await sqliteCase.fresh();
    database = await openDatabase(url);
    store = createStore(database);
    const target = parseDatabaseUrl(url);
    if (target.provider !== 'sqlite') throw new Error('expected a SQLite URL');
    other = new Database(target.file, { fileMustExist: true });
    await store.syncModels([
      { id: 'alpha', provider: 'demo', displayName: 'Alpha', demo: true, weight: 1 },
      { id: 'beta', provider: 'demo', displayName: 'Beta', demo: false, weight: 0, totalParamsB: 7 },
    ]);
    chatId = (await store.upsertChat({ platform: 'web', id: 'room', kind: 'group', title: 'Room' })).id;
    userId = (await store.upsertUser({ platform: 'web', id: 'ann', displayName: 'Ann', locale: 'fr' })).id;
  });
  afterAll(async () => {
    other?.close();
    await store?.close();
  });

  it('writes rows as Prisma wrote them: cuid-shaped ids, booleans 1/0, ISO timestamps in UTC', async () => {
    const { battle: started, turn } = await store.startBattle({ ...battle(), lease: { owner: 'p1', until: new Date('2031-01-02T03:04:05.006Z') } }, 'Bonjour ?');
    await store.setStatus(started.id, 'open', { closesAt: new Date('2031-05-06T07:08:09.123Z') });
    await store.flagIdentityLeak(started.id, ['OpenAI']);
    await store.saveReply(turn.id, 'a', { modelId: 'alpha', text: 'Bien', finishReason: 'stop', latencyMs: 12 });
    await store.addMessageRefs([{ battleId: started.id, chatId, ref: 'm1', role: 'a', turn: 0, part: 0 }]);
    const voter = await store.upsertUser({ platform: 'web', id: 'bob' });
    await store.castVote(started.id, voter.id, 'a', { reasons: ['clear'], comment: 'nice' });

    // Read by another connection: what a Prisma-era process (or an older Pnyx) finds in the file.
    const row = other.prepare('SELECT * FROM "Battle" WHERE "id" = ?').get(started.id) as Record<string, unknown>;
    expect(row).toMatchObject({ status: 'open', identityLeak: 1, leakTerms: '["OpenAI"]', voteCount: 1, votesA: 1, closesAt: '2031-05-06T07:08:09.123+00:00', leaseOwner: 'p1', leaseUntil: '2031-01-02T03:04:05.006+00:00' });
    expect(row.openedAt).toMatch(PRISMA_DATE);
    for (const table of ['Battle', 'Turn', 'Reply', 'Vote', 'MessageRef', 'User', 'Chat']) {
      for (const { id } of other.prepare(`SELECT "id" FROM "${table}"`).all() as { id: string }[]) expect(id).toMatch(CUID);
    }
    const models = other.prepare('SELECT "id", "demo", "enabled", "totalParamsB", "updatedAt" FROM "Model" ORDER BY "id"').all() as Record<string, unknown>[];
    expect(models.map((m) => [m.id, m.demo, m.enabled, m.totalParamsB])).toEqual([['alpha', 1, 1, null], ['beta', 0, 0, 7]]);
    expect(models[0]!.updatedAt).toMatch(PRISMA_DATE);
    // Text order is time order: SQL date comparisons work on these columns.
    expect(other.prepare('SELECT COUNT(*) AS n FROM "Battle" WHERE "closesAt" > ? AND "closesAt" <= ?').get('2031-05-06T07:08:09.122+00:00', '2031-05-06T07:08:09.123+00:00')).toEqual({ n: 1 });
  });

  it('reads rows that Prisma or SQLite defaults wrote', async () => {
    other
      .prepare(
        `INSERT INTO "Battle" ("id", "token", "chatId", "initiatorId", "modelAId", "modelBId", "status", "identityLeak", "leakTerms")
         VALUES ('old-1', 'old-token', ?, ?, 'alpha', 'beta', 'closed', 0, NULL)`,
      )
      .run(chatId, userId);
    // openedAt took SQLite's own default format ("2026-11-22 08:39:19", UTC).
    const old = await store.getBattle('old-1');
    expect(old).toMatchObject({ status: 'closed', identityLeak: false, leakTerms: [], thread: null, leaseUntil: null });
    expect(Math.abs(old!.openedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('resolves a write only once it is committed, and a failing write undoes only itself', async () => {
    const open = await store.startBattle(battle(), 'Question');
    await store.setStatus(open.battle.id, 'open');
    const [first, second] = [await store.upsertUser({ platform: 'web', id: 'carl' }), await store.upsertUser({ platform: 'web', id: 'dora' })];
    // Started in one turn of the event loop: they share a commit. The duplicate fails alone.
    const results = await Promise.allSettled([
      store.castVote(open.battle.id, first.id, 'a'),
      store.claimDelivery('web:event-1', new Date()),
      store.castVote(open.battle.id, first.id, 'b'),
      store.castVote(open.battle.id, second.id, 'tie'),
      store.createBattle({ ...battle(), modelAId: 'no-such-model' }),
      store.claimDelivery('web:event-2', new Date()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(results[2]).toEqual({ status: 'fulfilled', value: { status: 'duplicate', choice: 'a' } });
    // Each fulfilled write is visible to another connection by the time its promise resolved.
    const seen = other.prepare('SELECT "voteCount", "votesA", "votesTie" FROM "Battle" WHERE "id" = ?').get(open.battle.id);
    expect(seen).toEqual({ voteCount: 2, votesA: 1, votesTie: 1 });
    expect(other.prepare(`SELECT COUNT(*) AS n FROM "Delivery" WHERE "key" IN ('web:event-1', 'web:event-2')`).get()).toEqual({ n: 2 });
  });

  it('waits for another connection holding the write lock without blocking the event loop', async () => {
    const open = await store.startBattle(battle(), 'Question');
    await store.setStatus(open.battle.id, 'open');
    const voter = await store.upsertUser({ platform: 'web', id: 'erin' });
    other.exec('BEGIN IMMEDIATE');
    other.prepare('UPDATE "Battle" SET "failure" = ? WHERE "id" = ?').run('held', open.battle.id);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const started = Date.now();
    setTimeout(() => {
      other.prepare('UPDATE "Battle" SET "failure" = NULL WHERE "id" = ?').run(open.battle.id);
      other.exec('COMMIT');
    }, 200);
    const vote = await store.castVote(open.battle.id, voter.id, 'b');
    clearInterval(ticker);
    expect(vote).toEqual({ status: 'counted', voteCount: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    // The loop kept running timers while the vote waited (a busy wait inside SQLite would have frozen it).
    expect(ticks).toBeGreaterThanOrEqual(5);
    expect(await store.getBattle(open.battle.id)).toMatchObject({ voteCount: 1, failure: null });
  });

  it('checkpoints the write-ahead log in the background, so it does not grow without bound', async () => {
    const { battle: started } = await store.startBattle(battle(), 'Question');
    for (let i = 0; i < 300; i++) await store.addTurn(started.id, userId, `follow-up ${i}`);
    // A checkpoint that copies nothing reports every frame of the log as already copied back.
    const backfilled = () => {
      const [row] = other.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
      return row!.log > 0 && row!.checkpointed === row!.log;
    };
    const deadline = Date.now() + 5_000;
    while (!backfilled() && Date.now() < deadline) await sleep(50);
    expect(backfilled()).toBe(true);
  });
});
