// The leaderboard posted on request (/leaderboard, or a category button under a posted board).
import type { BoardChoice } from '../leaderboard/types';
import type { ActionEvent, Button, PortLimits } from '../port/types';
import { encodeAction, type Action } from './actions';
import { post } from './command-replies';
import type { ArenaContext } from './context';
import type { EventContext } from './event-context';

/** Posts the leaderboard (of one category of prompts), with buttons to switch category where there are several. */
export function postBoard(ctx: ArenaContext, ec: EventContext, category: string | null) {
  const { i18n, config } = ctx;
  const board = ctx.leaderboard;
  if (!board) return post(ctx, ec, { text: ec.t('leaderboard-empty'), role: 'board' });
  const { event } = ec;
  const locale = i18n.negotiate(ec.settings.locale, ec.chatRow.locale, config.locale);
  ec.work('leaderboard', async () => {
    const rendered = await board.render({ chat: ec.chatRow, t: ec.t, locale, ...(category ? { category } : {}) });
    const { port, presenter } = ctx.portFor(event.chat.platform);
    const buttons = categoryButtons(rendered.categories ?? [], category, port.limits);
    await presenter
      .open(
        event.chat,
        { text: rendered.text, role: 'board', ...(rendered.image ? { image: rendered.image } : {}), ...(buttons.length ? { buttons } : {}) },
        { ...(event.messageRef ? { replyTo: event.messageRef } : {}), answering: event.delivery },
      )
      .settled();
  });
}

export const onBoard = (ctx: ArenaContext, ec: EventContext<ActionEvent>, action: Action & { kind: 'board' }) => postBoard(ctx, ec, action.category);

/** One button per category, the shown one marked, within the platform's rows (the rest is left out). */
function categoryButtons(choices: readonly BoardChoice[], shown: string | null, limits: PortLimits): Button[][] {
  if (choices.length < 2) return [];
  const buttons = choices.map((c) => {
    const label = c.id === shown ? `• ${c.label} •` : c.label;
    return {
      label: label.length > limits.maxButtonLabelChars ? `${label.slice(0, limits.maxButtonLabelChars - 1)}…` : label,
      data: encodeAction({ kind: 'board', category: c.id }),
      style: (c.id === shown ? 'primary' : 'secondary') as Button['style'],
    };
  });
  const perRow = Math.max(1, Math.min(limits.maxButtonsPerRow, 3));
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length && rows.length < limits.maxButtonRows; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return rows;
}
