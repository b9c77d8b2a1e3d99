import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VoteChoice } from '../port/types';
import type { ModelCard } from '../providers/types';
import { openDatabase, type Db } from './database';
import { readDate } from './rows';
import { createStore } from './sql-store';
import { databaseCases } from './test-databases';
import type { BattleRow, BattleStore, ReplyResult } from './types';

// The BattleStore contract (core/store/types.ts), run on SQLite and on PostgreSQL (TEST_DATABASE_URL): the engine
// must not be able to tell them apart. Races run on one store (one connection or pool, as in one process) and on two
// stores over the same database (two connections or pools, as two processes have).

const CARDS: ModelCard[] = [
  { id: 'alpha', provider: 'demo', displayName: 'Alpha', organisation: 'Pnyx', licence: 'Apache-2.0', totalParamsB: 1.5, demo: true, weight: 1 },
  { id: 'beta', provider: 'demo', displayName: 'Beta', demo: true, weight: 1 },
  { id: 'gamma', provider: 'openai-compatible', displayName: 'Gamma', demo: false, weight: 0 },
];

const token = () => randomBytes(6).toString('base64url');

const reply = (modelId: string, text: string): ReplyResult => ({
  modelId,
  text,
  finishReason: 'stop',
  tokensIn: 12,
  tokensOut: 34,
  ttftMs: 56,
  latencyMs: 789,
});

