// Votes, reveals and reactions: one vote per person, the voter's private reveal, the chat's reveal at the close.
import { parseChatSettings } from '../config/chat-settings';
import type { Translate } from '../i18n';
import type { HandleResult, Side, VoteChoice } from '../port/types';
import { NEGATIVE_REASONS, POSITIVE_REASONS } from '../port/types';
import type { BattleRow, ChatRow, UserRow } from '../store/types';
import { encodeAction, REASONS, type Action } from './actions';
import type { Battles } from './battles';
import { chatAddressOf, type ArenaContext } from './context';
import { ballotMessage, modelName, replyMessage, revealLines } from './views';

export function createVoting(ctx: ArenaContext, battles: Pick<Battles, 'policyOf' | 'ballotView'>) {
  const { store, log, live, cards, ports, chatT } = ctx;
  const { policyOf, ballotView } = battles;

  const revealFor = async (battle: BattleRow, t: Translate): Promise<string> => {
    // Perf (bench/engine.ts): a live battle already holds its turns and replies.
    const turns = live.get(battle.token)?.turns ?? (await store.getTurns(battle.id));
    const sideInfo = (side: Side, modelId: string) => ({
      card: cards.get(modelId),
      modelId,
      replies: turns.map((turn) => turn.replies[side]).filter((r) => r !== undefined),
    });
    return revealLines(t, { a: sideInfo('a', battle.modelAId), b: sideInfo('b', battle.modelBId) });
  };

  /** Both names in one line: fits a Telegram popup (200 characters) with the vote confirmation. */
  const shortReveal = (battle: BattleRow, t: Translate): string =>
    t('reveal-short', { a: modelName(t, cards.get(battle.modelAId), battle.modelAId), b: modelName(t, cards.get(battle.modelBId), battle.modelBId) });

  /**
   * Closes the battle (unless `closedByVote`: the vote that reached the chat's count closed it in its own transaction,
   * and brings the final tally) and posts the reveal. `known`: a caller that already holds the chat's row spares the
   * store that read (bench/engine.ts).
   */
  const closeBattle = async (battle: BattleRow, known?: ChatRow, closedByVote?: { tally: Record<VoteChoice, number> }): Promise<void> => {
    if (!closedByVote && !(await store.setStatus(battle.id, 'closed', { from: ['open'] }))) return;
    const chatRow = known ?? (await store.getChat(battle.chatId));
    if (!chatRow) return;
    const entry = ports.get(chatRow.platform);
    log.info({ battle: battle.id, votes: battle.voteCount }, 'battle closed');
    if (!entry) {
      log.warn({ battle: battle.id, platform: chatRow.platform }, 'battle closed while its platform is not running: reveal not posted');
      return;
    }
    const settings = parseChatSettings(chatRow.settings);
    const t = chatT(chatRow, settings);
    const [tally, reveal] = await Promise.all([closedByVote?.tally ?? store.tally(battle.id), revealFor(battle, t)]);
    const votes = tally.a + tally.b + tally.tie + tally.both_bad;
    const message = ballotMessage(t, { token: battle.token, status: 'closed', votes, tally, reveal, leak: battle.identityLeak });
    const state = live.get(battle.token);
    if (state?.ballot) {
      state.ballot.set(message);
      // Name the models on the replies too, so the conversation reads well afterwards.
      for (const reply of state.replies.values()) {
        const modelId = reply.side === 'a' ? battle.modelAId : battle.modelBId;
        reply.live.set(replyMessage(t, { side: reply.side, state: reply.state, token: battle.token, turn: reply.turn, reactions: true, revealed: cards.get(modelId), modelId }));
      }
      live.delete(battle.token);
    } else {
      // Not in memory (e.g. after a restart): post the result instead of editing the ballot we no longer track.
      entry.presenter.open(chatAddressOf(chatRow), message);
    }
  };

  const onVote = async (action: Action & { kind: 'vote' }, battle: BattleRow, chatRow: ChatRow, user: UserRow, pt: Translate): Promise<HandleResult> => {
    if (battle.status === 'streaming') return { notice: { text: pt('vote-too-early') } };
    if (battle.status === 'failed') return { notice: { text: pt('vote-failed') } };
    if (battle.status === 'closed') {
      return { notice: { text: `${pt('vote-closed')}\n${shortReveal(battle, pt)}`, alert: true } };
    }
    // The event's chat row is the battle's (onAction refuses tokens from other chats) and settings changes refresh it.
    const policy = policyOf(chatRow);
    const result = await store.castVote(battle.id, user.id, action.choice, policy.after === 'votes' ? { closeAtVotes: policy.votes } : {});
    if (result.status === 'not_open') {
      return { notice: { text: result.battleStatus === 'failed' ? pt('vote-failed') : pt('vote-closed') } };
    }
    const reveal = shortReveal(battle, pt);
    if (result.status === 'duplicate') {
      return { notice: { text: `${pt('vote-duplicate', { choice: pt(`choice-${result.choice}`) })}\n${reveal}`, alert: true } };
    }
    log.info({ battle: battle.id, voter: user.id, votes: result.voteCount }, 'vote counted');
    battle.voteCount = result.voteCount;
    if (result.closed) {
      await closeBattle(battle, chatRow, result.closed);
    } else {
      const state = live.get(battle.token);
      const settings = parseChatSettings(chatRow.settings);
      state?.ballot?.set(ballotView(battle, chatT(chatRow, settings), policy));
    }
    const counted = `${pt('vote-counted', { choice: pt(`choice-${action.choice}`) })}\n${reveal}`;
    const askWhy = chatRow.kind === 'private' || ports.get(chatRow.platform)?.port.limits.privateButtons === true;
    return {
      notice: askWhy
        ? { text: `${counted}\n${pt('vote-reasons-ask')}`, alert: true, buttons: voteReasonButtons(battle.token, action.choice, pt) }
        : { text: counted, alert: true },
    };
  };

  /** Optional "why": what made the preferred reply better, or what was wrong with both. */
  const voteReasonButtons = (token: string, choice: VoteChoice, pt: Translate) => {
    const reasons = choice === 'both_bad' ? NEGATIVE_REASONS : POSITIVE_REASONS;
    const buttons = reasons.map((reason) => ({ label: pt(`reason-${reason}`), data: encodeAction({ kind: 'voteReason', token, reason }) }));
    return [buttons.slice(0, 2), buttons.slice(2)].filter((row) => row.length);
  };

  const reasonButtons = (token: string, turn: number, side: Side, kind: 'like' | 'dislike', pt: Translate) => {
    const reasons = REASONS.filter((r) => (kind === 'like' ? ['useful', 'complete', 'creative', 'clear_formatting'] : ['incorrect', 'superficial', 'instructions_not_followed']).includes(r));
    const buttons = reasons.map((reason) => ({ label: pt(`reason-${reason}`), data: encodeAction({ kind: 'reason', token, turn, side, reason }) }));
    return [buttons.slice(0, 2), buttons.slice(2)].filter((row) => row.length);
  };

  const onReaction = async (action: Action & { kind: 'react' | 'reason' }, battle: BattleRow, user: UserRow, pt: Translate): Promise<HandleResult> => {
    if (battle.status === 'failed') return { notice: { text: pt('vote-failed') } };
    const reply = await store.getReply(battle.id, action.side, action.turn);
    if (!reply) return { notice: { text: pt('action-stale') } };
    if (action.kind === 'react') {
      await store.react(reply.id, user.id, action.reaction);
      return {
        notice: {
          text: pt('reaction-saved', { kind: action.reaction, side: action.side.toUpperCase() }),
          buttons: reasonButtons(battle.token, action.turn, action.side, action.reaction, pt),
        },
      };
    }
    const positive = ['useful', 'complete', 'creative', 'clear_formatting'].includes(action.reason);
    const existing = await store.getReaction(reply.id, user.id);
    const kind = positive ? 'like' : 'dislike';
    const reasons = existing && existing.kind === kind ? [...new Set([...existing.reasons, action.reason])] : [action.reason];
    await store.react(reply.id, user.id, kind, reasons);
    return { notice: { text: pt('reason-saved', { reason: pt(`reason-${action.reason}`) }) } };
  };

  const onVoteReason = async (action: Action & { kind: 'voteReason' }, battle: BattleRow, user: UserRow, pt: Translate): Promise<HandleResult> => {
    const reasons = await store.addVoteReason(battle.id, user.id, action.reason);
    return { notice: { text: reasons ? pt('reason-saved', { reason: pt(`reason-${action.reason}`) }) : pt('vote-reason-no-vote') } };
  };

  return { onVote, onVoteReason, onReaction, closeBattle };
}
