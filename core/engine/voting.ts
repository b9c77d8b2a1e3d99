// Votes, reveals and reactions: one vote per person, the voter's private reveal (the acknowledgement, never waiting for
// a ballot edit or a close), the ballot's count and the chat's reveal at the close (work that follows).
import { parseChatSettings } from '../config/chat-settings';
import type { Translate } from '../i18n';
import { metrics } from '../metrics';
import type { ActionEvent, Button, Form, Side, SubmitEvent, VoteChoice } from '../port/types';
import { NEGATIVE_REASONS, POSITIVE_REASONS } from '../port/types';
import type { BattleRow, ChatRow } from '../store/types';
import { JUDGMENT_LABELS, RATING_MAX, rate, toggleFlag, type JudgmentsSpec } from '../campaigns/judgments';
import { encodeAction, encodeForm, REASONS, type Action } from './actions';
import type { Battles } from './battles';
import { type ArenaContext } from './context';
import type { EventContext } from './event-context';
import { replyStateOf, type LiveBattles } from './live';
import type { LiveMessage } from './presenter';
import { ballotMessage, modelName, replyMessage, revealLines } from './views';

/** How often a vote's ballot update re-reads the count and edits again before leaving it to later votes' updates. */
const MAX_BALLOT_ROUNDS = 5;

/** Longest "why" a voter may write. */
export const MAX_COMMENT_CHARS = 1000;