for (const db of databaseCases()) {
  describe.skipIf(db.skip)(`store on ${db.name}`, () => {
    let url: string;
    let store: BattleStore;
    let database: Db;
    let chatId: string;
    let initiatorId: string;

    beforeAll(async () => {
      url = await db.fresh();
      database = await openDatabase(url);
      store = createStore(database);
      await store.syncModels(CARDS);
      chatId = (await store.upsertChat({ platform: 'web', id: 'room-1', kind: 'group', title: 'Room' })).id;
      initiatorId = (await store.upsertUser({ platform: 'web', id: 'ann' })).id;
    });
    afterAll(async () => {
      await store?.close();
    });

    const newBattle = (overrides: Partial<{ modelAId: string; modelBId: string }> = {}) =>
      store.createBattle({
        token: token(),
        chatId,
        initiatorId,
        modelAId: overrides.modelAId ?? 'alpha',
        modelBId: overrides.modelBId ?? 'beta',
        mode: 'random',
        language: 'en',
      });

    const openBattle = async (overrides?: Partial<{ modelAId: string; modelBId: string }>): Promise<BattleRow> => {
      const battle = await newBattle(overrides);
      expect(await store.setStatus(battle.id, 'open', { from: ['streaming'] })).toBe(true);
      return battle;
    };

    /** The battle's per-choice counters, as the leaderboard reads them (core/ranking/source-db.ts). */
    const counters = async (battleId: string) => {
      const row = await database.kysely.selectFrom('Battle').select(['votesA', 'votesB', 'votesTie', 'votesBothBad']).where('id', '=', battleId).executeTakeFirstOrThrow();
      return { a: row.votesA, b: row.votesB, tie: row.votesTie, both_bad: row.votesBothBad };
    };

    const voters = async (n: number, prefix = token()) => {
      const users = [];
      for (let i = 0; i < n; i++) users.push(await store.upsertUser({ platform: 'web', id: `${prefix}-${i}` }));
      return users;
    };

    it('upserts a chat by platform id, follows renames and keeps its settings', async () => {
      const first = await store.upsertChat({ platform: 'telegram', id: '-100', kind: 'group', title: 'Old', locale: 'fr' });
      expect(first).toMatchObject({ platform: 'telegram', externalId: '-100', kind: 'group', title: 'Old', locale: 'fr', settings: '{}', enabled: true });
      const updated = await store.updateChat(first.id, { settings: '{"trigger":"mention"}', locale: 'de', timezone: 'Europe/Berlin' });
      expect(updated).toMatchObject({ settings: '{"trigger":"mention"}', locale: 'de', timezone: 'Europe/Berlin' });
      const again = await store.upsertChat({ platform: 'telegram', id: '-100', kind: 'group', title: 'New', locale: 'en' });
      expect(again).toMatchObject({ id: first.id, title: 'New', locale: 'de', settings: '{"trigger":"mention"}' });
      expect(await store.getChat(first.id)).toEqual(again);
      expect(await store.getChat('missing')).toBeNull();
      // The same external id on another platform is another chat.
      const other = await store.upsertChat({ platform: 'discord', id: '-100', kind: 'group' });
      expect(other.id).not.toBe(first.id);
    });

    it('moves a chat to a new platform id with its settings and battles, once, and never onto another chat', async () => {
      const group = await store.upsertChat({ platform: 'telegram', id: '-4001', kind: 'group', title: 'Readers' });
      await store.updateChat(group.id, { settings: '{"trigger":"all"}', timezone: 'Europe/Paris' });
      const before = await store.createBattle({ token: token(), chatId: group.id, initiatorId, modelAId: 'alpha', modelBId: 'beta', mode: 'random', language: 'en' });
      const moved = await store.moveChat('telegram', '-4001', '-1004001');
      expect(moved).toMatchObject({ id: group.id, externalId: '-1004001', settings: '{"trigger":"all"}', timezone: 'Europe/Paris' });
      // The new id finds the same row (battles and all); the old one is free, and moving again does nothing.
      expect((await store.upsertChat({ platform: 'telegram', id: '-1004001', kind: 'group' })).id).toBe(group.id);
      expect((await store.getBattle(before.id))?.chatId).toBe(group.id);
      expect(await store.moveChat('telegram', '-4001', '-1004001')).toBeNull();
      // A new id already taken by another chat: both are left as they are.
      const other = await store.upsertChat({ platform: 'telegram', id: '-4002', kind: 'group' });
      expect(await store.moveChat('telegram', '-4002', '-1004001')).toBeNull();
      expect(await store.getChat(other.id)).toMatchObject({ externalId: '-4002' });
      expect(await store.getChat(group.id)).toMatchObject({ externalId: '-1004001' });
    });

    it('upserts a user by platform id', async () => {
      const first = await store.upsertUser({ platform: 'slack', id: 'U1', displayName: 'Ann', locale: 'en-GB' });
      expect(first).toMatchObject({ platform: 'slack', externalId: 'U1', locale: 'en-GB', consent: 'unknown' });
      const again = await store.upsertUser({ platform: 'slack', id: 'U1', locale: 'fr' });
      expect(again).toMatchObject({ id: first.id, locale: 'fr' });
      const unchanged = await store.upsertUser({ platform: 'slack', id: 'U1' });
      expect(unchanged.locale).toBe('fr');
    });

    it('syncs model cards without deleting old ones', async () => {
      await store.syncModels([{ ...CARDS[1]!, displayName: 'Beta 2' }]);
      const battle = await newBattle({ modelAId: 'alpha', modelBId: 'gamma' });
      expect(battle.modelBId).toBe('gamma');
      const cards = await database.kysely.selectFrom('Model').selectAll().orderBy('id').execute();
      expect(cards.map((m) => [m.id, m.displayName, Boolean(m.enabled), Boolean(m.demo)])).toEqual([
        ['alpha', 'Alpha', true, true],
        ['beta', 'Beta 2', true, true],
        ['gamma', 'Gamma', false, false],
      ]);
      expect(cards[0]).toMatchObject({ organisation: 'Pnyx', licence: 'Apache-2.0', totalParamsB: 1.5, activeParamsB: null });
      await expect(store.createBattle({ token: token(), chatId, initiatorId, modelAId: 'nope', modelBId: 'beta', mode: 'random', language: null })).rejects.toThrow();
    });

    it('creates a battle and finds it by id, token and message reference', async () => {
      const battle = await newBattle();
      expect(battle).toMatchObject({
        chatId,
        initiatorId,
        modelAId: 'alpha',
        modelBId: 'beta',
        status: 'streaming',
        identityLeak: false,
        leakTerms: [],
        failure: null,
        voteCount: 0,
        campaignId: null,
        closesAt: null,
        closedAt: null,
        language: 'en',
      });
      expect(battle.openedAt).toBeInstanceOf(Date);
      expect(await store.getBattle(battle.id)).toEqual(battle);
      expect(await store.getBattleByToken(battle.token)).toEqual(battle);
      expect(await store.getBattleByToken('nope')).toBeNull();

      await store.addMessageRefs([
        { battleId: battle.id, chatId, ref: 'msg-a', role: 'a', turn: 0, part: 0 },
        { battleId: battle.id, chatId, ref: 'msg-b', role: 'b', turn: 0, part: 0 },
      ]);
      expect((await store.getBattleByMessageRef(chatId, 'msg-b'))?.id).toBe(battle.id);
      expect(await store.getBattleByMessageRef(chatId, 'unknown')).toBeNull();
      const otherChat = await store.upsertChat({ platform: 'web', id: 'room-2', kind: 'group' });
      expect(await store.getBattleByMessageRef(otherChat.id, 'msg-b')).toBeNull();
      // Storing the same ref again is not an error: it moves to the latest battle, even twice in one batch.
      const later = await newBattle();
      await store.addMessageRefs([
        { battleId: battle.id, chatId, ref: 'msg-b', role: 'ballot', turn: null, part: 0 },
        { battleId: later.id, chatId, ref: 'msg-b', role: 'ballot', turn: null, part: 0 },
        { battleId: later.id, chatId: otherChat.id, ref: 'msg-a', role: 'a', turn: 0, part: 0 },
      ]);
      expect((await store.getBattleByMessageRef(chatId, 'msg-b'))?.id).toBe(later.id);
      expect((await store.getBattleByMessageRef(chatId, 'msg-a'))?.id).toBe(battle.id);
      expect((await store.getBattleByMessageRef(otherChat.id, 'msg-a'))?.id).toBe(later.id);
      await store.addMessageRefs([]);
      // A ref to a battle that does not exist is refused, and takes none of its batch with it.
      await expect(store.addMessageRefs([
        { battleId: later.id, chatId, ref: 'msg-c', role: 'a', turn: 0, part: 0 },
        { battleId: 'missing', chatId, ref: 'msg-d', role: 'a', turn: 0, part: 0 },
      ])).rejects.toThrow();
      expect(await store.getBattleByMessageRef(chatId, 'msg-c')).toBeNull();
    });

    it('starts a battle with its first turn in one call', async () => {
      const { battle, turn } = await store.startBattle(
        { token: token(), chatId, initiatorId, modelAId: 'alpha', modelBId: 'beta', mode: 'random', language: null },
        'First question',
      );
      expect(battle).toMatchObject({ chatId, initiatorId, status: 'streaming', voteCount: 0, language: null });
      expect(turn).toMatchObject({ index: 0, authorId: initiatorId, prompt: 'First question', replies: {} });
      expect(await store.getBattle(battle.id)).toEqual(battle);
      await store.saveReply(turn.id, 'a', reply('alpha', 'A says'));
      const next = await store.addTurn(battle.id, initiatorId, 'Second question');
      expect(next.index).toBe(1);
      const turns = await store.getTurns(battle.id);
      expect(turns.map((t) => [t.id, t.index, t.prompt, t.replies.a?.text ?? null])).toEqual([
        [turn.id, 0, 'First question', 'A says'],
        [next.id, 1, 'Second question', null],
      ]);
      // A battle that cannot be stored leaves nothing behind.
      const badToken = token();
      await expect(store.startBattle({ token: badToken, chatId, initiatorId: 'nobody', modelAId: 'alpha', modelBId: 'beta', mode: 'random', language: null }, 'x')).rejects.toThrow();
      expect(await store.getBattleByToken(badToken)).toBeNull();
    });

    it('stores a battle\'s prompt categories at its start and replaces them later, as the leaderboard reads them', async () => {
      const categoriesOf = async (id: string) =>
        (await database.kysely.selectFrom('Battle').select('categories').where('id', '=', id).executeTakeFirstOrThrow()).categories;
      const { battle } = await store.startBattle(
        { token: token(), chatId, initiatorId, modelAId: 'alpha', modelBId: 'beta', mode: 'random', language: 'en', categories: ['coding', 'coding', 'math'] },
        'Code a sum',
      );
      expect(JSON.parse((await categoriesOf(battle.id))!)).toEqual(['coding', 'math']);
      await store.setCategories(battle.id, ['coding', 'multi-turn']);
      expect(JSON.parse((await categoriesOf(battle.id))!)).toEqual(['coding', 'multi-turn']);
      const plain = await newBattle();
      expect(await categoriesOf(plain.id)).toBeNull();
    });

    it('numbers turns, saves replies and reads them back in order', async () => {
      const battle = await newBattle();
      const first = await store.addTurn(battle.id, initiatorId, 'Hello?');
      expect(first).toMatchObject({ index: 0, authorId: initiatorId, prompt: 'Hello?', replies: {} });
      // Timestamps are stored so that comparing them with a date in SQL works (text order is time order on SQLite).
      const stored = await database.kysely.selectFrom('Turn').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ battleId: battle.id, index: 0, prompt: 'Hello?' });
      expect(Math.abs(readDate(stored.createdAt).getTime() - Date.now())).toBeLessThan(60_000);
      const inWindow = await database.kysely
        .selectFrom('Turn')
        .select('id')
        .where('id', '=', first.id)
        .where('createdAt', '>=', new Date(Date.now() - 60_000))
        .where('createdAt', '<=', new Date())
        .execute();
      expect(inWindow).toHaveLength(1);
      const a = await store.saveReply(first.id, 'a', reply('alpha', 'Hi from A'));
      expect(a).toMatchObject({ side: 'a', modelId: 'alpha', text: 'Hi from A', tokensIn: 12, tokensOut: 34, ttftMs: 56, latencyMs: 789, finishReason: 'stop', error: null });
      await store.saveReply(first.id, 'b', { modelId: 'beta', text: 'partial', finishReason: 'error', error: 'upstream 500', latencyMs: 10 });
      const second = await store.addTurn(battle.id, initiatorId, 'And then?');
      expect(second.index).toBe(1);
      await store.saveReply(second.id, 'a', reply('alpha', 'Then A'));
      await store.saveReply(second.id, 'b', reply('beta', 'Then B'));

      const turns = await store.getTurns(battle.id);
      expect(turns.map((t) => [t.index, t.prompt, t.replies.a?.text, t.replies.b?.text])).toEqual([
        [0, 'Hello?', 'Hi from A', 'partial'],
        [1, 'And then?', 'Then A', 'Then B'],
      ]);
      expect(turns[0]?.replies.b).toMatchObject({ finishReason: 'error', error: 'upstream 500', tokensIn: null, ttftMs: null });

      expect((await store.getReply(battle.id, 'b'))?.text).toBe('Then B');
      expect((await store.getReply(battle.id, 'b', 0))?.text).toBe('partial');
      expect(await store.getReply(battle.id, 'a', 7)).toBeNull();

      // Saving a side again (a retry) replaces it.
      await store.saveReply(second.id, 'b', reply('beta', 'Then B, again'));
      expect((await store.getReply(battle.id, 'b'))?.text).toBe('Then B, again');
    });

    it('saves the replies of one tick each (one statement on PostgreSQL), and one that fails fails alone', async () => {
      const battle = await newBattle();
      const first = await store.addTurn(battle.id, initiatorId, 'Two at once?');
      const otherBattle = await newBattle();
      const other = await store.addTurn(otherBattle.id, initiatorId, 'And here?');
      const energy = { energyWh: 0.25, co2eG: 0.1, method: 'ecologits' as const };
      // Saved in one tick: both sides of one battle, another battle's side, the same side twice (the later text
      // wins), and a reply to a turn that does not exist.
      const saves = [
        store.saveReply(first.id, 'a', { ...reply('alpha', "A's \"quoted\", {braced} answer\nwith a line"), costUsd: 0.002, energy }),
        store.saveReply(first.id, 'b', { modelId: 'beta', text: '', finishReason: 'error', error: 'upstream 500', latencyMs: 10 }),
        store.saveReply(other.id, 'a', reply('alpha', 'Elsewhere, first')),
        store.saveReply(other.id, 'a', reply('alpha', 'Elsewhere, again')),
        store.saveReply('no-such-turn', 'b', reply('beta', 'Lost')),
      ];
      const results = await Promise.allSettled(saves);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
      const [a, b, , again] = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
      expect(a).toMatchObject({ side: 'a', text: "A's \"quoted\", {braced} answer\nwith a line", tokensIn: 12, energyWh: 0.25, co2eG: 0.1, energyMethod: 'ecologits' });
      expect(b).toMatchObject({ side: 'b', text: '', finishReason: 'error', error: 'upstream 500', tokensIn: null, energyWh: null });
      expect(again).toMatchObject({ side: 'a', text: 'Elsewhere, again' });
      const turns = await store.getTurns(battle.id);
      expect(turns[0]?.replies.a).toMatchObject({ text: "A's \"quoted\", {braced} answer\nwith a line", latencyMs: 789 });
      expect(turns[0]?.replies.b).toMatchObject({ error: 'upstream 500' });
      expect((await store.getReply(otherBattle.id, 'a'))?.text).toBe('Elsewhere, again');
    });

    it('gives concurrent follow-ups distinct turn numbers', async () => {
      const battle = await newBattle();
      const turns = await Promise.all(Array.from({ length: 8 }, (_, i) => store.addTurn(battle.id, initiatorId, `q${i}`)));
      expect(turns.map((t) => t.index).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    });

    it('swaps the model on one side', async () => {
      const battle = await newBattle();
      await store.swapModel(battle.id, 'b', 'gamma');
      expect(await store.getBattle(battle.id)).toMatchObject({ modelAId: 'alpha', modelBId: 'gamma' });
    });

    it('moves status only from the given states and stamps the close', async () => {
      const battle = await newBattle();
      const closesAt = new Date(Date.now() + 60_000);
      expect(await store.setStatus(battle.id, 'open', { from: ['streaming'], closesAt })).toBe(true);
      expect(await store.setStatus(battle.id, 'open', { from: ['streaming'] })).toBe(false);
      expect(await store.getBattle(battle.id)).toMatchObject({ status: 'open', closesAt, closedAt: null });
      const at = new Date('2030-01-02T03:04:05.678Z');
      expect(await store.setStatus(battle.id, 'closed', { from: ['open'], at })).toBe(true);
      expect(await store.getBattle(battle.id)).toMatchObject({ status: 'closed', closedAt: at });

      const failed = await newBattle();
      expect(await store.setStatus(failed.id, 'failed', { failure: 'both models timed out' })).toBe(true);
      expect(await store.getBattle(failed.id)).toMatchObject({ status: 'failed', failure: 'both models timed out' });
      expect((await store.getBattle(failed.id))?.closedAt).toBeInstanceOf(Date);
      expect(await store.setStatus('missing', 'closed')).toBe(false);
    });

    it('flags an identity leak and keeps every term', async () => {
      const battle = await newBattle();
      await store.flagIdentityLeak(battle.id, ['OpenAI']);
      await store.flagIdentityLeak(battle.id, ['GPT', 'OpenAI']);
      expect(await store.getBattle(battle.id)).toMatchObject({ identityLeak: true, leakTerms: ['OpenAI', 'GPT'] });
    });

    it('counts one vote per voter, reports the first choice to a second press, and tallies', async () => {
      const battle = await openBattle();
      const [u1, u2, u3] = await voters(3);
      expect(await store.castVote(battle.id, u1!.id, 'a', { reasons: ['clear'] })).toEqual({ status: 'counted', voteCount: 1 });
      expect(await store.castVote(battle.id, u2!.id, 'tie')).toEqual({ status: 'counted', voteCount: 2 });
      expect(await store.castVote(battle.id, u1!.id, 'b')).toEqual({ status: 'duplicate', choice: 'a' });
      expect(await store.castVote(battle.id, u3!.id, 'a', { comment: 'nice' })).toEqual({ status: 'counted', voteCount: 3 });
      expect(await store.getVote(battle.id, u1!.id)).toBe('a');
      expect(await store.getVote(battle.id, initiatorId)).toBeNull();
      expect(await store.tally(battle.id)).toEqual({ a: 2, b: 0, tie: 1, both_bad: 0 });
      expect((await store.getBattle(battle.id))?.voteCount).toBe(3);
      expect(await counters(battle.id)).toEqual({ a: 2, b: 0, tie: 1, both_bad: 0 });
      // Reasons added after the vote accumulate without duplicates; no vote, no reasons.
      expect(await store.addVoteReason(battle.id, u2!.id, 'useful')).toEqual(['useful']);
      expect(await store.addVoteReason(battle.id, u2!.id, 'creative')).toEqual(['useful', 'creative']);
      expect(await store.addVoteReason(battle.id, u2!.id, 'useful')).toEqual(['useful', 'creative']);
      expect(await store.addVoteReason(battle.id, initiatorId, 'useful')).toBeNull();
    });

    it('changes a vote in place while the battle is open, keeping the blind choice for the counters and the tally', async () => {
      const battle = await openBattle();
      const [u1, u2] = await voters(2);
      expect(await store.castVote(battle.id, u1!.id, 'a', { turn: 0 })).toEqual({ status: 'counted', voteCount: 1 });
      expect(await store.changeVote(battle.id, u1!.id, 'a')).toEqual({ status: 'unchanged', choice: 'a' });
      expect(await store.changeVote(battle.id, u1!.id, 'b', 2)).toEqual({ status: 'changed', from: 'a', choice: 'b' });
      expect(await store.changeVote(battle.id, u1!.id, 'tie')).toEqual({ status: 'changed', from: 'b', choice: 'tie' });
      expect(await store.changeVote(battle.id, u2!.id, 'a')).toEqual({ status: 'no_vote' });
      expect(await store.getVote(battle.id, u1!.id)).toBe('tie');
      const row = await database.kysely.selectFrom('Vote').select(['choice', 'blindChoice', 'turn']).where('battleId', '=', battle.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ choice: 'tie', blindChoice: 'a', turn: 2 });
      // One vote, counted as it was cast blind.
      expect((await store.getBattle(battle.id))?.voteCount).toBe(1);
      expect(await counters(battle.id)).toEqual({ a: 1, b: 0, tie: 0, both_bad: 0 });
      expect(await store.tally(battle.id)).toEqual({ a: 1, b: 0, tie: 0, both_bad: 0 });
      await store.setStatus(battle.id, 'closed', { from: ['open'] });
      expect(await store.changeVote(battle.id, u1!.id, 'b')).toEqual({ status: 'not_open', battleStatus: 'closed' });
    });

    it('keeps unranked battles off the shared ranking and on their chat\'s own board', async () => {
      const ranked = await openBattle();
      const unranked = await store.createBattle({ token: token(), chatId, initiatorId, modelAId: 'alpha', modelBId: 'beta', mode: 'random', language: 'en', ranked: false });
      await store.setStatus(unranked.id, 'open', { from: ['streaming'] });
      const [u1] = await voters(1);
      await store.castVote(ranked.id, u1!.id, 'a');
      await store.castVote(unranked.id, u1!.id, 'b');
      const { readVoteCounts } = await import('../ranking/readers/source-db');
      const shared = await readVoteCounts(database.kysely, {});
      const own = await readVoteCounts(database.kysely, { chat: chatId });
      // Every battle of this file is in this chat: its own board has exactly the unranked one more.
      expect(own.battles).toBe(shared.battles + 1);
    });

    it('closes the battle with the vote that reaches closeAtVotes, in the same call, and no sooner', async () => {
      const battle = await openBattle();
      const [u1, u2, u3] = await voters(3);
      expect(await store.castVote(battle.id, u1!.id, 'b', { closeAtVotes: 2 })).toEqual({ status: 'counted', voteCount: 1 });
      expect((await store.getBattle(battle.id))?.status).toBe('open');
      // A second press does not count, so it does not close either.
      expect(await store.castVote(battle.id, u1!.id, 'a', { closeAtVotes: 1 })).toEqual({ status: 'duplicate', choice: 'b' });
      expect((await store.getBattle(battle.id))?.status).toBe('open');
      expect(await store.castVote(battle.id, u2!.id, 'tie', { closeAtVotes: 2 })).toEqual({
        status: 'counted',
        voteCount: 2,
        closed: { tally: { a: 0, b: 1, tie: 1, both_bad: 0 } },
      });
      const closed = await store.getBattle(battle.id);
      expect(closed?.status).toBe('closed');
      expect(closed?.closedAt).toBeInstanceOf(Date);
      expect(await store.castVote(battle.id, u3!.id, 'a', { closeAtVotes: 2 })).toEqual({ status: 'not_open', battleStatus: 'closed' });
      expect(await store.tally(battle.id)).toEqual({ a: 0, b: 1, tie: 1, both_bad: 0 });
    });

    it('lets exactly one of many simultaneous votes close the battle', async () => {
      const battle = await openBattle();
      const people = await voters(12);
      const results = await Promise.all(people.map((p) => store.castVote(battle.id, p.id, 'a', { closeAtVotes: 5 })));
      const counted = results.filter((r) => r.status === 'counted');
      expect(counted).toHaveLength(5);
      expect(counted.filter((r) => r.closed)).toEqual([{ status: 'counted', voteCount: 5, closed: { tally: { a: 5, b: 0, tie: 0, both_bad: 0 } } }]);
      expect(results.filter((r) => r.status === 'not_open')).toHaveLength(7);
      expect((await store.getBattle(battle.id))?.voteCount).toBe(5);
    });

    it('refuses votes unless the battle is open', async () => {
      const [u1] = await voters(1);
      const streaming = await newBattle();
      expect(await store.castVote(streaming.id, u1!.id, 'a')).toEqual({ status: 'not_open', battleStatus: 'streaming' });
      expect(await counters(streaming.id)).toEqual({ a: 0, b: 0, tie: 0, both_bad: 0 });
      const closed = await openBattle();
      await store.setStatus(closed.id, 'closed', { from: ['open'] });
      expect(await store.castVote(closed.id, u1!.id, 'a')).toEqual({ status: 'not_open', battleStatus: 'closed' });
      expect(await store.tally(closed.id)).toEqual({ a: 0, b: 0, tie: 0, both_bad: 0 });
      expect((await store.getBattle(closed.id))?.voteCount).toBe(0);
      await expect(store.castVote('missing', u1!.id, 'a')).rejects.toThrow(/does not exist/);
    });

    it('counts 50 simultaneous votes from 50 people exactly once each', async () => {
      const battle = await openBattle();
      const people = await voters(50);
      const choices: VoteChoice[] = ['a', 'b', 'tie', 'both_bad'];
      const results = await Promise.all(people.map((p, i) => store.castVote(battle.id, p.id, choices[i % 4]!)));
      expect(results.every((r) => r.status === 'counted')).toBe(true);
      const counts = results.map((r) => (r.status === 'counted' ? r.voteCount : 0)).sort((x, y) => x - y);
      expect(counts).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect((await store.getBattle(battle.id))?.voteCount).toBe(50);
      const tally = await store.tally(battle.id);
      expect(tally).toEqual({ a: 13, b: 13, tie: 12, both_bad: 12 });
      expect(await counters(battle.id)).toEqual(tally);
    });

    it('counts one person pressing twice at once once, and tells the second press the first choice', async () => {
      const battle = await openBattle();
      const [person] = await voters(1);
      const results = await Promise.all([
        store.castVote(battle.id, person!.id, 'a'),
        store.castVote(battle.id, person!.id, 'b'),
      ]);
      const counted = results.filter((r) => r.status === 'counted');
      const duplicate = results.find((r) => r.status === 'duplicate');
      expect(counted).toEqual([{ status: 'counted', voteCount: 1 }]);
      const first = results[0]?.status === 'counted' ? 'a' : 'b';
      expect(duplicate).toEqual({ status: 'duplicate', choice: first });
      expect(await store.getVote(battle.id, person!.id)).toBe(first);
      expect((await store.getBattle(battle.id))?.voteCount).toBe(1);
    });

    it('keeps voteCount equal to the stored votes when votes race a close', async () => {
      const battle = await openBattle();
      const people = await voters(30);
      const votes = people.map((p) => store.castVote(battle.id, p.id, 'a'));
      const close = store.setStatus(battle.id, 'closed', { from: ['open'] });
      const results = await Promise.all(votes);
      expect(await close).toBe(true);
      const counted = results.filter((r) => r.status === 'counted').length;
      expect(results.every((r) => r.status === 'counted' || (r.status === 'not_open' && r.battleStatus === 'closed'))).toBe(true);
      const stored = await store.tally(battle.id);
      expect(stored.a).toBe(counted);
      expect((await store.getBattle(battle.id))?.voteCount).toBe(counted);
      expect(await counters(battle.id)).toEqual(stored);
    });

    it('counts votes per model on both sides, leaving out flagged battles', async () => {
      const before = await store.voteCountsByModel();
      const [u1, u2, u3] = await voters(3);
      const clean = await openBattle({ modelAId: 'alpha', modelBId: 'gamma' });
      await store.castVote(clean.id, u1!.id, 'a');
      await store.castVote(clean.id, u2!.id, 'b');
      const flagged = await openBattle({ modelAId: 'gamma', modelBId: 'beta' });
      await store.castVote(flagged.id, u3!.id, 'a');
      await store.flagIdentityLeak(flagged.id, ['Gamma']);
      const after = await store.voteCountsByModel();
      const delta = (id: string) => (after.get(id) ?? 0) - (before.get(id) ?? 0);
      expect([delta('alpha'), delta('gamma'), delta('beta')]).toEqual([2, 2, 0]);
    });

    it('keeps one reaction per person and reply, updated when pressed again', async () => {
      const battle = await newBattle();
      const turn = await store.addTurn(battle.id, initiatorId, 'Tell me a joke');
      const a = await store.saveReply(turn.id, 'a', reply('alpha', 'Knock knock'));
      const [person] = await voters(1);
      expect(await store.getReaction(a.id, person!.id)).toBeNull();
      await store.react(a.id, person!.id, 'like');
      expect(await store.getReaction(a.id, person!.id)).toEqual({ kind: 'like', reasons: [] });
      await store.react(a.id, person!.id, 'like', ['creative', 'useful']);
      expect(await store.getReaction(a.id, person!.id)).toEqual({ kind: 'like', reasons: ['creative', 'useful'] });
      // Pressing like again without reasons keeps the reasons given.
      await store.react(a.id, person!.id, 'like');
      expect(await store.getReaction(a.id, person!.id)).toEqual({ kind: 'like', reasons: ['creative', 'useful'] });
      // Changing one's mind drops the reasons that belonged to the other kind.
      await store.react(a.id, person!.id, 'dislike');
      expect(await store.getReaction(a.id, person!.id)).toEqual({ kind: 'dislike', reasons: [] });
      await expect(store.react(a.id, person!.id, 'dislike', ['creative'])).rejects.toThrow(/do not fit a dislike/);
      // Two presses at once still leave one reaction.
      const [other] = await voters(1);
      await Promise.all([store.react(a.id, other!.id, 'like'), store.react(a.id, other!.id, 'dislike')]);
      expect(['like', 'dislike']).toContain((await store.getReaction(a.id, other!.id))?.kind);
    });

    it('lists open battles whose close time has passed, and battles by status', async () => {
      const now = new Date();
      const due = await openBattle();
      await store.setStatus(due.id, 'open', { closesAt: new Date(now.getTime() - 1_000) });
      const later = await openBattle();
      await store.setStatus(later.id, 'open', { closesAt: new Date(now.getTime() + 60_000) });
      const closed = await openBattle();
      await store.setStatus(closed.id, 'open', { closesAt: new Date(now.getTime() - 1_000) });
      await store.setStatus(closed.id, 'closed');
      const dueIds = (await store.dueBattles(now)).map((b) => b.id);
      expect(dueIds).toContain(due.id);
      expect(dueIds).not.toContain(later.id);
      expect(dueIds).not.toContain(closed.id);

      const streaming = await newBattle();
      const streamingIds = (await store.battlesInStatus('streaming')).map((b) => b.id);
      expect(streamingIds).toContain(streaming.id);
      expect(streamingIds).not.toContain(due.id);
    });
    // === What several processes share: chats by address, threads, message refs, leases, deliveries ============

    it('keeps the space a chat belongs to and finds a chat by its platform address', async () => {
      const chat = await store.upsertChat({ platform: 'discord', id: 'chan-1', kind: 'group', title: 'general', space: 'guild-1' });
      expect(chat).toMatchObject({ platform: 'discord', externalId: 'chan-1', space: 'guild-1' });
      // An event that does not say the space leaves it; one that does moves it.
      expect(await store.upsertChat({ platform: 'discord', id: 'chan-1', kind: 'group' })).toMatchObject({ id: chat.id, space: 'guild-1', title: 'general' });
      expect(await store.upsertChat({ platform: 'discord', id: 'chan-1', kind: 'group', space: 'guild-2' })).toMatchObject({ id: chat.id, space: 'guild-2' });
      expect(await store.getChatByAddress('discord', 'chan-1')).toEqual(await store.getChat(chat.id));
      expect(await store.getChatByAddress('slack', 'chan-1')).toBeNull();
      expect((await store.upsertChat({ platform: 'web', id: 'no-space', kind: 'private' })).space).toBeNull();
    });

    it('records the thread a battle opened and finds the newest battle of a thread', async () => {
      const older = await newBattle();
      const newer = await newBattle();
      await store.setThread(older.id, 'thread-1');
      expect(await store.getBattle(older.id)).toMatchObject({ thread: 'thread-1' });
      expect((await store.getBattleByThread(chatId, 'thread-1'))?.id).toBe(older.id);
      await store.setThread(newer.id, 'thread-1');
      expect((await store.getBattleByThread(chatId, 'thread-1'))?.id).toBe(newer.id);
      expect(await store.getBattleByThread(chatId, 'thread-2')).toBeNull();
      const otherChat = await store.upsertChat({ platform: 'web', id: 'room-threads', kind: 'group' });
      expect(await store.getBattleByThread(otherChat.id, 'thread-1')).toBeNull();
      await expect(store.setThread('missing', 'thread-1')).rejects.toThrow(/does not exist/);
    });

    it('stores message refs with their turn and part, reads them back in order, and moves a ref stored again', async () => {
      const battle = await newBattle();
      const later = await newBattle();
      const refs = [
        { battleId: battle.id, chatId, ref: 'p-1', role: 'prompt', turn: 0, part: 0 },
        { battleId: battle.id, chatId, ref: 'a-1', role: 'a', turn: 0, part: 0 },
        { battleId: battle.id, chatId, ref: 'a-2', role: 'a', turn: 0, part: 1 },
        { battleId: battle.id, chatId, ref: 'b-1', role: 'b', turn: 0, part: 0 },
      ];
      await store.addMessageRefs(refs);
      await store.addMessageRefs([{ battleId: battle.id, chatId, ref: 'ballot-1', role: 'ballot', turn: null, part: 0 }]);
      await store.addMessageRefs([{ battleId: battle.id, chatId, ref: 'a-3', role: 'a', turn: 1, part: 0 }]);
      expect(await store.getMessageRefs(battle.id)).toEqual([
        ...refs,
        { battleId: battle.id, chatId, ref: 'ballot-1', role: 'ballot', turn: null, part: 0 },
        { battleId: battle.id, chatId, ref: 'a-3', role: 'a', turn: 1, part: 0 },
      ]);
      // The ballot message is reused by a later battle: it leaves the first battle's refs and joins the later one's.
      await store.addMessageRefs([{ battleId: later.id, chatId, ref: 'ballot-1', role: 'ballot', turn: null, part: 0 }]);
      expect((await store.getMessageRefs(battle.id)).map((r) => r.ref)).toEqual(['p-1', 'a-1', 'a-2', 'b-1', 'a-3']);
      expect(await store.getMessageRefs(later.id)).toEqual([{ battleId: later.id, chatId, ref: 'ballot-1', role: 'ballot', turn: null, part: 0 }]);
      // Stored again within its battle (a part became its own message): the latest role, turn and part win.
      await store.addMessageRefs([{ battleId: battle.id, chatId, ref: 'a-2', role: 'a', turn: 0, part: 2 }]);
      expect((await store.getMessageRefs(battle.id)).find((r) => r.ref === 'a-2')).toMatchObject({ part: 2 });
      expect(await store.getMessageRefs('missing')).toEqual([]);
    });

    it('starts a battle under the lease of the process that generates it, and gives it back with a status move', async () => {
      const until = new Date(Date.now() + 30_000);
      const { battle } = await store.startBattle({ token: token(), chatId, initiatorId, modelAId: 'alpha', modelBId: 'beta', mode: 'random', language: null, lease: { owner: 'proc-1', until } }, 'Hi');
      expect(battle).toMatchObject({ leaseOwner: 'proc-1', leaseUntil: until });
      expect(await store.getBattle(battle.id)).toMatchObject({ leaseOwner: 'proc-1', leaseUntil: until });
      expect(await store.setStatus(battle.id, 'open', { from: ['streaming'], releaseLease: true })).toBe(true);
      expect(await store.getBattle(battle.id)).toMatchObject({ status: 'open', leaseOwner: null, leaseUntil: null });
      // Without releaseLease a status move leaves the lease alone.
      const kept = await store.startBattle({ token: token(), chatId, initiatorId, modelAId: 'alpha', modelBId: 'beta', mode: 'random', language: null, lease: { owner: 'proc-1', until } }, 'Hi');
      await store.setStatus(kept.battle.id, 'open');
      expect(await store.getBattle(kept.battle.id)).toMatchObject({ leaseOwner: 'proc-1' });
      // A battle started without a lease has none.
      expect((await newBattle())).toMatchObject({ leaseOwner: null, leaseUntil: null });
    });

    it('grants a battle\'s lease only when nobody holds a live one, and only in the given statuses', async () => {
      const t0 = new Date('2030-01-01T00:00:00.000Z');
      const at = (seconds: number) => new Date(t0.getTime() + seconds * 1_000);
      const battle = await openBattle();
      expect(await store.claimBattle(battle.id, { owner: 'p1', until: at(30) }, ['open'], t0)).toBe(true);
      expect(await store.getBattle(battle.id)).toMatchObject({ leaseOwner: 'p1', leaseUntil: at(30) });
      // Live: refused to anyone, its owner included (of two follow-ups in one process, one generates).
      expect(await store.claimBattle(battle.id, { owner: 'p2', until: at(40) }, ['open'], at(10))).toBe(false);
      expect(await store.claimBattle(battle.id, { owner: 'p1', until: at(40) }, ['open'], at(10))).toBe(false);
      // Run out: granted.
      expect(await store.claimBattle(battle.id, { owner: 'p2', until: at(90) }, ['open'], at(31))).toBe(true);
      expect(await store.getBattle(battle.id)).toMatchObject({ leaseOwner: 'p2', leaseUntil: at(90) });
      // Only the holder gives it back.
      await store.releaseBattle(battle.id, 'p1');
      expect((await store.getBattle(battle.id))?.leaseOwner).toBe('p2');
      await store.releaseBattle(battle.id, 'p2');
      expect(await store.getBattle(battle.id)).toMatchObject({ leaseOwner: null, leaseUntil: null });
      // Not in one of the statuses: refused; no statuses at all: refused.
      expect(await store.claimBattle(battle.id, { owner: 'p3', until: at(120) }, ['streaming', 'closed'], at(100))).toBe(false);
      expect(await store.claimBattle(battle.id, { owner: 'p3', until: at(120) }, [], at(100))).toBe(false);
      expect(await store.claimBattle(battle.id, { owner: 'p3', until: at(120) }, ['closed', 'open'], at(100))).toBe(true);
      expect(await store.claimBattle('missing', { owner: 'p3', until: at(120) }, ['open'], at(100))).toBe(false);
    });

    it('gives a battle\'s lease to exactly one of many racing claims', async () => {
      const battle = await openBattle();
      const now = new Date();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => store.claimBattle(battle.id, { owner: `proc-${i}`, until: new Date(now.getTime() + 60_000) }, ['open'], now)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store.getBattle(battle.id))?.leaseOwner).toBe(`proc-${results.indexOf(true)}`);
    });

    it('renews only the leases its owner holds, lists the ones that ran out, and reaps each once', async () => {
      const t0 = new Date('2031-01-01T00:00:00.000Z');
      const at = (seconds: number) => new Date(t0.getTime() + seconds * 1_000);
      const mine = await openBattle();
      const also = await openBattle();
      const theirs = await openBattle();
      await store.claimBattle(mine.id, { owner: 'me', until: at(10) }, ['open'], t0);
      await store.claimBattle(also.id, { owner: 'me', until: at(5) }, ['open'], t0);
      await store.claimBattle(theirs.id, { owner: 'them', until: at(10) }, ['open'], t0);
      expect(await store.renewLeases('me', at(60))).toBe(2);
      expect(await store.getBattle(mine.id)).toMatchObject({ leaseUntil: at(60) });
      expect(await store.getBattle(also.id)).toMatchObject({ leaseUntil: at(60) });
      expect(await store.getBattle(theirs.id)).toMatchObject({ leaseOwner: 'them', leaseUntil: at(10) });
      expect(await store.renewLeases('nobody', at(60))).toBe(0);

      // At t0+30 s "them" is gone: its battle's lease ran out, mine did not.
      const expired = (await store.expiredLeases(at(30))).map((b) => b.id);
      expect(expired).toContain(theirs.id);
      expect(expired).not.toContain(mine.id);
      expect(expired).not.toContain(also.id);
      // Oldest expiry first.
      const older = await openBattle();
      await store.claimBattle(older.id, { owner: 'them', until: at(2) }, ['open'], t0);
      const order = (await store.expiredLeases(at(30))).map((b) => b.id);
      expect(order.indexOf(older.id)).toBeLessThan(order.indexOf(theirs.id));

      // A live lease cannot be reaped; an expired one is reaped by exactly one of racing callers.
      expect(await store.reapLease(mine.id, at(30), { owner: 'reaper', until: at(40) })).toBe(false);
      const reaped = await Promise.all(Array.from({ length: 8 }, (_, i) => store.reapLease(theirs.id, at(30), { owner: `reaper-${i}`, until: at(40) })));
      expect(reaped.filter(Boolean)).toHaveLength(1);
      // The reaper holds the battle while it deals with it: not expired, not reaped again, until its own lease runs out.
      const reaper = `reaper-${reaped.indexOf(true)}`;
      expect(await store.getBattle(theirs.id)).toMatchObject({ leaseOwner: reaper, leaseUntil: at(40), status: 'open' });
      expect((await store.expiredLeases(at(30))).map((b) => b.id)).not.toContain(theirs.id);
      expect(await store.reapLease(theirs.id, at(30), { owner: 'late', until: at(40) })).toBe(false);
      // A reaper that died meanwhile leaves it to the next one; one that finished gives it back.
      expect((await store.expiredLeases(at(50))).map((b) => b.id)).toContain(theirs.id);
      expect(await store.reapLease(theirs.id, at(50), { owner: 'next', until: at(60) })).toBe(true);
      await store.releaseBattle(theirs.id, 'next');
      expect(await store.getBattle(theirs.id)).toMatchObject({ leaseOwner: null, leaseUntil: null, status: 'open' });
    });

    it('claims a platform delivery once, and answers a redelivery with the acknowledgement recorded', async () => {
      const key = `web:${token()}`;
      const now = new Date();
      expect(await store.claimDelivery(key, now)).toEqual({ fresh: true, replay: false, ack: null });
      // Redelivered before the first was acknowledged.
      expect(await store.claimDelivery(key, now)).toEqual({ fresh: false, replay: false, ack: null });
      await store.completeDeliveries([{ key, ack: '{"text":"generating…"}' }]);
      expect(await store.claimDelivery(key, new Date())).toEqual({ fresh: false, replay: false, ack: '{"text":"generating…"}' });
      // A batch: each key gets its own ack; a key named twice keeps the last; unknown keys change nothing.
      const [k1, k2] = [`web:${token()}`, `web:${token()}`];
      await store.claimDelivery(k1, now);
      await store.claimDelivery(k2, now);
      await store.completeDeliveries([{ key: k1, ack: '"one"' }, { key: k2, ack: '"two"' }, { key: k1, ack: '"one, again"' }, { key: 'web:never-claimed', ack: '"x"' }]);
      expect(await store.claimDelivery(k1, now)).toEqual({ fresh: false, replay: false, ack: '"one, again"' });
      expect(await store.claimDelivery(k2, now)).toEqual({ fresh: false, replay: false, ack: '"two"' });
      expect(await store.claimDelivery('web:never-claimed', now)).toEqual({ fresh: true, replay: false, ack: null });
      await store.completeDeliveries([]);
    });

    it('claims the deliveries of one tick each (one statement on PostgreSQL), with their lease times as given', async () => {
      const keys = Array.from({ length: 5 }, () => `web:${token()}`);
      const claimedAt = new Date('2026-03-01T23:30:00.123Z');
      const lease = { owner: 'p1', until: new Date('2026-03-02T00:15:00.456Z') };
      const results = await Promise.all([
        ...keys.map((key, i) => store.claimDelivery(key, claimedAt, i % 2 === 0 ? lease : undefined)),
        store.claimDelivery(keys[0]!, claimedAt, lease),
      ]);
      expect(results.map((r) => r.fresh)).toEqual([true, true, true, true, true, false]);
      const rows = await database.kysely.selectFrom('Delivery').select(['key', 'claimedAt', 'owner', 'leaseUntil']).where('key', 'in', keys).execute();
      expect(rows).toHaveLength(5);
      for (const row of rows) {
        const i = keys.indexOf(row.key);
        expect(readDate(row.claimedAt).toISOString()).toBe(claimedAt.toISOString());
        expect(row.owner).toBe(i % 2 === 0 ? 'p1' : null);
        expect(row.leaseUntil === null ? null : readDate(row.leaseUntil).toISOString()).toBe(i % 2 === 0 ? lease.until.toISOString() : null);
      }
    });

    it('lets exactly one of many racing claims of a delivery handle it', async () => {
      const key = `web:${token()}`;
      const results = await Promise.all(Array.from({ length: 12 }, () => store.claimDelivery(key, new Date())));
      expect(results.filter((r) => r.fresh)).toHaveLength(1);
      expect(results.filter((r) => !r.fresh)).toHaveLength(11);
    });

    it('keeps stored deliveries until handled, hands each once to a claimer, and lets a lapsed claim be taken over', async () => {
      const t0 = new Date();
      const [k1, k2, k3] = [`tg:${token()}`, `tg:${token()}`, `tg:${token()}`];
      expect((await store.storeDeliveries([{ key: k1, payload: '{"u":1}' }, { key: k2, payload: '{"u":2}' }], t0)).sort()).toEqual([k1, k2].sort());
      // Stored again (the platform sent it again before the offset was confirmed): not new.
      expect(await store.storeDeliveries([{ key: k1, payload: '{"u":1}' }, { key: k3, payload: '{"u":3}' }], t0)).toEqual([k3]);
      const later = new Date(t0.getTime() + 10_000);
      const pendingOf = async (now: Date) => (await store.pendingDeliveries('tg:', new Date(now.getTime() - 5_000), now, 100)).map((d) => d.key).filter((k) => [k1, k2, k3].includes(k)).sort();
      // Only deliveries stored a while ago are anybody's to take (the process that stored them handles them at once).
      expect(await pendingOf(t0)).toEqual([]);
      expect(await pendingOf(later)).toEqual([k1, k2, k3].sort());
      expect((await store.pendingDeliveries('tg:', later, later, 100)).find((d) => d.key === k1)?.payload).toBe('{"u":1}');
      // Claimed by a process with a lease: fresh, not a replay; nobody else gets it while the lease lasts.
      const lease = { owner: 'p1', until: new Date(later.getTime() + 15_000) };
      expect(await store.claimDelivery(k1, later, lease)).toEqual({ fresh: true, replay: false, ack: null });
      expect(await store.claimDelivery(k1, later, { owner: 'p2', until: lease.until })).toEqual({ fresh: false, replay: false, ack: null });
      expect(await pendingOf(later)).toEqual([k2, k3].sort());
      // Its process died: once the lease ran out the delivery is pending again, and the next claim is a replay.
      const after = new Date(lease.until.getTime() + 1);
      expect(await pendingOf(after)).toEqual([k1, k2, k3].sort());
      const racing = await Promise.all([store.claimDelivery(k1, after, { owner: 'p2', until: new Date(after.getTime() + 15_000) }), store.claimDelivery(k1, after, { owner: 'p3', until: new Date(after.getTime() + 15_000) })]);
      expect(racing.filter((c) => c.fresh)).toEqual([{ fresh: true, replay: true, ack: null }]);
      // Handled: its payload is dropped and it is nobody's any more.
      await store.completeDeliveries([{ key: k1, ack: '{"notice":{"text":"ok"}}' }]);
      expect(await store.claimDelivery(k1, after, { owner: 'p4', until: new Date(after.getTime() + 15_000) })).toEqual({ fresh: false, replay: false, ack: '{"notice":{"text":"ok"}}' });
      expect(await pendingOf(new Date(after.getTime() + 60_000))).toEqual([k2, k3].sort());
      const payload = await database.kysely.selectFrom('Delivery').select('payload').where('key', '=', k1).executeTakeFirstOrThrow();
      expect(payload.payload).toBeNull();
    });

    it('finds the battle a delivery started, and never starts two for one delivery', async () => {
      const delivery = `tg:${token()}`;
      const first = await store.startBattle({ token: token(), chatId, initiatorId, modelAId: 'alpha', modelBId: 'beta', mode: 'random', language: null, delivery }, 'Once');
      expect((await store.getBattleByDelivery(delivery))?.id).toBe(first.battle.id);
      await expect(store.startBattle({ token: token(), chatId, initiatorId, modelAId: 'alpha', modelBId: 'beta', mode: 'random', language: null, delivery }, 'Twice')).rejects.toThrow();
      expect(await store.getBattleByDelivery(`tg:${token()}`)).toBeNull();
    });

    it('forgets deliveries claimed before a time', async () => {
      const old = new Date('2001-01-01T00:00:00.000Z');
      const [a, b, recent] = [`web:${token()}`, `web:${token()}`, `web:${token()}`];
      await store.claimDelivery(a, old);
      await store.claimDelivery(b, new Date(old.getTime() + 1_000));
      await store.claimDelivery(recent, new Date());
      expect(await store.purgeDeliveries(new Date(old.getTime() + 1_000))).toBe(1);
      expect(await store.purgeDeliveries(new Date('2002-01-01T00:00:00.000Z'))).toBe(1);
      // Forgotten: a very late redelivery would be handled again; the recent one is still known.
      expect((await store.claimDelivery(a, new Date())).fresh).toBe(true);
      expect((await store.claimDelivery(recent, new Date())).fresh).toBe(false);
    });

    // === Two processes: two stores on one database, each with its own connection or pool ===================

    describe('with a second store on the same database, as a second process', () => {
      let second: BattleStore;
      beforeAll(async () => {
        second = createStore(await openDatabase(url, { migrate: false }));
      });
      afterAll(async () => {
        await second?.close();
      });
      const either = (i: number) => (i % 2 === 0 ? store : second);

      it('counts 50 votes arriving on both exactly once each, and one close', async () => {
        const battle = await openBattle();
        const people = await voters(50);
        const results = await Promise.all(people.map((p, i) => either(i).castVote(battle.id, p.id, i % 3 === 0 ? 'b' : 'a', { closeAtVotes: 50 })));
        expect(results.every((r) => r.status === 'counted')).toBe(true);
        expect(results.map((r) => (r.status === 'counted' ? r.voteCount : 0)).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
        expect(results.filter((r) => r.status === 'counted' && r.closed)).toHaveLength(1);
        expect(await second.tally(battle.id)).toEqual({ a: 33, b: 17, tie: 0, both_bad: 0 });
        expect(await counters(battle.id)).toEqual({ a: 33, b: 17, tie: 0, both_bad: 0 });
        expect(await store.getBattle(battle.id)).toMatchObject({ status: 'closed', voteCount: 50 });
      });

      it('lets exactly one of many simultaneous votes close the battle', async () => {
        const battle = await openBattle();
        const people = await voters(12);
        const results = await Promise.all(people.map((p, i) => either(i).castVote(battle.id, p.id, 'tie', { closeAtVotes: 5 })));
        expect(results.filter((r) => r.status === 'counted')).toHaveLength(5);
        expect(results.filter((r) => r.status === 'counted' && r.closed)).toEqual([{ status: 'counted', voteCount: 5, closed: { tally: { a: 0, b: 0, tie: 5, both_bad: 0 } } }]);
        expect(results.filter((r) => r.status === 'not_open')).toHaveLength(7);
      });

      it('counts one person pressing on both at once once', async () => {
        const battle = await openBattle();
        const [person] = await voters(1);
        const results = await Promise.all([store.castVote(battle.id, person!.id, 'a'), second.castVote(battle.id, person!.id, 'b')]);
        expect(results.filter((r) => r.status === 'counted')).toEqual([{ status: 'counted', voteCount: 1 }]);
        expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(1);
        expect((await second.getBattle(battle.id))?.voteCount).toBe(1);
      });

      it('keeps voteCount equal to the stored votes when votes on both race a close on one', async () => {
        const battle = await openBattle();
        const people = await voters(30);
        const votes = people.map((p, i) => either(i).castVote(battle.id, p.id, 'b'));
        const close = second.setStatus(battle.id, 'closed', { from: ['open'] });
        const results = await Promise.all(votes);
        expect(await close).toBe(true);
        const counted = results.filter((r) => r.status === 'counted').length;
        expect(results.every((r) => r.status === 'counted' || (r.status === 'not_open' && r.battleStatus === 'closed'))).toBe(true);
        expect((await store.tally(battle.id)).b).toBe(counted);
        expect((await second.getBattle(battle.id))?.voteCount).toBe(counted);
      });

      it('gives a lease to one claim and reaps an expired lease once, across both', async () => {
        const battle = await openBattle();
        const now = new Date();
        const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => either(i).claimBattle(battle.id, { owner: `proc-${i}`, until: new Date(now.getTime() + 1_000) }, ['open'], now)));
        expect(claims.filter(Boolean)).toHaveLength(1);
        const later = new Date(now.getTime() + 2_000);
        const reaps = await Promise.all(Array.from({ length: 10 }, (_, i) => either(i).reapLease(battle.id, later, { owner: `reaper-${i}`, until: new Date(later.getTime() + 1_000) })));
        expect(reaps.filter(Boolean)).toHaveLength(1);
      });

      it('hands a redelivered event to exactly one of them', async () => {
        for (let round = 0; round < 5; round++) {
          const key = `web:${token()}`;
          const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => either(i).claimDelivery(key, new Date())));
          expect(claims.filter((c) => c.fresh)).toHaveLength(1);
        }
      });

      it('sees what the other wrote: settings, message refs, threads', async () => {
        const chat = await store.upsertChat({ platform: 'web', id: `shared-${token()}`, kind: 'group' });
        await second.updateChat(chat.id, { settings: '{"trigger":"all"}' });
        expect((await store.getChat(chat.id))?.settings).toBe('{"trigger":"all"}');
        const battle = await newBattle();
        await second.addMessageRefs([{ battleId: battle.id, chatId, ref: `shared-${battle.id}`, role: 'ballot', turn: null, part: 0 }]);
        await second.setThread(battle.id, `thread-${battle.id}`);
        expect((await store.getBattleByMessageRef(chatId, `shared-${battle.id}`))?.id).toBe(battle.id);
        expect((await store.getBattleByThread(chatId, `thread-${battle.id}`))?.id).toBe(battle.id);
      });
    });
  });
}
