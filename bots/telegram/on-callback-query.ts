// Button presses (callback queries): the core's action, its answer as a popup, and what the press changes in the
// chat (a menu page, a keyboard of reasons).
import { GrammyError, type Context, type Filter } from 'grammy';
import type { User } from 'grammy/types';
import { z } from 'zod';
import type { Translate } from '../../core/i18n';
import type { Ack, ChatAddress } from '../../core/port/types';
import { adminCheck, address, person } from './addresses';
import { delivery, handleEvent, translate, type AdapterState } from './adapter-state';
import { ChatUnreachableError } from './port';

const MAX_POPUP_CHARS = 200;
const callbackData = z.string().min(1).max(64);

type CallbackContext = Filter<Context, 'callback_query'>;

export async function onCallbackQuery(state: AdapterState, ctx: CallbackContext): Promise<void> {
  const { log, port } = state;
  const query = ctx.callbackQuery;
  const t = translate(state, query.from);
  const message = query.message;
  const data = callbackData.safeParse(query.data);
  if (!message || !data.success) {
    log.warn({ update: ctx.update.update_id, hasMessage: Boolean(message) }, 'telegram: button press without usable data dropped');
    await ctx.answerCallbackQuery({ text: clip(t('telegram-button-stale'), MAX_POPUP_CHARS) }).catch((error: unknown) => logAnswerError(state, error));
    return;
  }
  const chat = address(message.chat, 'is_topic_message' in message ? message : undefined);
  const ref = port.refOf(message.chat.id, message.message_id);
  const ack = await handleEvent(
    state,
    {
      type: 'action',
      delivery: delivery(ctx),
      data: data.data,
      chat,
      from: person(query.from),
      messageRef: ref,
      privateReply: true,
      isAdmin: adminCheck(log, ctx, message.chat, query.from),
    },
    async () => undefined,
  );
  const notice = ack?.notice;
  // Being handled by another process (a redelivery, or two sweeps replaying one stored press) with no answer recorded
  // yet: that process answers. Answering here with nothing would be the one answer Telegram keeps — found by the
  // chaos test, a voter got an empty popup instead of "You voted".
  if (ack?.duplicate && !notice) return;
  await ctx
    .answerCallbackQuery({
      text: clip(notice?.text ?? (ack ? '' : t('telegram-error')), MAX_POPUP_CHARS),
      ...(notice?.alert ? { show_alert: true } : {}),
    })
    .catch((error: unknown) => logAnswerError(state, error));
  await showAfterPress(state, { chat, ref, from: query.from, ack, t });
}

/** What the press changes in the chat once its popup is answered. */
async function showAfterPress(state: AdapterState, press: { chat: ChatAddress; ref: string; from: User; ack: Ack | undefined; t: Translate }): Promise<void> {
  const { log, port } = state;
  const { chat, ref, ack } = press;
  const notice = ack?.notice;
  if (ack?.replace) {
    // A settings menu page: the pressed message becomes it.
    await port.edit(chat, ref, ack.replace).catch((error: unknown) => {
      if (!(error instanceof ChatUnreachableError)) log.warn({ err: error, chat: chat.id }, 'telegram: menu update failed');
    });
  }
  if (notice?.buttons?.length) {
    // Telegram has no private buttons: the core offers per-person buttons only in private chats, as a small keyboard.
    const name = person(press.from).displayName ?? '';
    await port
      .send(chat, { text: press.t('telegram-reasons-prompt', { name }), buttons: notice.buttons, source: 'core' }, { replyTo: ref })
      .catch((error: unknown) => {
        if (!(error instanceof ChatUnreachableError)) log.error({ err: error, chat: chat.id }, 'telegram: reason keyboard failed');
      });
  }
}

function logAnswerError(state: AdapterState, error: unknown): void {
  // A query older than ~15 minutes cannot be answered any more; the vote itself was handled.
  const level = error instanceof GrammyError && error.error_code === 400 ? 'info' : 'warn';
  state.log[level]({ err: error }, 'telegram: answerCallbackQuery failed');
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const code = cut.charCodeAt(cut.length - 1);
  return `${code >= 0xd800 && code <= 0xdbff ? cut.slice(0, -1) : cut}…`;
}
