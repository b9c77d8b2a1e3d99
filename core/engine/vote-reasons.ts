// Reasons and reactions: the optional "why" buttons after a vote, and 👍/👎 on one reply with its reason tags.
import type { Translate } from '../i18n';
import type { ActionEvent, Button, Side, VoteChoice } from '../port/types';
import { NEGATIVE_REASONS, POSITIVE_REASONS } from '../port/types';
import type { BattleRow } from '../store/types';
import { encodeAction, REASONS, type Action } from './actions';
import type { EventContext } from './event-context';
import type { VotingDeps } from './voting';

/** Optional "why": what made the preferred reply better, or what was wrong with both. */
export function voteReasonButtons(token: string, choice: VoteChoice, pt: Translate): Button[][] {
  const reasons = choice === 'both_bad' ? NEGATIVE_REASONS : POSITIVE_REASONS;
  const buttons = reasons.map((reason) => ({ label: pt(`reason-${reason}`), data: encodeAction({ kind: 'voteReason', token, reason }) }));
  return [buttons.slice(0, 2), buttons.slice(2)].filter((row) => row.length);
}

function reasonButtons(token: string, turn: number, side: Side, kind: 'like' | 'dislike', pt: Translate) {
  const reasons = REASONS.filter((r) => (kind === 'like' ? (POSITIVE_REASONS as readonly string[]) : (NEGATIVE_REASONS as readonly string[])).includes(r));
  const buttons = reasons.map((reason) => ({ label: pt(`reason-${reason}`), data: encodeAction({ kind: 'reason', token, turn, side, reason }) }));
  return [buttons.slice(0, 2), buttons.slice(2)].filter((row) => row.length);
}

export async function onReaction({ ctx }: Pick<VotingDeps, 'ctx'>, ec: EventContext<ActionEvent>, action: Action & { kind: 'react' | 'reason' }, battle: BattleRow): Promise<void> {
  const { store } = ctx;
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
}

export async function onVoteReason({ ctx }: Pick<VotingDeps, 'ctx'>, ec: EventContext<ActionEvent>, action: Action & { kind: 'voteReason' }, battle: BattleRow): Promise<void> {
  const reasons = await ctx.store.addVoteReason(battle.id, ec.user.id, action.reason);
  ec.notice(reasons ? ec.pt('reason-saved', { reason: ec.pt(`reason-${action.reason}`) }) : ec.pt('vote-reason-no-vote'));
}
