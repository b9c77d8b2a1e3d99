// The battles this process shows. A battle started here is held from its start; one posted by another process, or
// by this one before a restart, is rebuilt from the database (its stored message refs and turns) the first time an
// event needs it, so a vote reaching any process updates the one ballot the chat sees, and the close names the models
// on the replies wherever they were posted.
import type { BattleRow, ChatRow, MessageRefRow, TurnRow } from '../store/types';
import { battleAddress, FAILED, type ArenaContext, type LiveBattle } from './context';
import type { MessageRefs } from './message-refs';
import type { ReplyState } from './views';

export interface LiveBattles {
  /** The battle as this process shows it, or null when its chat or platform is not here. */
  liveOf(battle: BattleRow, known?: ChatRow): Promise<LiveBattle | null>;
  /**
   * The battle with its ballot. Another process writes a new ballot's ref within a batch window (message-refs.ts):
   * a ballot not found yet is looked for again a few times before giving up (null ballot then).
   */
  withBallot(battle: BattleRow, known?: ChatRow): Promise<LiveBattle | null>;
  /** The battle's turns with their replies (held, or read once). */
  turnsOf(battle: BattleRow): Promise<TurnRow[]>;
}

/** Refs of one logical message (a role in a turn), in part order. */
function messagesByRole(rows: readonly MessageRefRow[]): Map<string, string[]> {
  const byKey = new Map<string, MessageRefRow[]>();
  for (const row of rows) {
    const key = `${row.role}\u0000${row.turn ?? -1}`;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(row);
  }
  const result = new Map<string, string[]>();
  for (const [key, list] of byKey) result.set(key, list.sort((x, y) => x.part - y.part).map((r) => r.ref));
  return result;
}

/** How long to wait, in turn, for a ballot another process posted but has not stored the ref of yet. */
const BALLOT_RETRY_MS = [50, 150, 400, 1_000];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function replyStateOf(turn: TurnRow | undefined, side: 'a' | 'b'): ReplyState {
  const reply = turn?.replies[side];
  if (!reply) return { text: '', status: 'waiting' };
  if (FAILED.has(reply.finishReason ?? '')) return { text: reply.text, status: 'failed', error: reply.error ?? reply.finishReason ?? '' };
  return { text: reply.text, status: 'done' };
}

export function createLiveBattles(ctx: ArenaContext, refs: MessageRefs): LiveBattles {
  const turnsOf = async (battle: BattleRow): Promise<TurnRow[]> => {
    const held = ctx.live.get(battle.token);
    if (held?.turns) return held.turns;
    const turns = await ctx.store.getTurns(battle.id);
    if (held) held.turns = turns;
    return turns;
  };

  const liveOf = async (battle: BattleRow, known?: ChatRow): Promise<LiveBattle | null> => {
    const held = ctx.live.get(battle.token);
    if (held) return held;
    const chatRow = known && known.id === battle.chatId ? known : await ctx.store.getChat(battle.chatId);
    if (!chatRow) return null;
    const entry = ctx.ports.get(chatRow.platform);
    if (!entry) return null;
    const rows = await refs.refsOf(battle.id);
    const chat = battleAddress(chatRow, battle);
    const state: LiveBattle = { chat, chatRow, replies: new Map(), adopted: true };
    const groups = messagesByRole(rows);
    // The newest ballot is the one people vote on (a follow-up moves the ballot under its replies).
    let ballotTurn = -Infinity;
    for (const row of rows) if (row.role === 'ballot' && (row.turn ?? -1) > ballotTurn) ballotTurn = row.turn ?? -1;
    if (ballotTurn > -Infinity) {
      state.ballot = entry.presenter.adopt(chat, groups.get(`ballot\u0000${ballotTurn}`) ?? []);
    }
    for (const [key, list] of groups) {
      const [role, turnText] = key.split('\u0000') as [string, string];
      if (role !== 'a' && role !== 'b') continue;
      const turn = Number(turnText);
      state.replies.set(`${turn}:${role}`, { live: entry.presenter.adopt(chat, list), state: { text: '', status: 'done' }, side: role, turn });
    }
    // Remembered only once complete: a battle rebuilt before its ballot's ref was stored is rebuilt again next time.
    if (state.ballot) ctx.adopt(battle.token, state);
    return state;
  };

  const withBallot = async (battle: BattleRow, known?: ChatRow): Promise<LiveBattle | null> => {
    let state = await liveOf(battle, known);
    for (const wait of BALLOT_RETRY_MS) {
      if (!state || state.ballot) return state;
      await sleep(wait);
      state = await liveOf(battle, known);
    }
    return state;
  };

  return { liveOf, withBallot, turnsOf };
}
