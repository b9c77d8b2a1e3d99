// What only the PostgreSQL driver must get right (the contract itself is battle-store.test.ts): statements pipelined on
// one connection stay independent, a long query does not hold them up, a dropped connection is replaced, and dates
// are stored as UTC whatever the process's time zone.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database';
import { prepareSql } from './prepared';
import { createStore } from './sql-store';
import { databaseCases } from './test-databases';
import type { BattleStore } from './types';

const pgCase = databaseCases().find((c) => c.name === 'postgresql')!;

describe.skipIf(pgCase.skip)('the PostgreSQL driver', () => {
  let database: Db;
  let store: BattleStore;
  let chatId: string;
  let userId: string;

  beforeAll(async () => {
    database = await openDatabase(await pgCase.fresh());
    store = createStore(database);
    await store.syncModels([
      { id: 'alpha', provider: 'demo', displayName: 'Alpha', demo: true, weight: 1 },
      { id: 'beta', provider: 'demo', displayName: 'Beta', demo: true, weight: 1 },
    ]);
    chatId = (await store.upsertChat({ platform: 'web', id: 'room', kind: 'group' })).id;
    userId = (await store.upsertUser({ platform: 'web', id: 'ann' })).id;
  });
  afterAll(async () => {
    await store?.close();
  });

  const battle = (token: string, modelAId = 'alpha') => ({ token, chatId, initiatorId: userId, modelAId, modelBId: 'beta', mode: 'random', language: null });

  it('keeps statements sent together independent: only the failing ones fail', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? store.createBattle(battle(`bad-${i}`, 'no-such-model')) : store.createBattle(battle(`good-${i}`)))),
    );
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? 'rejected' : 'fulfilled')));
    for (let i = 0; i < 20; i++) expect((await store.getBattleByToken(`good-${i}`)) !== null).toBe(i % 5 !== 0);
  });

  it('runs a long query beside the store\'s statements rather than ahead of them', async () => {
    const slow = sql`SELECT pg_sleep(1)`.execute(database.kysely);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.claimDelivery(`web:beside-${i}`, new Date())));
    expect(Date.now() - started).toBeLessThan(700);
    await slow;
  });

  it('replaces a pipelined connection that the server dropped', async () => {
    // A prepared statement runs on a pipelined connection; this one makes the server end that connection.
    const terminateOwnConnection = prepareSql(database.kysely, () => sql`SELECT pg_terminate_backend(pg_backend_pid())`);
    const dropped = await Promise.allSettled([0, 1].map(() => database.kysely.executeQuery(terminateOwnConnection({}))));
    expect(dropped.every((r) => r.status === 'rejected')).toBe(true);
    // The next statements run on new connections.
    for (let i = 0; i < 4; i++) expect((await store.getChat(chatId))?.id).toBe(chatId);
  });

  it('stores dates as UTC whatever the process\'s time zone', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const closesAt = new Date('2030-06-01T12:00:00.000Z');
      const created = await store.createBattle(battle('tz-1'));
      await store.setStatus(created.id, 'open', { closesAt });
      const { rows } = await sql<{ text: string }>`SELECT to_char("closesAt", 'YYYY-MM-DD HH24:MI:SS') AS text FROM "Battle" WHERE "id" = ${created.id}`.execute(database.kysely);
      expect(rows[0]?.text).toBe('2030-06-01 12:00:00');
      expect((await store.getBattle(created.id))?.closesAt).toEqual(closesAt);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
