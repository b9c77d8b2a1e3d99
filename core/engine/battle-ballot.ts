// A battle's ballot: the chat's reveal policy, the open ballot's view, showing it under the newest turn, and showing
// it for a process that died before it could.
import { parseChatSettings, revealPolicyFor } from '../config/chat-settings';
import type { RevealPolicy } from '../config/schema';
import type { Translate } from '../i18n';
import type { BattleRow, ChatRow } from '../store/types';
import type { BattleDeps } from './battles';
import { type ArenaContext, type LiveBattle } from './context';
import { ballotMessage } from './views';

export const policyOf = (ctx: Pick<ArenaContext, 'config'>, chatRow: ChatRow): RevealPolicy => revealPolicyFor(parseChatSettings(chatRow.settings), chatRow.kind, ctx.config);

export const ballotView = (battle: BattleRow, t: Translate, policy: RevealPolicy) =>
  ballotMessage(t, {
    token: battle.token,
    status: 'open',
    votes: battle.voteCount,
    closesAt: battle.closesAt,
    closeAfterVotes: policy.after === 'votes' ? policy.votes : undefined,
  });

/**
 * Opens a battle whose first turn is done: open for votes, with its deadline when the chat's policy closes on time (a
 * job closes it then; the sweep does if the job is lost). False when another process got there first (it reaped the
 * battle, this process having stalled past its lease), and then nothing more is to be shown here.
 */
export async function openForVotes(ctx: ArenaContext, battle: BattleRow, chatRow: ChatRow): Promise<boolean> {
  const policy = policyOf(ctx, chatRow);
  const closesAt = policy.after === 'minutes' ? new Date(Date.now() + policy.minutes * 60_000) : null;
  if (!(await ctx.store.setStatus(battle.id, 'open', { from: ['streaming'], closesAt }))) return false;
  battle.status = 'open';
  battle.closesAt = closesAt;
  if (closesAt) void ctx.jobs.closeAt(battle.id, closesAt);
  return true;
}

/** Shows the ballot under the newest turn; the previous one (if any) points down to it. */
export function openBallot({ ctx, refs }: Pick<BattleDeps, 'ctx' | 'refs'>, battle: BattleRow, state: LiveBattle, turn: number, t: Translate): void {
  const { presenter } = ctx.portFor(state.chat.platform);
  state.ballot?.set(ballotMessage(t, { token: battle.token, status: 'moved', votes: battle.voteCount }));
  state.ballot = presenter.open(state.chat, ballotView(battle, t, policyOf(ctx, state.chatRow)), {
    onRef: (ref, part) => {
      refs.addRef({ battleId: battle.id, chatId: state.chatRow.id, ref, role: 'ballot', turn, part });
      // Stored at once, not in the next batch: a process dying after the ballot went out but before its ref is stored
      // would have another process post a second one (showMissingBallot). The post itself cannot be undone.
      void refs.flushRefs();
    },
  });
}

/** The ballot posted and its ref stored (a process taking the battle over then finds it). */
export async function ballotShown({ refs }: Pick<BattleDeps, 'refs'>, state: LiveBattle): Promise<void> {
  await state.ballot?.settled();
  await refs.flushRefs();
}

/**
 * An open battle whose process died (its lease lapsed) after the last turn's replies were done but before its ballot
 * was shown: the ballot, once (the reaper is one process). False when the last turn did not finish (an interrupted
 * follow-up, told as such by the caller).
 */
export async function showMissingBallot(deps: Pick<BattleDeps, 'ctx' | 'refs' | 'lives'>, battle: BattleRow): Promise<boolean> {
  const { ctx, refs, lives } = deps;
  const { store, log } = ctx;
  const turns = await store.getTurns(battle.id);
  const last = turns.at(-1);
  if (!last || !last.replies.a?.finishReason || !last.replies.b?.finishReason) return false;
  if ((await refs.refsOf(battle.id)).some((r) => r.role === 'ballot' && (r.turn ?? 0) === last.index)) return true;
  const chatRow = await store.getChat(battle.chatId);
  const state = chatRow ? await lives.liveOf(battle, chatRow) : null;
  if (!chatRow || !state) return true;
  log.warn({ battle: battle.id, turn: last.index }, 'ballot of a battle whose process is gone shown');
  openBallot(deps, battle, state, last.index, ctx.chatT(chatRow, parseChatSettings(chatRow.settings)));
  await ballotShown(deps, state);
  return true;
}
