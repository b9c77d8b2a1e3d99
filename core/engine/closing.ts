// What the chat sees change after votes: the ballot's count, and at the close the result and the reveal (work that
// follows the acknowledgement, never part of it).
import { parseChatSettings } from '../config/chat-settings';
import { metrics } from '../metrics';
import type { VoteChoice } from '../port/types';
import type { BattleRow, ChatRow } from '../store/types';
import { leaseFor } from './leases';
import { replyStateOf } from './live';
import type { LiveMessage } from './presenter';
import { revealFor } from './reveal';
import type { VotingDeps } from './voting';
import { ballotMessage, replyMessage } from './views';

/** How often a vote's ballot update re-reads the count and edits again before leaving it to later votes' updates. */
const MAX_BALLOT_ROUNDS = 5;

/**
 * Closes the battle (unless `closedByVote`: the vote that reached the chat's count closed it in its own transaction,
 * and brings the final tally) and shows the reveal: on the ballot and the replies this process can find (its own, or
 * rebuilt from the database), else as a new message.
 */
export async function closeBattle(deps: VotingDeps, battle: BattleRow, known?: ChatRow, closedByVote?: { tally: Record<VoteChoice, number> }): Promise<void> {
  const { ctx } = deps;
  const { store } = ctx;
  if (closedByVote) return showClose(deps, battle, known, closedByVote.tally);
  // A timed close holds the battle's lease until its result is shown: a process dying in between leaves the lease to
  // lapse, and the process that reaps it shows the result (leases.ts). A battle another process is working on (a
  // follow-up streaming) is closed by a later sweep, once that is over.
  if (!(await store.claimBattle(battle.id, leaseFor(ctx), ['open'], new Date()))) return;
  try {
    if (await store.setStatus(battle.id, 'closed', { from: ['open'] })) await showClose(deps, { ...battle, status: 'closed' }, known);
  } finally {
    await store.releaseBattle(battle.id, ctx.instance);
  }
}

/**
 * Shows a closed battle's result and reveal: the ballot and the replies become the result where this process finds
 * them (editing them again changes nothing, so a process that takes over a dead one's vote may show it again).
 */
export async function showClose(deps: VotingDeps, battle: BattleRow, known?: ChatRow, closedTally?: Record<VoteChoice, number>): Promise<void> {
  const { ctx, lives } = deps;
  const { store, log, live, cards, ports, chatT } = ctx;
  const chatRow = known && known.id === battle.chatId ? known : await store.getChat(battle.chatId);
  if (!chatRow) return;
  log.info({ battle: battle.id, votes: battle.voteCount }, 'battle closed');
  metrics.battleFinished('closed');
  const entry = ports.get(chatRow.platform);
  if (!entry) {
    log.warn({ battle: battle.id, platform: chatRow.platform }, 'battle closed while its platform is not running: reveal not posted');
    return;
  }
  const t = chatT(chatRow, parseChatSettings(chatRow.settings));
  const [tally, reveal, state, turns] = await Promise.all([
    closedTally ?? store.tally(battle.id),
    revealFor(deps, battle, t),
    lives.withBallot(battle, chatRow),
    lives.turnsOf(battle),
  ]);
  const votes = tally.a + tally.b + tally.tie + tally.both_bad;
  const message = ballotMessage(t, { token: battle.token, status: 'closed', votes, tally, reveal, leak: battle.identityLeak });
  let result: LiveMessage;
  if (state?.ballot) {
    result = state.ballot;
    result.set(message);
    // Name the models on the replies too, so the conversation reads well afterwards.
    for (const reply of state.replies.values()) {
      const modelId = reply.side === 'a' ? battle.modelAId : battle.modelBId;
      const shown = state.adopted ? replyStateOf(turns.find((turn) => turn.index === reply.turn), reply.side) : reply.state;
      reply.live.set(replyMessage(t, { side: reply.side, state: shown, token: battle.token, turn: reply.turn, reactions: true, revealed: cards.get(modelId), modelId }));
    }
  } else {
    // No ballot was ever stored for it: post the result instead.
    result = entry.presenter.open(state?.chat ?? { platform: chatRow.platform, id: chatRow.externalId, kind: chatRow.kind }, message);
  }
  live.delete(battle.token);
  // Shown before the work is over: found by the chaos test (test/chaos.test.ts), a process SIGKILLed after the close
  // was queued but before the pacer sent it left a private ballot saying "No votes yet" for good, the vote's delivery
  // being recorded as handled already. Waiting here keeps the delivery owed until the result is on the platform.
  await result.settled();
}

/**
 * Updates the ballot's count after a vote, then reads the count again once the edit landed: votes handled by other
 * processes at the same moment may have landed their edits in another order, and the last edit must show them all.
 */
export async function updateBallot(deps: VotingDeps, battle: BattleRow, chatRow: ChatRow, voteCount: number, options: { force?: boolean } = {}): Promise<void> {
  const { ctx, lives, battles } = deps;
  const state = await lives.withBallot(battle, chatRow);
  if (!state?.ballot) return;
  // A vote handled again after a crash: the dead process may have landed an older count after this process's last
  // edit (found by the chaos test: a ballot left one vote short), so the count is sent even if this process sent it.
  if (options.force) state.ballot.forget?.();
  const t = ctx.chatT(chatRow, parseChatSettings(chatRow.settings));
  const policy = battles.policyOf(chatRow);
  let shown = voteCount;
  // Until the count this process last landed is still the stored one: each correction may itself land after another
  // process's older count (found by the chaos test: with three processes, a ballot left one vote short after a
  // single re-read). Bounded: the process whose vote is the last one always checks after its own edit.
  for (let round = 0; round < MAX_BALLOT_ROUNDS; round++) {
    state.ballot.set(battles.ballotView({ ...battle, voteCount: shown }, t, policy));
    await state.ballot.settled();
    const fresh = await ctx.store.getBattle(battle.id);
    if (!fresh || fresh.status !== 'open' || fresh.voteCount === shown) return;
    shown = fresh.voteCount;
  }
}
