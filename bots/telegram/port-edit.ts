// Changing and deleting messages already posted. A logical message may span several Telegram messages (a long
// reply): edits walk its parts, continue it in new messages when it grows, and show an ellipsis when it shrinks.
import { GrammyError } from 'grammy';
import type { InlineKeyboardMarkup, MessageEntity } from 'grammy/types';
import type { ChatAddress, OutMessage } from '../../core/port/types';
import type { Formatted } from './markdown';
import { call, ChatUnreachableError } from './port-call';
import { renderMessage, signature, type Rendered } from './port-render';
import { sendText } from './port-send';
import { firstId, GONE_PREFIX, isUnreachable, MAX_CAPTION_CHARS, type PortState } from './port-state';

/** The port's edit: nothing for placeholders and unreachable chats. */
export async function edit(state: PortState, chat: ChatAddress, ref: string, message: OutMessage): Promise<void> {
  if (ref.startsWith(GONE_PREFIX) || isUnreachable(state, chat)) return;
  const photo = state.parts.get(`${chat.id}:${ref}`)?.photo ?? false;
  try {
    await apply(state, chat, ref, renderMessage(state.limits, state.log, message, photo ? MAX_CAPTION_CHARS : state.limits.maxMessageChars));
  } catch (error) {
    if (!(error instanceof ChatUnreachableError)) throw error;
  }
}

async function apply(state: PortState, chat: ChatAddress, ref: string, rendered: Rendered): Promise<void> {
  const known = state.parts.get(`${chat.id}:${ref}`) ?? { ids: [firstId(ref)], photo: false };
  const chunks = known.photo ? rendered.parts.slice(0, 1) : rendered.parts;
  for (const [i, chunk] of chunks.entries()) {
    const markup = i === chunks.length - 1 ? rendered.markup : undefined;
    const id = known.ids[i];
    if (id !== undefined) {
      await editOne(state, chat, id, chunk, markup, known.photo);
    } else {
      // The reply outgrew its messages: continue it in a new one, replying to the previous part.
      const newId = await sendText(state, chat, chunk, markup, known.ids[i - 1]);
      known.ids.push(newId);
      state.alias.set(`${chat.id}:${newId}`, ref);
    }
  }
  // The text shrank: empty trailing parts are shown as an ellipsis rather than deleted (deleting loses replies).
  for (const id of known.ids.slice(chunks.length)) await editOne(state, chat, id, { text: '…', entities: [] }, undefined, false);
  state.parts.set(`${chat.id}:${ref}`, known);
}

/** Edits one Telegram message, unless it already shows exactly this. */
async function editOne(state: PortState, chat: ChatAddress, messageId: number, part: Formatted, markup: InlineKeyboardMarkup | undefined, photo: boolean): Promise<void> {
  const key = `${chat.id}:${messageId}`;
  const next = signature(part, markup);
  if (state.shown.get(key) === next) return;
  try {
    await call(state, chat, 'edit', (plain) => {
      const entities = plain || !part.entities.length ? {} : photo ? { caption_entities: part.entities as MessageEntity[] } : { entities: part.entities as MessageEntity[] };
      const extra = { ...entities, ...(markup ? { reply_markup: markup } : {}) };
      return photo
        ? state.api.editMessageCaption(chat.id, messageId, { caption: part.text, ...extra })
        : state.api.editMessageText(chat.id, messageId, part.text, { ...extra, link_preview_options: { is_disabled: true } });
    });
  } catch (error) {
    if (error instanceof GrammyError && /message is not modified/i.test(error.description)) {
      // Already shows exactly this (e.g. after a restart forgot what was shown): nothing to do.
    } else if (error instanceof GrammyError && /message to edit not found|message can't be edited/i.test(error.description)) {
      // Someone deleted the message: the battle goes on without it.
      state.log.info({ chat: chat.id, messageId, description: error.description }, 'telegram: message to edit is gone');
    } else throw error;
  }
  state.shown.set(key, next);
}

/** The port's delete: every part of the message; nothing for placeholders and unreachable chats. */
export async function remove(state: PortState, chat: ChatAddress, ref: string): Promise<void> {
  if (ref.startsWith(GONE_PREFIX) || isUnreachable(state, chat)) return;
  const key = `${chat.id}:${ref}`;
  const ids = state.parts.get(key)?.ids ?? [firstId(ref)];
  for (const id of ids) {
    try {
      await call(state, chat, 'delete', () => state.api.deleteMessage(chat.id, id));
    } catch (error) {
      if (error instanceof ChatUnreachableError) return;
      // Already deleted by someone: what was asked for is done.
      if (!(error instanceof GrammyError && /message to delete not found|message can't be deleted/i.test(error.description))) throw error;
    }
    state.shown.delete(`${chat.id}:${id}`);
  }
  state.parts.delete(key);
}
