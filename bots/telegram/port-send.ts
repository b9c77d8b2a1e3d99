// Posting new messages: text cut into parts, photos with captions, files, direct messages. A chat that cannot be
// reached gets a placeholder ref instead of an error; a group that became a supergroup is followed to its new id.
import { InputFile } from 'grammy';
import type { InlineKeyboardMarkup, MessageEntity } from 'grammy/types';
import type { ChatAddress, OutMessage, Person, PersonalFile, SendOptions } from '../../core/port/types';
import type { Formatted } from './markdown';
import { call, ChatMovedError, ChatUnreachableError, target } from './port-call';
import { renderMessage, signature } from './port-render';
import { firstId, GONE_PREFIX, isUnreachable, MAX_CAPTION_CHARS, type PortState } from './port-state';

/** Sends one part of a text message; its Telegram id. */
export async function sendText(state: PortState, chat: ChatAddress, part: Formatted, markup: InlineKeyboardMarkup | undefined, replyTo?: number): Promise<number> {
  const sent = await call(state, chat, 'send', (plain) =>
    state.api.sendMessage(chat.id, part.text, {
      ...target(chat),
      ...(plain || !part.entities.length ? {} : { entities: part.entities as MessageEntity[] }),
      ...(markup ? { reply_markup: markup } : {}),
      ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
      link_preview_options: { is_disabled: true },
    }),
  );
  state.shown.set(`${chat.id}:${sent.message_id}`, signature(part, markup));
  return sent.message_id;
}

export async function sendFile(state: PortState, chat: ChatAddress, file: PersonalFile, caption: string, replyTo?: string): Promise<string> {
  const sent = await call(state, chat, 'sendDocument', () =>
    state.api.sendDocument(chat.id, new InputFile(file.bytes, file.name), {
      ...target(chat),
      caption: caption.slice(0, MAX_CAPTION_CHARS),
      ...(replyTo !== undefined && !replyTo.startsWith(GONE_PREFIX) ? { reply_parameters: { message_id: firstId(replyTo), allow_sending_without_reply: true } } : {}),
    }),
  );
  return String(sent.message_id);
}

// A direct message is the person's private chat with the bot, whose id is the person's. Telegram refuses it (403)
// until the person has opened that chat once: then false, and the core finds another way.
export async function sendDirect(state: PortState, to: Person, message: { text: string; file?: PersonalFile }): Promise<boolean> {
  const chat: ChatAddress = { platform: 'telegram', id: to.id, kind: 'private' };
  try {
    if (message.file) await sendFile(state, chat, message.file, message.text);
    else await deliver(state, chat, { text: message.text, source: 'core' });
    return true;
  } catch (error) {
    if (error instanceof ChatUnreachableError) return false;
    state.log.warn({ err: error }, 'telegram: direct message failed');
    return false;
  }
}

/** The port's send: a ref, a placeholder ref when the chat cannot be reached. */
export async function send(state: PortState, chat: ChatAddress, message: OutMessage, options?: SendOptions): Promise<string> {
  try {
    try {
      return await deliver(state, chat, message, options);
    } catch (error) {
      if (!(error instanceof ChatMovedError)) throw error;
      state.log.info({ chat: error.from, to: error.to }, 'telegram: group upgraded to a supergroup; sending there');
      await state.hooks.chatMoved?.(error.from, error.to);
      // The reply-to message stayed behind in the old group.
      return await deliver(state, { ...chat, id: error.to }, message, { ...options, replyTo: undefined });
    }
  } catch (error) {
    if (error instanceof ChatUnreachableError) return `${GONE_PREFIX}${++state.goneCount}`;
    throw error;
  }
}

async function deliver(state: PortState, chat: ChatAddress, message: OutMessage, options?: SendOptions): Promise<string> {
  if (isUnreachable(state, chat)) throw new ChatUnreachableError(chat.id, 'still unreachable');
  const replyTo = options?.replyTo !== undefined && !options.replyTo.startsWith(GONE_PREFIX) ? firstId(options.replyTo) : undefined;
  if (message.image) return deliverPhoto(state, chat, message, message.image, replyTo);

  const { parts: chunks, markup } = renderMessage(state.limits, state.log, message, state.limits.maxMessageChars);
  const ids: number[] = [];
  for (const [i, chunk] of chunks.entries()) {
    const last = i === chunks.length - 1;
    ids.push(await sendText(state, chat, chunk, last ? markup : undefined, i === 0 ? replyTo : ids[i - 1]));
  }
  const ref = String(ids[0]);
  state.parts.set(`${chat.id}:${ref}`, { ids, photo: false });
  for (const id of ids.slice(1)) state.alias.set(`${chat.id}:${id}`, ref);
  return ref;
}

async function deliverPhoto(state: PortState, chat: ChatAddress, message: OutMessage, image: NonNullable<OutMessage['image']>, replyTo: number | undefined): Promise<string> {
  const { parts: captionParts, markup } = renderMessage(state.limits, state.log, message, MAX_CAPTION_CHARS);
  const caption = captionParts[0];
  const fits = captionParts.length === 1;
  const file = new InputFile(image.png, 'pnyx.png');
  const shownCaption = fits ? caption! : { text: image.alt, entities: [] };
  const sent = await call(state, chat, 'sendPhoto', (plain) =>
    state.api.sendPhoto(chat.id, file, {
      ...target(chat),
      caption: shownCaption.text,
      ...(plain || !shownCaption.entities.length ? {} : { caption_entities: shownCaption.entities as MessageEntity[] }),
      ...(fits && markup ? { reply_markup: markup } : {}),
      ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
    }),
  );
  if (fits) {
    const ref = String(sent.message_id);
    state.parts.set(`${chat.id}:${ref}`, { ids: [sent.message_id], photo: true });
    state.shown.set(`${chat.id}:${sent.message_id}`, signature(shownCaption, markup));
    return ref;
  }
  // The text is too long for a caption: it follows as its own message, which becomes the editable ref.
  return deliver(state, chat, { ...message, image: undefined }, { replyTo: String(sent.message_id) });
}
