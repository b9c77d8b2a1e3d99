// A campaign's judgments after a vote: the labels and the 1–5 rating it asks of each side, offered under the vote's
// own buttons, and stored when pressed.
import type { Translate } from '../i18n';
import type { ActionEvent, Button, Side } from '../port/types';
import type { BattleRow } from '../store/types';
import { JUDGMENT_LABELS, RATING_MAX, rate, toggleFlag, type JudgmentsSpec } from '../campaigns/judgments';
import { encodeAction, type Action } from './actions';
import type { EventContext } from './event-context';
import type { VotingDeps } from './voting';

/** The judgments the battle's campaign asks for, while it runs; null when none. */
export async function judgmentsAsked({ ctx }: Pick<VotingDeps, 'ctx'>, battle: BattleRow): Promise<JudgmentsSpec | null> {
  if (!battle.campaignId || !ctx.campaigns) return null;
  const campaign = await ctx.campaigns.get(battle.campaignId);
  return campaign?.status === 'running' ? (campaign.spec?.judgments ?? null) : null;
}

/**
 * The one optional screen of judgments, added under the vote's own buttons: per side its labels (toggles) and the
 * 1–5 rating. Where the rows left on the platform cannot hold it all, the rating alone, then the labels alone; else
 * nothing is asked (a second screen would be more than the campaign may ask of a voter).
 */
export function judgmentButtons(token: string, asked: JudgmentsSpec | null, pt: Translate, perRow: number, rowsLeft: number): Button[][] {
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
}

/** A judgment press: stored at once (a label toggles, a rating replaces the last), only after a vote. */
export async function onJudge(deps: Pick<VotingDeps, 'ctx'>, ec: EventContext<ActionEvent>, action: Action & { kind: 'judge' }, battle: BattleRow): Promise<void> {
  const { ctx } = deps;
  const { pt, user } = ec;
  const asked = await judgmentsAsked(deps, battle);
  const label = action.label === null ? null : JUDGMENT_LABELS[action.label];
  if (!asked || !ctx.campaigns || (label !== null && (!label || !asked.labels.includes(label))) || (action.rating !== null && !asked.rating)) return ec.notice(pt('action-stale'));
  if (!(await ctx.store.getVote(battle.id, user.id))) return ec.notice(pt('vote-reason-no-vote'));
  const side = action.side.toUpperCase();
  if (label) {
    const set = await toggleFlag(ctx.campaigns.db, battle.id, user.id, action.side, label);
    return ec.notice(pt(set ? 'judgment-flag-set' : 'judgment-flag-removed', { side, label: pt(`judgment-label-${label}`) }));
  }
  await rate(ctx.campaigns.db, battle.id, user.id, action.side, action.rating!);
  ec.notice(pt('judgment-rated', { side, value: action.rating!, max: RATING_MAX }));
}
