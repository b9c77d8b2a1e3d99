// A follow-up: another turn of an open battle, asked by someone who has not voted yet, one at a time across processes
// (the battle's lease); the turn and the ballot moved under it run as the event's work.
import type { PromptEvent } from '../port/types';
import type { BattleRow, TurnRow } from '../store/types';
import { ballotShown, openBallot } from './battle-ballot';
import { leaseFor } from './leases';
import type { BattleDeps } from './battles';
import type { LiveBattle } from './context';
import type { EventContext } from './event-context';
import { runTurn } from './turns';

/** Acknowledged part of a follow-up: the battle's lease (one follow-up at a time, across processes) and the turn. */
export async function continueBattle(deps: BattleDeps, ec: EventContext<PromptEvent>, battle: BattleRow, text: string): Promise<void> {
  const { ctx, lives } = deps;
  const { store, config } = ctx;
  if (battle.status !== 'open') {
    ec.notice(ec.pt(battle.status === 'streaming' ? 'vote-too-early' : 'battle-not-open'));
    return;
  }
  // Whoever voted has seen the names (the vote's answer reveals them): they may no longer steer the blind conversation.
  if (await store.getVote(battle.id, ec.user.id)) {
    ec.notice(ec.pt('followup-after-reveal'));
    return;
  }
  const turns = await lives.turnsOf(battle);
  if (turns.length >= config.battle.maxTurns) {
    ec.notice(ec.pt('battle-max-turns', { max: config.battle.maxTurns }));
    return;
  }
  if (!(await store.claimBattle(battle.id, leaseFor(ctx), ['open'], new Date()))) {
    ec.notice(ec.pt('vote-too-early'));
    return;
  }
  let turn: TurnRow;
  try {
    turn = await store.addTurn(battle.id, ec.user.id, text);
  } catch (error) {
    await store.releaseBattle(battle.id, ctx.instance);
    throw error;
  }
  const state: LiveBattle = (await lives.liveOf(battle, ec.chatRow)) ?? { chat: ec.event.chat, chatRow: ec.chatRow, replies: new Map(), adopted: false };
  state.turns = [...turns, turn];
  const t = ec.t;
  // Inside the battle's own thread the follow-up is answered there; a reply from elsewhere is answered in the thread.
  const replyTo = state.chat.thread === ec.event.chat.thread ? ec.event.messageRef : undefined;
  ec.work('follow-up', async () => {
    try {
      if (!(await runTurn(deps.turns, battle, state, turn, replyTo, t))) return;
      const fresh = (await store.getBattle(battle.id)) ?? battle;
      if (fresh.status === 'open') {
        openBallot(deps, fresh, state, turn.index, t);
        // Still leased: a process dying before the ballot shows leaves it to showMissingBallot.
        await ballotShown(deps, state);
      }
      await deps.categorize.afterTurn(battle, state.turns ?? []);
    } finally {
      await store.releaseBattle(battle.id, ctx.instance);
    }
  });
}
