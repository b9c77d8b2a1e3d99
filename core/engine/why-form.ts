// The form where a voter writes why, in their own words: offered after a vote where the platform has forms.
import type { Translate } from '../i18n';
import type { ActionEvent, Form, SubmitEvent } from '../port/types';
import type { BattleRow } from '../store/types';
import { encodeForm } from './actions';
import type { EventContext } from './event-context';
import type { VotingDeps } from './voting';

/** Longest "why" a voter may write. */
export const MAX_COMMENT_CHARS = 1000;

/** The form where a voter writes why; only after they voted. */
const whyForm = (pt: Translate, token: string): Form => ({
  data: encodeForm({ kind: 'why', token }),
  title: pt('vote-why-title'),
  fields: [{ id: 'comment', label: pt('vote-why-label'), style: 'paragraph', required: true, maxLength: MAX_COMMENT_CHARS, placeholder: pt('vote-why-placeholder') }],
  submitLabel: pt('form-submit'),
});

export async function onWhy({ ctx }: Pick<VotingDeps, 'ctx'>, ec: EventContext<ActionEvent>, battle: BattleRow): Promise<void> {
  if (!(await ctx.store.getVote(battle.id, ec.user.id))) return ec.notice(ec.pt('vote-reason-no-vote'));
  ec.ack.form = whyForm(ec.pt, battle.token);
}

export async function onWhySubmitted({ ctx }: Pick<VotingDeps, 'ctx'>, ec: EventContext<SubmitEvent>, battle: BattleRow): Promise<void> {
  const comment = (ec.event.values.comment ?? '').replace(/\s+$/g, '').trim();
  if (!comment) return ec.notice(ec.pt('vote-why-empty'));
  if (comment.length > MAX_COMMENT_CHARS) return ec.notice(ec.pt('vote-why-too-long', { max: MAX_COMMENT_CHARS }));
  const saved = await ctx.store.setVoteComment(battle.id, ec.user.id, comment);
  ec.notice(saved ? ec.pt('vote-why-saved') : ec.pt('vote-reason-no-vote'));
}
