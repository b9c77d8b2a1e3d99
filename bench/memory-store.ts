// A minimal in-process store for `npm run bench -- --store memory`: what the engine costs without a database. It keeps
// every row in the heap and checks nothing the engine does not rely on; never use it outside the benchmark.
import type { BattleRow, BattleStore, ChatRow, MessageRefRow, NewBattle, ReplyRow, TurnRow, UserRow } from '../core/store/types';

export function memoryStore(): BattleStore {
  let ids = 0;
  const id = () => String(++ids);
  const chats = new Map<string, ChatRow>();
  const users = new Map<string, UserRow>();
  const battles = new Map<string, BattleRow>();
  const byToken = new Map<string, BattleRow>();
  const refs = new Map<string, MessageRefRow>();
  const deliveries = new Map<string, string | null>();
  const turns = new Map<string, TurnRow[]>();
  const turnById = new Map<string, TurnRow>();
  const votes = new Map<string, Map<string, 'a' | 'b' | 'tie' | 'both_bad'>>();
  const tick = () => Promise.resolve();
  const chatById = (chatId: string) => [...chats.values()].find((c) => c.id === chatId) ?? null;
  const insertBattle = (b: NewBattle): BattleRow => {
    const { lease, ...fields } = b;
    const row: BattleRow = {
      ...fields, id: id(), campaignId: null, status: 'streaming', identityLeak: false, leakTerms: [], failure: null, voteCount: 0, thread: null,
      leaseOwner: lease?.owner ?? null, leaseUntil: lease?.until ?? null, resumes: 0, openedAt: new Date(), closesAt: null, closedAt: null,
    };
    battles.set(row.id, row);
    byToken.set(row.token, row);
    turns.set(row.id, []);
    votes.set(row.id, new Map());
    return { ...row };
  };
  const insertTurn = (battleId: string, authorId: string, prompt: string): TurnRow => {
    const list = turns.get(battleId)!;
    const turn: TurnRow = { id: id(), index: list.length, authorId, prompt, replies: {} };
    list.push(turn);
    turnById.set(turn.id, turn);
    return { ...turn, replies: {} };
  };
  return {
    async upsertChat(chat) {
      await tick();
      const key = `${chat.platform}:${chat.id}`;
      let row = chats.get(key);
      if (!row) chats.set(key, (row = { id: id(), platform: chat.platform, externalId: chat.id, kind: chat.kind, title: chat.title ?? null, locale: chat.locale ?? null, timezone: null, space: chat.space ?? null, settings: '{}', enabled: true }));
      return row;
    },
    async getChatByAddress(platform, externalId) {
      return chats.get(`${platform}:${externalId}`) ?? null;
    },
    async updateChat(chatId, patch) {
      const row = chatById(chatId)!;
      Object.assign(row, patch);
      return row;
    },
    async getChat(chatId) {
      return chatById(chatId);
    },
    async moveChat(platform, from, to) {
      const row = chats.get(`${platform}:${from}`);
      if (!row || chats.has(`${platform}:${to}`)) return null;
      chats.delete(`${platform}:${from}`);
      row.externalId = to;
      chats.set(`${platform}:${to}`, row);
      return row;
    },
    async chatSchedule() {
      return null;
    },
    async setChatSchedule() {},
    async upsertUser(person) {
      await tick();
      const key = `${person.platform}:${person.id}`;
      let row = users.get(key);
      if (!row) users.set(key, (row = { id: id(), platform: person.platform, externalId: person.id, locale: person.locale ?? null, consent: 'unknown' }));
      return row;
    },
    async syncModels() {},
    async voteCountsByModel() {
      return new Map();
    },
    createBattle: (b) => tick().then(() => insertBattle(b)),
    async startBattle(b, prompt) {
      await tick();
      const battle = insertBattle(b);
      return { battle, turn: insertTurn(battle.id, b.initiatorId, prompt) };
    },
    async getBattle(battleId) {
      const row = battles.get(battleId);
      return row ? { ...row } : null;
    },
    async getBattleByDelivery() {
      return null;
    },
    async getBattleByToken(token) {
      await tick();
      const row = byToken.get(token);
      return row ? { ...row } : null;
    },
    async getBattleByMessageRef(chatId, ref) {
      const found = refs.get(`${chatId}:${ref}`);
      return found ? { ...battles.get(found.battleId)! } : null;
    },
    async addMessageRefs(list) {
      await tick();
      for (const row of list) {
        refs.delete(`${row.chatId}:${row.ref}`);
        refs.set(`${row.chatId}:${row.ref}`, { ...row });
      }
    },
    async getMessageRefs(battleId) {
      return [...refs.values()].filter((r) => r.battleId === battleId);
    },
    async getBattleByThread(chatId, thread) {
      const found = [...battles.values()].filter((b) => b.chatId === chatId && b.thread === thread).at(-1);
      return found ? { ...found } : null;
    },
    async setThread(battleId, thread) {
      battles.get(battleId)!.thread = thread;
    },
    async swapModel(battleId, side, modelId) {
      const row = battles.get(battleId)!;
      if (side === 'a') row.modelAId = modelId;
      else row.modelBId = modelId;
    },
    async setStatus(battleId, to, options = {}) {
      await tick();
      const row = battles.get(battleId);
      if (!row || (options.from && !options.from.includes(row.status))) return false;
      row.status = to;
      if (options.closesAt !== undefined) row.closesAt = options.closesAt;
      if (options.failure !== undefined) row.failure = options.failure;
      if (to === 'closed' || to === 'failed') row.closedAt = new Date();
      if (options.releaseLease) row.leaseOwner = row.leaseUntil = null;
      return true;
    },
    async flagIdentityLeak(battleId, terms) {
      const row = battles.get(battleId)!;
      row.identityLeak = true;
      row.leakTerms = [...new Set([...row.leakTerms, ...terms])];
    },
    addTurn: (battleId, authorId, prompt) => tick().then(() => insertTurn(battleId, authorId, prompt)),
    async saveReply(turnId, side, result) {
      await tick();
      const reply: ReplyRow = { id: id(), side, modelId: result.modelId, text: result.text, tokensIn: result.tokensIn ?? null, tokensOut: result.tokensOut ?? null, ttftMs: result.ttftMs ?? null, latencyMs: result.latencyMs, finishReason: result.finishReason, error: result.error ?? null };
      turnById.get(turnId)!.replies[side] = reply;
      return reply;
    },
    async getTurns(battleId) {
      await tick();
      return (turns.get(battleId) ?? []).map((t) => ({ ...t, replies: { ...t.replies } }));
    },
    async castVote(battleId, voterId, choice, options = {}) {
      await tick();
      const row = battles.get(battleId)!;
      if (row.status !== 'open') return { status: 'not_open', battleStatus: row.status };
      const cast = votes.get(battleId)!;
      const existing = cast.get(voterId);
      if (existing) return { status: 'duplicate', choice: existing };
      cast.set(voterId, choice);
      const voteCount = ++row.voteCount;
      if (options.closeAtVotes === undefined || voteCount < options.closeAtVotes) return { status: 'counted', voteCount };
      row.status = 'closed';
      row.closedAt = new Date();
      const tally = { a: 0, b: 0, tie: 0, both_bad: 0 };
      for (const c of cast.values()) tally[c]++;
      return { status: 'counted', voteCount, closed: { tally } };
    },
    async changeVote(battleId, voterId, choice) {
      const row = battles.get(battleId)!;
      if (row.status !== 'open') return { status: 'not_open', battleStatus: row.status };
      const from = votes.get(battleId)!.get(voterId);
      if (!from) return { status: 'no_vote' };
      if (from === choice) return { status: 'unchanged', choice };
      votes.get(battleId)!.set(voterId, choice);
      return { status: 'changed', from, choice };
    },
    async getVote(battleId, voterId) {
      return votes.get(battleId)?.get(voterId) ?? null;
    },
    async addVoteReason(battleId, voterId, reason) {
      return votes.get(battleId)?.has(voterId) ? [reason] : null;
    },
    async setCategories() {},
    async spendSince() {
      return [];
    },
    async setVoteComment(battleId, voterId) {
      return votes.get(battleId)?.has(voterId) ?? false;
    },
    async tally(battleId) {
      await tick();
      const tally = { a: 0, b: 0, tie: 0, both_bad: 0 };
      for (const choice of votes.get(battleId)!.values()) tally[choice]++;
      return tally;
    },
    async react() {},
    async getReply() {
      return null;
    },
    async getReaction() {
      return null;
    },
    async dueBattles(now) {
      return [...battles.values()].filter((b) => b.status === 'open' && b.closesAt && b.closesAt <= now).map((b) => ({ ...b }));
    },
    async battlesInStatus(status) {
      return [...battles.values()].filter((b) => b.status === status).map((b) => ({ ...b }));
    },
    async claimBattle(battleId, lease, statuses, now) {
      const row = battles.get(battleId);
      if (!row || !statuses.includes(row.status) || (row.leaseUntil && row.leaseUntil >= now)) return false;
      row.leaseOwner = lease.owner;
      row.leaseUntil = lease.until;
      return true;
    },
    async releaseBattle(battleId, owner) {
      const row = battles.get(battleId);
      if (row?.leaseOwner === owner) row.leaseOwner = row.leaseUntil = null;
    },
    async renewLeases(owner, until) {
      let n = 0;
      for (const row of battles.values()) if (row.leaseOwner === owner) (row.leaseUntil = until), n++;
      return n;
    },
    async expiredLeases(now) {
      return [...battles.values()].filter((b) => b.leaseUntil && b.leaseUntil < now).map((b) => ({ ...b }));
    },
    async reapLease(battleId, now, lease) {
      const row = battles.get(battleId);
      if (!row?.leaseUntil || row.leaseUntil >= now) return false;
      Object.assign(row, { leaseOwner: lease.owner, leaseUntil: lease.until });
      return true;
    },
    async takeOverBattle(battleId, lease, now, maxResumes) {
      const row = battles.get(battleId);
      if (!row?.leaseUntil || row.leaseUntil >= now || row.resumes >= maxResumes) return false;
      Object.assign(row, { leaseOwner: lease.owner, leaseUntil: lease.until, resumes: row.resumes + 1 });
      return true;
    },
    async claimDelivery(key) {
      await tick();
      if (deliveries.has(key)) return { fresh: false, replay: false, ack: deliveries.get(key) ?? null };
      deliveries.set(key, null);
      return { fresh: true, replay: false, ack: null };
    },
    async storeDeliveries(items) {
      return items.filter((i) => !deliveries.has(i.key)).map((i) => (deliveries.set(i.key, null), i.key));
    },
    async pendingDeliveries() {
      return [];
    },
    async completeDeliveries(done) {
      for (const { key, ack } of done) deliveries.set(key, ack);
    },
    async purgeDeliveries() {
      const n = deliveries.size;
      deliveries.clear();
      return n;
    },
    async close() {},
  };
}