export function createVoting(ctx: ArenaContext, battles: Pick<Battles, 'policyOf' | 'ballotView'>, lives: LiveBattles) {
  const { store, log, live, cards, ports, chatT } = ctx;
  const { policyOf, ballotView } = battles;

  const revealFor = async (battle: BattleRow, t: Translate): Promise<string> => {
    const turns = await lives.turnsOf(battle);
    const sideInfo = (side: Side, modelId: string) => ({
      card: cards.get(modelId),
      modelId,
      replies: turns.map((turn) => turn.replies[side]).filter((r) => r !== undefined),
    });
    return revealLines(t, { a: sideInfo('a', battle.modelAId), b: sideInfo('b', battle.modelBId) });
  };

  /** Both names in one line: fits the tightest private notices (200-character popups) with the vote confirmation. */
  const shortReveal = (battle: BattleRow, t: Translate): string =>
    t('reveal-short', { a: modelName(t, cards.get(battle.modelAId), battle.modelAId), b: modelName(t, cards.get(battle.modelBId), battle.modelBId) });

  /** The full reveal where the platform's notices are long enough, else the one-line one. */
  const revealNotice = async (battle: BattleRow, head: string, t: Translate, maxChars: number): Promise<string> => {
    const short = `${head}\n${shortReveal(battle, t)}`;
    if (maxChars < 400) return short;
    const full = `${head}\n${await revealFor(battle, t)}`;
    return full.length <= maxChars ? full : short;
  };

  /**
   * Closes the battle (unless `closedByVote`: the vote that reached the chat's count closed it in its own transaction,
   * and brings the final tally) and shows the reveal: on the ballot and the replies this process can find (its own, or
   * rebuilt from the database), else as a new message.
   */
  const closeBattle = async (battle: BattleRow, known?: ChatRow, closedByVote?: { tally: Record<VoteChoice, number> }): Promise<void> => {
    if (closedByVote) return showClose(battle, known, closedByVote.tally);
    // A timed close holds the battle's lease until its result is shown: a process dying in between leaves the lease to
    // lapse, and the process that reaps it shows the result (leases.ts). A battle another process is working on (a
    // follow-up streaming) is closed by a later sweep, once that is over.
    if (!(await store.claimBattle(battle.id, { owner: ctx.instance, until: new Date(Date.now() + ctx.leaseMs) }, ['open'], new Date()))) return;
    try {
      if (await store.setStatus(battle.id, 'closed', { from: ['open'] })) await showClose({ ...battle, status: 'closed' }, known);
    } finally {
      await store.releaseBattle(battle.id, ctx.instance);
    }
  };

  /**
   * Shows a closed battle's result and reveal: the ballot and the replies become the result where this process finds
   * them (editing them again changes nothing, so a process that takes over a dead one's vote may show it again).
   */
  const showClose = async (battle: BattleRow, known?: ChatRow, closedTally?: Record<VoteChoice, number>): Promise<void> => {
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
      revealFor(battle, t),
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
  };

  /**
   * Updates the ballot's count after a vote, then reads the count again once the edit landed: votes handled by other
   * processes at the same moment may have landed their edits in another order, and the last edit must show them all.
   */
  const updateBallot = async (battle: BattleRow, chatRow: ChatRow, voteCount: number, options: { force?: boolean } = {}) => {
    const state = await lives.withBallot(battle, chatRow);
    if (!state?.ballot) return;
    // A vote handled again after a crash: the dead process may have landed an older count after this process's last
    // edit (found by the chaos test: a ballot left one vote short), so the count is sent even if this process sent it.
    if (options.force) state.ballot.forget?.();
    const t = chatT(chatRow, parseChatSettings(chatRow.settings));
    const policy = policyOf(chatRow);
    let shown = voteCount;
    // Until the count this process last landed is still the stored one: each correction may itself land after another
    // process's older count (found by the chaos test: with three processes, a ballot left one vote short after a
    // single re-read). Bounded: the process whose vote is the last one always checks after its own edit.
    for (let round = 0; round < MAX_BALLOT_ROUNDS; round++) {
      state.ballot.set(ballotView({ ...battle, voteCount: shown }, t, policy));
      await state.ballot.settled();
      const fresh = await store.getBattle(battle.id);
      if (!fresh || fresh.status !== 'open' || fresh.voteCount === shown) return;
      shown = fresh.voteCount;
    }
  };

  const canAskPrivately = (ec: EventContext) => ec.chatRow.kind === 'private' || ports.get(ec.chatRow.platform)?.port.limits.privateButtons === true;

  const onVote = async (ec: EventContext<ActionEvent>, action: Action & { kind: 'vote' }, battle: BattleRow): Promise<void> => {
    const { pt, chatRow, user } = ec;
    if (battle.status === 'streaming') return ec.notice(pt('vote-too-early'));
    if (battle.status === 'failed') return ec.notice(pt('vote-failed'));
    const limits = ports.get(chatRow.platform)?.port.limits;
    const maxNotice = limits?.maxNoticeChars ?? 200;
    // A replayed press whose vote closed the battle finds it closed before voting (found by the chaos test: the voter
    // was told "voting is closed" instead of being thanked): it is thanked below like any vote counted before a crash.
    const countedBefore = async () => ec.replay && (await store.getVote(battle.id, user.id)) === action.choice;
    if (battle.status === 'closed' && !(await countedBefore())) return ec.notice(await revealNotice(battle, pt('vote-closed'), pt, maxNotice), { alert: true });
    // The event's chat row is the battle's (the router refuses tokens from other chats), read fresh within a second.
    const policy = policyOf(chatRow);
    // The vote judges the conversation as far as it was answered on both sides (a follow-up may still be streaming).
    const turn = (await lives.turnsOf(battle)).filter((t) => t.replies.a && t.replies.b).at(-1)?.index ?? 0;
    const result =
      battle.status === 'closed'
        ? ({ status: 'not_open', battleStatus: 'closed' } as const)
        : await store.castVote(battle.id, user.id, action.choice, { turn, ...(policy.after === 'votes' ? { closeAtVotes: policy.votes } : {}) });
    ec.ack.selected = ec.event.data;
    if (ec.replay && result.status !== 'counted' && (await countedBefore())) {
      // A process counted this very press and died before answering: thank the voter (not "already voted"), and show
      // what it may not have shown (the count, or the close its vote caused).
      log.warn({ battle: battle.id, voter: user.id }, 'vote handled again after a crash: it was counted');
      const fresh = (await store.getBattle(battle.id)) ?? battle;
      if (fresh.status === 'closed') ec.work('close', () => showClose(fresh, chatRow), { untilComplete: true });
      else ec.work('ballot', () => updateBallot(fresh, chatRow, fresh.voteCount, { force: true }), { untilComplete: true });
      return ec.notice(await revealNotice(battle, pt('vote-counted', { choice: pt(`choice-${action.choice}`) }), pt, maxNotice), { alert: true });
    }
    if (result.status === 'not_open') delete ec.ack.selected;
    if (result.status === 'not_open') return ec.notice(result.battleStatus === 'failed' ? pt('vote-failed') : pt('vote-closed'));
    if (result.status === 'duplicate') return onChangeOfMind(ec, action, battle, result.choice, turn, maxNotice);
    log.info({ battle: battle.id, voter: user.id, votes: result.voteCount }, 'vote counted');
    metrics.voteCounted();
    const counted = battle;
    counted.voteCount = result.voteCount;
    if (counted.campaignId) ec.work('campaign-milestones', async () => ctx.features?.afterVote(counted));
    // Until complete: a process dying before the ballot shows this vote leaves the press to be replayed (pipeline.ts).
    if (result.closed) ec.work('close', () => closeBattle(counted, chatRow, result.closed), { untilComplete: true });
    else ec.work('ballot', () => updateBallot(counted, chatRow, result.voteCount), { untilComplete: true });
    const text = await revealNotice(battle, pt('vote-counted', { choice: pt(`choice-${action.choice}`) }), pt, maxNotice);
    if (!canAskPrivately(ec)) return ec.notice(text, { alert: true });
    const buttons = voteReasonButtons(battle.token, action.choice, pt);
    if (limits?.forms) buttons.push([{ label: pt('vote-why-button'), data: encodeAction({ kind: 'why', token: battle.token }), style: 'secondary' }]);
    const judging = judgmentButtons(battle.token, await judgmentsAsked(battle), pt, limits?.maxButtonsPerRow ?? 4, (limits?.maxButtonRows ?? 5) - buttons.length);
    ec.notice(`${text}\n${pt('vote-reasons-ask')}${judging.length ? `\n${pt('judgment-ask')}` : ''}`, { alert: true, buttons: [...buttons, ...judging] });
  };

  /** The judgments the battle's campaign asks for, while it runs; null when none. */
  const judgmentsAsked = async (battle: BattleRow): Promise<JudgmentsSpec | null> => {
    if (!battle.campaignId || !ctx.campaigns) return null;
    const campaign = await ctx.campaigns.get(battle.campaignId);
    return campaign?.status === 'running' ? (campaign.spec?.judgments ?? null) : null;
  };

  /**
   * The one optional screen of judgments, added under the vote's own buttons: per side its labels (toggles) and the
   * 1–5 rating. Where the rows left on the platform cannot hold it all, the rating alone, then the labels alone; else
   * nothing is asked (a second screen would be more than the campaign may ask of a voter).
   */
  const judgmentButtons = (token: string, asked: JudgmentsSpec | null, pt: Translate, perRow: number, rowsLeft: number): Button[][] => {
    if (!asked) return [];
    const chunk = (list: Button[]) => Array.from({ length: Math.ceil(list.length / perRow) }, (_, i) => list.slice(i * perRow, (i + 1) * perRow));
    const labelRows = (side: Side) =>
      chunk(
        asked.labels.map((label) => ({
          label: pt('judgment-button', { side: side.toUpperCase(), label: pt(`judgment-label-${label}`) }),
          data: encodeAction({ kind: 'judge', token, side, label: JUDGMENT_LABELS.indexOf(label), rating: null }),
          style: 'secondary' as const,
        })),
      );
    const ratingRows = (side: Side) =>
      asked.rating
        ? chunk(Array.from({ length: RATING_MAX }, (_, i) => ({ label: pt('judgment-rating-button', { side: side.toUpperCase(), value: i + 1 }), data: encodeAction({ kind: 'judge', token, side, label: null, rating: i + 1 }) })))
        : [];
    const full = (['a', 'b'] as const).flatMap((side) => [...labelRows(side), ...ratingRows(side)]);
    const ratingOnly = (['a', 'b'] as const).flatMap(ratingRows);
    const labelsOnly = (['a', 'b'] as const).flatMap(labelRows);
    return [full, ratingOnly, labelsOnly].find((rows) => rows.length > 0 && rows.length <= rowsLeft) ?? [];
  };

  /** A judgment press: stored at once (a label toggles, a rating replaces the last), only after a vote. */
  const onJudge = async (ec: EventContext<ActionEvent>, action: Action & { kind: 'judge' }, battle: BattleRow): Promise<void> => {
    const { pt, user } = ec;
    const asked = await judgmentsAsked(battle);
    const label = action.label === null ? null : JUDGMENT_LABELS[action.label];
    if (!asked || !ctx.campaigns || (label !== null && (!label || !asked.labels.includes(label))) || (action.rating !== null && !asked.rating)) return ec.notice(pt('action-stale'));
    if (!(await store.getVote(battle.id, user.id))) return ec.notice(pt('vote-reason-no-vote'));
    const side = action.side.toUpperCase();
    if (label) {
      const set = await toggleFlag(ctx.campaigns.db, battle.id, user.id, action.side, label);
      return ec.notice(pt(set ? 'judgment-flag-set' : 'judgment-flag-removed', { side, label: pt(`judgment-label-${label}`) }));
    }
    await rate(ctx.campaigns.db, battle.id, user.id, action.side, action.rating!);
    ec.notice(pt('judgment-rated', { side, value: action.rating!, max: RATING_MAX }));
  };

  /**
   * A second press on the ballot by someone who voted: the same choice is confirmed; another choice changes the vote
   * while the battle is open (the store updates it; the blind first choice stays what the rankings count, since the
   * voter has seen the names since).
   */
  const onChangeOfMind = async (ec: EventContext<ActionEvent>, action: Action & { kind: 'vote' }, battle: BattleRow, current: VoteChoice, turn: number, maxNotice: number): Promise<void> => {
    const { pt, user } = ec;
    if (current === action.choice) {
      return ec.notice(await revealNotice(battle, pt('vote-duplicate', { choice: pt(`choice-${current}`) }), pt, maxNotice), { alert: true });
    }
    const changed = await store.changeVote(battle.id, user.id, action.choice, turn);
    if (changed.status === 'not_open') {
      delete ec.ack.selected;
      return ec.notice(changed.battleStatus === 'failed' ? pt('vote-failed') : pt('vote-closed'));
    }
    if (changed.status === 'no_vote') {
      delete ec.ack.selected;
      return ec.notice(pt('action-stale'));
    }
    log.info({ battle: battle.id, voter: user.id, from: current, to: action.choice }, 'vote changed');
    const text = pt('vote-changed', { choice: pt(`choice-${action.choice}`), from: pt(`choice-${current}`) });
    if (!canAskPrivately(ec)) return ec.notice(text, { alert: true });
    ec.notice(`${text}\n${pt('vote-reasons-ask')}`, { alert: true, buttons: voteReasonButtons(battle.token, action.choice, pt) });
  };

  /** Optional "why": what made the preferred reply better, or what was wrong with both. */
  const voteReasonButtons = (token: string, choice: VoteChoice, pt: Translate): Button[][] => {
    const reasons = choice === 'both_bad' ? NEGATIVE_REASONS : POSITIVE_REASONS;
    const buttons = reasons.map((reason) => ({ label: pt(`reason-${reason}`), data: encodeAction({ kind: 'voteReason', token, reason }) }));
    return [buttons.slice(0, 2), buttons.slice(2)].filter((row) => row.length);
  };

  const reasonButtons = (token: string, turn: number, side: Side, kind: 'like' | 'dislike', pt: Translate) => {
    const reasons = REASONS.filter((r) => (kind === 'like' ? (POSITIVE_REASONS as readonly string[]) : (NEGATIVE_REASONS as readonly string[])).includes(r));
    const buttons = reasons.map((reason) => ({ label: pt(`reason-${reason}`), data: encodeAction({ kind: 'reason', token, turn, side, reason }) }));
    return [buttons.slice(0, 2), buttons.slice(2)].filter((row) => row.length);
  };

  const onReaction = async (ec: EventContext<ActionEvent>, action: Action & { kind: 'react' | 'reason' }, battle: BattleRow): Promise<void> => {
    const { pt, user } = ec;
    if (battle.status === 'failed') return ec.notice(pt('vote-failed'));
    const reply = await store.getReply(battle.id, action.side, action.turn);
    if (!reply) return ec.notice(pt('action-stale'));
    if (action.kind === 'react') {
      await store.react(reply.id, user.id, action.reaction);
      return ec.notice(pt('reaction-saved', { kind: action.reaction, side: action.side.toUpperCase() }), {
        buttons: reasonButtons(battle.token, action.turn, action.side, action.reaction, pt),
      });
    }
    const positive = (POSITIVE_REASONS as readonly string[]).includes(action.reason);
    const existing = await store.getReaction(reply.id, user.id);
    const kind = positive ? 'like' : 'dislike';
    const reasons = existing && existing.kind === kind ? [...new Set([...existing.reasons, action.reason])] : [action.reason];
    await store.react(reply.id, user.id, kind, reasons);
    ec.notice(pt('reason-saved', { reason: pt(`reason-${action.reason}`) }));
  };

  const onVoteReason = async (ec: EventContext<ActionEvent>, action: Action & { kind: 'voteReason' }, battle: BattleRow): Promise<void> => {
    const reasons = await store.addVoteReason(battle.id, ec.user.id, action.reason);
    ec.notice(reasons ? ec.pt('reason-saved', { reason: ec.pt(`reason-${action.reason}`) }) : ec.pt('vote-reason-no-vote'));
  };

  /** The form where a voter writes why; only after they voted. */
  const whyForm = (pt: Translate, token: string): Form => ({
    data: encodeForm({ kind: 'why', token }),
    title: pt('vote-why-title'),
    fields: [{ id: 'comment', label: pt('vote-why-label'), style: 'paragraph', required: true, maxLength: MAX_COMMENT_CHARS, placeholder: pt('vote-why-placeholder') }],
    submitLabel: pt('form-submit'),
  });

  const onWhy = async (ec: EventContext<ActionEvent>, battle: BattleRow): Promise<void> => {
    if (!(await store.getVote(battle.id, ec.user.id))) return ec.notice(ec.pt('vote-reason-no-vote'));
    ec.ack.form = whyForm(ec.pt, battle.token);
  };

  const onWhySubmitted = async (ec: EventContext<SubmitEvent>, battle: BattleRow): Promise<void> => {
    const comment = (ec.event.values.comment ?? '').replace(/\s+$/g, '').trim();
    if (!comment) return ec.notice(ec.pt('vote-why-empty'));
    if (comment.length > MAX_COMMENT_CHARS) return ec.notice(ec.pt('vote-why-too-long', { max: MAX_COMMENT_CHARS }));
    const saved = await store.setVoteComment(battle.id, ec.user.id, comment);
    ec.notice(saved ? ec.pt('vote-why-saved') : ec.pt('vote-reason-no-vote'));
  };

  return { onVote, onVoteReason, onReaction, onWhy, onWhySubmitted, onJudge, closeBattle, showClose };
}

export type Voting = ReturnType<typeof createVoting>;
