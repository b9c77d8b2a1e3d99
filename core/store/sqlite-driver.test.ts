// What only the SQLite store must get right: sharing its file with the Prisma client (the ranking code, the scheduler
// and the web leaderboard still go through Prisma). The BattleStore contract itself is in battle-store.test.ts.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from './url';
import { openDatabase, type Db } from './database';
import { createPrismaStore } from './prisma-store';
import { createSqliteStore } from './sqlite-store';
import { databaseCases } from './test-databases';
import type { BattleStore, NewBattle } from './types';

const sqliteCase = databaseCases().find((c) => c.name === 'sqlite')!;
const CUID = /^c[0-9a-z]{24}$/;

describe('SQLite store next to the Prisma client on one file', () => {
  let url: string;
  let database: Db;
  let fast: BattleStore;
  let prismaStore: BattleStore;
  let chatId: string;
  let userId: string;

  const battle = (): NewBattle => ({ token: randomBytes(6).toString('base64url'), chatId, initiatorId: userId, modelAId: 'alpha', modelBId: 'beta', mode: 'random', language: 'fr' });

  beforeAll(async () => {
    url = await sqliteCase.fresh();
    database = await openDatabase(url);
    prismaStore = createPrismaStore(database);
    fast = await createSqliteStore(database);
    await fast.syncModels([
      { id: 'alpha', provider: 'demo', displayName: 'Alpha', demo: true, weight: 1 },
      { id: 'beta', provider: 'demo', displayName: 'Beta', demo: false, weight: 0, totalParamsB: 7 },
    ]);
    chatId = (await fast.upsertChat({ platform: 'web', id: 'room', kind: 'group', title: 'Room' })).id;
    userId = (await fast.upsertUser({ platform: 'web', id: 'ann', displayName: 'Ann', locale: 'fr' })).id;
  });
  afterAll(async () => {
    await fast?.close(); // closes the Prisma client too
  });

  it('writes rows that Prisma reads back exactly: cuid-shaped ids, booleans, ISO timestamps', async () => {
    const { battle: started, turn } = await fast.startBattle(battle(), 'Bonjour, comment ça va ?');
    const closesAt = new Date('2031-05-06T07:08:09.123Z');
    await fast.setStatus(started.id, 'open', { closesAt });
    await fast.flagIdentityLeak(started.id, ['OpenAI']);
    await fast.saveReply(turn.id, 'a', { modelId: 'alpha', text: 'Bien', finishReason: 'stop', latencyMs: 12 });
    await fast.addMessageRefs([{ battleId: started.id, chatId, ref: 'm1', role: 'a' }]);
    const voter = await fast.upsertUser({ platform: 'web', id: 'bob' });
    await fast.castVote(started.id, voter.id, 'a', { reasons: ['clear'], comment: 'nice' });

    const row = await database.prisma.battle.findUniqueOrThrow({ where: { id: started.id }, include: { turns: { include: { replies: true } }, votes: true, messages: true } });
    expect(row).toMatchObject({ status: 'open', identityLeak: true, leakTerms: '["OpenAI"]', voteCount: 1, closesAt, language: 'fr' });
    expect(row.openedAt.getTime()).toBe(started.openedAt.getTime());
    expect(Math.abs(row.openedAt.getTime() - Date.now())).toBeLessThan(60_000);
    for (const id of [row.id, row.chatId, row.initiatorId, row.turns[0]!.id, row.turns[0]!.replies[0]!.id, row.votes[0]!.id, row.messages[0]!.id]) {
      expect(id).toMatch(CUID);
    }
    expect(row.turns[0]).toMatchObject({ index: 0, prompt: 'Bonjour, comment ça va ?', authorId: userId });
    expect(row.turns[0]!.replies[0]).toMatchObject({ side: 'a', text: 'Bien', latencyMs: 12 });
    expect(row.turns[0]!.replies[0]!.finishedAt).toBeInstanceOf(Date);
    expect(row.votes[0]).toMatchObject({ choice: 'a', reasons: '["clear"]', comment: 'nice' });
    // Prisma's own date filters (the ranking reads votes since a date) see these timestamps in order.
    expect(await database.prisma.battle.count({ where: { id: started.id, closesAt: { gt: new Date('2031-05-06T07:08:09.122Z'), lte: closesAt } } })).toBe(1);
    expect(await database.prisma.vote.count({ where: { battleId: started.id, createdAt: { gte: new Date(Date.now() - 60_000) } } })).toBe(1);

    const models = await database.prisma.model.findMany({ orderBy: { id: 'asc' } });
    expect(models.map((m) => [m.id, m.demo, m.enabled, m.totalParamsB])).toEqual([['alpha', true, true, null], ['beta', false, false, 7]]);
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: userId } })).updatedAt).toBeInstanceOf(Date);
  });

  it('reads what the Prisma client wrote, and both stores see the same battle', async () => {
    const written = await prismaStore.createBattle(battle());
    const closesAt = new Date(Date.now() - 1_000);
    await prismaStore.setStatus(written.id, 'open', { closesAt });
    const viaPrisma = await prismaStore.getBattle(written.id);
    expect(await fast.getBattle(written.id)).toEqual(viaPrisma);
    expect((await fast.dueBattles(new Date())).map((b) => b.id)).toContain(written.id);
    // And the other way round, through a close made here.
    const at = new Date('2032-01-01T00:00:00.000Z');
    await fast.setStatus(written.id, 'closed', { from: ['open'], at });
    expect(await prismaStore.getBattle(written.id)).toEqual(await fast.getBattle(written.id));
    expect((await prismaStore.getBattle(written.id))?.closedAt).toEqual(at);
  });

  it('waits for a Prisma transaction holding the write lock without blocking the event loop', async () => {
    const open = await fast.startBattle(battle(), 'Question');
    await fast.setStatus(open.battle.id, 'open');
    const voter = await fast.upsertUser({ platform: 'web', id: 'carol' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const transaction = database.prisma.$transaction(async (tx) => {
      await tx.battle.update({ where: { id: open.battle.id }, data: { failure: 'held' } });
      locked();
      await gate; // the lock is held until a timer fires: only a free event loop can release it
      await tx.battle.update({ where: { id: open.battle.id }, data: { failure: null } });
    });
    await lockTaken;
    const started = Date.now();
    setTimeout(release, 150);
    const vote = await fast.castVote(open.battle.id, voter.id, 'b');
    await transaction;
    expect(vote).toEqual({ status: 'counted', voteCount: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await fast.getBattle(open.battle.id)).toMatchObject({ voteCount: 1, failure: null });
  });

  it('checkpoints the write-ahead log in the background, so it does not grow without bound', async () => {
    const { battle: started } = await fast.startBattle(battle(), 'Question');
    for (let i = 0; i < 300; i++) await fast.addTurn(started.id, userId, `follow-up ${i}`);
    const target = parseDatabaseUrl(url);
    if (target.provider !== 'sqlite') throw new Error('expected a SQLite URL');
    const probe = new Database(target.file, { fileMustExist: true });
    try {
      // A checkpoint that copies nothing reports every frame of the log as already copied back.
      const backfilled = () => {
        const [row] = probe.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
        return row!.log > 0 && row!.checkpointed === row!.log;
      };
      const deadline = Date.now() + 5_000;
      while (!backfilled() && Date.now() < deadline) await sleep(50);
      expect(backfilled()).toBe(true);
    } finally {
      probe.close();
    }
  });

  it('opens on a file path too, and refuses a file that does not exist', async () => {
    const target = parseDatabaseUrl(url);
    if (target.provider !== 'sqlite') throw new Error('expected a SQLite URL');
    const byPath = await createSqliteStore(target.file);
    try {
      expect((await byPath.getChat(chatId))?.title).toBe('Room');
    } finally {
      await byPath.close();
    }
    await expect(createSqliteStore('/nonexistent/folder/pnyx.db')).rejects.toThrow();
  });
});
