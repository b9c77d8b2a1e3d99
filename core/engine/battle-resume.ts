// Taking over a battle whose process died mid-generation (its lease lapsed and this process took it over: leases.ts):
// the unfinished turn runs again, into the messages that process posted (a side it had finished is kept), then the
// ballot is shown as that process would have.
import { parseChatSettings } from '../config/chat-settings';
import type { BattleRow } from '../store/types';
import { ballotShown, openBallot, openForVotes } from './battle-ballot';
import type { BattleDeps } from './battles';
import { runTurn } from './turns';

/** False when the battle cannot be shown here (its chat or platform is gone); the lease is released either way. */
export async function resumeBattle(deps: BattleDeps, battle: BattleRow): Promise<boolean> {
  const { ctx, lives } = deps;
  const { store, log, live } = ctx;
  const chatRow = await store.getChat(battle.chatId);
  // Rebuilt from the database: a copy held from before (a vote on an earlier turn) lacks the unfinished turn's messages.
  live.delete(battle.token);
  const state = chatRow ? await lives.liveOf(battle, chatRow) : null;
  const turns = await store.getTurns(battle.id);
  const turn = turns.at(-1);
  if (!chatRow || !state || !turn) {
    await store.releaseBattle(battle.id, ctx.instance);
    return false;
  }
  state.turns = turns;
  state.resumed = true;
  live.set(battle.token, state);
  const t = ctx.chatT(chatRow, parseChatSettings(chatRow.settings));
  log.warn({ battle: battle.id, turn: turn.index, resumes: battle.resumes + 1 }, 'battle of a process that is gone resumed here');
  try {
    if (!(await runTurn(deps.turns, battle, state, turn, undefined, t))) return true;
    if (battle.status === 'streaming' && !(await openForVotes(ctx, battle, chatRow))) return true;
    const fresh = (await store.getBattle(battle.id)) ?? battle;
    if (fresh.status === 'open') {
      openBallot(deps, fresh, state, turn.index, t);
      await ballotShown(deps, state);
    }
    return true;
  } finally {
    state.resumed = false;
    await store.releaseBattle(battle.id, ctx.instance);
  }
}
