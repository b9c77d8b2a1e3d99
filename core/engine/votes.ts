// A vote: one per person, answered privately at once with the reveal (the acknowledgement, never waiting for a ballot
// edit or a close); the ballot's count or the close it causes follow as the event's work. A second press confirms the
// vote or changes it.
import { metrics } from '../metrics';
import type { ActionEvent, VoteChoice } from '../port/types';
import type { BattleRow } from '../store/types';
import { encodeAction, type Action } from './actions';
import { closeBattle, showClose, updateBallot } from './closing';
import type { EventContext } from './event-context';
import { revealNotice } from './reveal';
import { judgmentButtons, judgmentsAsked } from './vote-judgments';
import { voteReasonButtons } from './vote-reasons';
import type { VotingDeps } from './voting';

const canAskPrivately = ({ ctx }: VotingDeps, ec: EventContext) => ec.chatRow.kind === 'private' || ctx.ports.get(ec.chatRow.platform)?.port.limits.privateButtons === true;

export async function onVote(deps: VotingDeps, ec: EventContext<ActionEvent>, action: Action & { kind: 'vote' }, battle: BattleRow): Promise<void> {
  const { ctx, lives, battles } = deps;
  const { store, log, ports } = ctx;
  const { pt, chatRow, user } = ec;
  if (battle.status === 'streaming') return ec.notice(pt('vote-too-early'));
  if (battle.status === 'failed') return ec.notice(pt('vote-failed'));
  const limits = ports.get(chatRow.platform)?.port.limits;
  const maxNotice = limits?.maxNoticeChars ?? 200;
  // A replayed press whose vote closed the battle finds it closed before voting (found by the chaos test: the voter
  // was told "voting is closed" instead of being thanked): it is thanked below like any vote counted before a crash.
  const countedBefore = async () => ec.replay && (await store.getVote(battle.id, user.id)) === action.choice;
  if (battle.status === 'closed' && !(await countedBefore())) return ec.notice(await revealNotice(deps, battle, pt('vote-closed'), pt, maxNotice), { alert: true });
  // The event's chat row is the battle's (the router refuses tokens from other chats), read fresh within a second.
  const policy = battles.policyOf(chatRow);
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
    if (fresh.status === 'closed') ec.work('close', () => showClose(deps, fresh, chatRow), { untilComplete: true });
    else ec.work('ballot', () => updateBallot(deps, fresh, chatRow, fresh.voteCount, { force: true }), { untilComplete: true });
    return ec.notice(await revealNotice(deps, battle, pt('vote-counted', { choice: pt(`choice-${action.choice}`) }), pt, maxNotice), { alert: true });
  }
  if (result.status === 'not_open') delete ec.ack.selected;
  if (result.status === 'not_open') return ec.notice(result.battleStatus === 'failed' ? pt('vote-failed') : pt('vote-closed'));
  if (result.status === 'duplicate') return onChangeOfMind(deps, ec, action, battle, result.choice, turn, maxNotice);
  log.info({ battle: battle.id, voter: user.id, votes: result.voteCount }, 'vote counted');
  metrics.voteCounted();
  const counted = battle;
  counted.voteCount = result.voteCount;
  if (counted.campaignId) ec.work('campaign-milestones', async () => ctx.features?.afterVote(counted));
  // Until complete: a process dying before the ballot shows this vote leaves the press to be replayed (middleware/delivery.ts).
  if (result.closed) ec.work('close', () => closeBattle(deps, counted, chatRow, result.closed), { untilComplete: true });
  else ec.work('ballot', () => updateBallot(deps, counted, chatRow, result.voteCount), { untilComplete: true });
  const text = await revealNotice(deps, battle, pt('vote-counted', { choice: pt(`choice-${action.choice}`) }), pt, maxNotice);
  if (!canAskPrivately(deps, ec)) return ec.notice(text, { alert: true });
  const buttons = voteReasonButtons(battle.token, action.choice, pt);
  if (limits?.forms) buttons.push([{ label: pt('vote-why-button'), data: encodeAction({ kind: 'why', token: battle.token }), style: 'secondary' }]);
  const judging = judgmentButtons(battle.token, await judgmentsAsked(deps, battle), pt, limits?.maxButtonsPerRow ?? 4, (limits?.maxButtonRows ?? 5) - buttons.length);
  ec.notice(`${text}\n${pt('vote-reasons-ask')}${judging.length ? `\n${pt('judgment-ask')}` : ''}`, { alert: true, buttons: [...buttons, ...judging] });
}

/**
 * A second press on the ballot by someone who voted: the same choice is confirmed; another choice changes the vote
 * while the battle is open (the store updates it; the blind first choice stays what the rankings count, since the
 * voter has seen the names since).
 */
async function onChangeOfMind(deps: VotingDeps, ec: EventContext<ActionEvent>, action: Action & { kind: 'vote' }, battle: BattleRow, current: VoteChoice, turn: number, maxNotice: number): Promise<void> {
  const { store, log } = deps.ctx;
  const { pt, user } = ec;
  if (current === action.choice) {
    return ec.notice(await revealNotice(deps, battle, pt('vote-duplicate', { choice: pt(`choice-${current}`) }), pt, maxNotice), { alert: true });
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
  if (!canAskPrivately(deps, ec)) return ec.notice(text, { alert: true });
  ec.notice(`${text}\n${pt('vote-reasons-ask')}`, { alert: true, buttons: voteReasonButtons(battle.token, action.choice, pt) });
}
