// The core's ChatPort on top of grammY's Api: how Pnyx's messages look on Telegram.
// - Markdown becomes entities (markdown.ts), so no reply can fail on a stray `*`; if Telegram still refuses the
//   entities, the text goes out plain.
// - A logical message longer than 4,096 characters becomes several Telegram messages; its ref is the first one's id.
// - Identical edits are never sent and "message is not modified" counts as success. Pacing and coalescing of edits
//   are the core's (its presenter sends one call at a time per chat, latest text wins), so an old edit retried late
//   after a 429 (the auto-retry transformer, adapter.ts) can never overwrite a newer one.
// - Surplus parts of a reply that shrank are deleted (deleteMessage).
// - A chat that blocked the bot or removed it (403) is logged once at info. For a while after that, sends return
//   a placeholder ref without calling Telegram and edits of placeholders do nothing, so a battle running into a
//   chat nobody can see neither fails nor fills the logs; the chat is tried again later (people unblock bots).
import { GrammyError, InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup, MessageEntity } from 'grammy/types';
import type { Logger } from 'pino';
import type { Button, ChatAddress, ChatPort, OutMessage, Person, PersonalFile, PortLimits } from '../../core/port/types';
import { markdownToTelegram, splitFormatted, type Formatted } from './markdown';

export const TELEGRAM_LIMITS: PortLimits = {
  maxMessageChars: 4096,
  // Telegram allows about one message per second per chat (forum topics included).
  minEditIntervalMs: 1000,
  // Callback query answers (popups) carry at most 200 characters.
  maxNoticeChars: 200,
  // Inline keyboards are seen by everyone in a group; popups carry no buttons.
  privateButtons: false,
  // Forum topics exist, but a bot cannot open one per battle in an ordinary group.
  threads: false,
  forms: false,
  maxButtonsPerRow: 4,
  // An inline keyboard holds up to 100 buttons.
  maxButtonRows: 25,
  maxButtonDataBytes: 64,
  maxButtonLabelChars: 64,
  // "No more than 20 messages per minute in the same group" (Bot API FAQ); about one a second in a private chat. The
  // core keeps new posts under this so Telegram never answers 429 (edits are paced by minEditIntervalMs).
  budget: { windowMs: 60_000, group: 20, private: 60 },
};

/** Photo captions are shorter than messages. */
const MAX_CAPTION_CHARS = 1024;
/** Remembered message states and multi-part refs; older ones are forgotten (an edit then just goes through). */
const MAX_REMEMBERED = 20_000;

/** How long a chat that answered 403 is left alone before Pnyx tries it again. */
const UNREACHABLE_RETRY_MS = 10 * 60_000;
/** 400s that mean the same as a 403 for Pnyx: nothing can be posted in this chat now. */
const UNREACHABLE_400 = /chat not found|not enough rights to send|have no rights to send|group chat was upgraded|CHAT_WRITE_FORBIDDEN/i;
/** Refs handed out for messages that could not be delivered to an unreachable chat. */
const GONE_PREFIX = 'gone:';

/** Thrown when Telegram will not deliver to a chat (bot blocked, kicked, chat gone). Already logged. */
export class ChatUnreachableError extends Error {
  readonly chatId: string;
  constructor(chatId: string, description: string) {
    super(`Telegram chat ${chatId} is unreachable: ${description}`);
    this.name = 'ChatUnreachableError';
    this.chatId = chatId;
  }
}

/** The group became a supergroup with another id: nothing more can be posted at the old one. */
class ChatMovedError extends ChatUnreachableError {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(from, `the group is now supergroup ${to}`);
    this.name = 'ChatMovedError';
  }
}

export interface TelegramPortHooks {
  /** A send met a group that became a supergroup: tell the core before the send is retried at the new id. */
  chatMoved?(from: string, to: string): Promise<unknown>;
}

export interface TelegramPort extends ChatPort {
  /** The logical ref a Telegram message belongs to (a later part of a long reply maps to its first part). */
  refOf(chatId: number | string, messageId: number): string;
  /** Keyboard for core buttons (exported for the callback follow-ups in bot.ts). */
  keyboard(buttons: Button[][] | undefined): InlineKeyboardMarkup | undefined;
  /** Sends a file (a person's data) to a chat, with a short caption; the ref of the message. */
  sendFile(chat: ChatAddress, file: PersonalFile, caption: string, replyTo?: string): Promise<string>;
  sendDirect(to: Person, message: { text: string; file?: PersonalFile }): Promise<boolean>;
}

interface Rendered {
  parts: Formatted[];
  markup: InlineKeyboardMarkup | undefined;
}

export function createTelegramPort(api: Api, log: Logger, limits: PortLimits = TELEGRAM_LIMITS, hooks: TelegramPortHooks = {}): TelegramPort {
  /** `${chat}:${messageId}` → signature of what the message shows now. */
  const shown = new LruMap<string, string>(MAX_REMEMBERED);
  /** `${chat}:${ref}` → message ids of every part, and whether it is a photo (edits then change the caption). */
  const parts = new LruMap<string, { ids: number[]; photo: boolean }>(MAX_REMEMBERED);
  /** `${chat}:${messageId}` of a later part → ref of its first part. */
  const alias = new LruMap<string, string>(MAX_REMEMBERED);
  /** Chats that answered 403 → when to try them again. Cleared by the next successful call. */
  const unreachable = new Map<string, number>();
  let goneCount = 0;
  const isUnreachable = (chat: ChatAddress): boolean => (unreachable.get(chat.id) ?? 0) > Date.now();

  const keyboard = (buttons: Button[][] | undefined): InlineKeyboardMarkup | undefined => {
    const rows: InlineKeyboardMarkup['inline_keyboard'] = [];
    for (const row of buttons ?? []) {
      for (let i = 0; i < row.length; i += limits.maxButtonsPerRow) {
        const cells = row.slice(i, i + limits.maxButtonsPerRow).flatMap((b) => {
          if (Buffer.byteLength(b.data, 'utf8') > limits.maxButtonDataBytes) {
            log.error({ data: b.data, label: b.label }, 'telegram: button data longer than 64 bytes dropped');
            return [];
          }
          return [{ text: b.label, callback_data: b.data }];
        });
        if (cells.length) rows.push(cells);
      }
    }
    return rows.length ? { inline_keyboard: rows } : undefined;
  };

  const render = (message: OutMessage, max: number): Rendered => {
    const formatted = markdownToTelegram(message.text);
    const split = splitFormatted(formatted.text ? formatted : { text: '…', entities: [] }, max);
    return { parts: split, markup: keyboard(message.buttons) };
  };

  const signature = (part: Formatted, markup: InlineKeyboardMarkup | undefined): string =>
    JSON.stringify([part.text, part.entities, markup ?? null]);

  /** Runs a call; on entities Telegram refuses, runs it again as plain text; when the chat cannot be written to
   * (403, or a 400 that means the same), reports it once and throws ChatUnreachableError. */
  const call = async <T>(chat: ChatAddress, what: string, run: (plain: boolean) => Promise<T>): Promise<T> => {
    try {
      try {
        const result = await run(false);
        unreachable.delete(chat.id);
        return result;
      } catch (error) {
        if (!(error instanceof GrammyError) || error.error_code !== 400 || !/entit|URL/i.test(error.description)) throw error;
        log.warn({ chat: chat.id, method: error.method, description: error.description }, 'telegram: entities refused, sending plain text');
        const result = await run(true);
        unreachable.delete(chat.id);
        return result;
      }
    } catch (error) {
      const movedTo = error instanceof GrammyError ? error.parameters.migrate_to_chat_id : undefined;
      if (movedTo !== undefined) {
        unreachable.set(chat.id, Date.now() + UNREACHABLE_RETRY_MS);
        throw new ChatMovedError(chat.id, String(movedTo));
      }
      if (error instanceof GrammyError && (error.error_code === 403 || (error.error_code === 400 && UNREACHABLE_400.test(error.description)))) {
        if (!unreachable.has(chat.id)) {
          log.info({ chat: chat.id, method: error.method, description: error.description }, `telegram: chat unreachable (${what})`);
        }
        unreachable.set(chat.id, Date.now() + UNREACHABLE_RETRY_MS);
        throw new ChatUnreachableError(chat.id, error.description);
      }
      throw error;
    }
  };

  const target = (chat: ChatAddress) => ({
    ...(chat.thread ? { message_thread_id: Number(chat.thread) } : {}),
  });

  const sendText = async (chat: ChatAddress, part: Formatted, markup: InlineKeyboardMarkup | undefined, replyTo?: number): Promise<number> => {
    const sent = await call(chat, 'send', (plain) =>
      api.sendMessage(chat.id, part.text, {
        ...target(chat),
        ...(plain || !part.entities.length ? {} : { entities: part.entities as MessageEntity[] }),
        ...(markup ? { reply_markup: markup } : {}),
        ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
        link_preview_options: { is_disabled: true },
      }),
    );
    shown.set(`${chat.id}:${sent.message_id}`, signature(part, markup));
    return sent.message_id;
  };

  const sendFile: TelegramPort['sendFile'] = async (chat, file, caption, replyTo) => {
    const sent = await call(chat, 'sendDocument', () =>
      api.sendDocument(chat.id, new InputFile(file.bytes, file.name), {
        ...target(chat),
        caption: caption.slice(0, MAX_CAPTION_CHARS),
        ...(replyTo !== undefined && !replyTo.startsWith(GONE_PREFIX) ? { reply_parameters: { message_id: firstId(replyTo), allow_sending_without_reply: true } } : {}),
      }),
    );
    return String(sent.message_id);
  };

  // A direct message is the person's private chat with the bot, whose id is the person's. Telegram refuses it (403)
  // until the person has opened that chat once: then false, and the core finds another way.
  const sendDirect: TelegramPort['sendDirect'] = async (to, message) => {
    const chat: ChatAddress = { platform: 'telegram', id: to.id, kind: 'private' };
    try {
      if (message.file) await sendFile(chat, message.file, message.text);
      else await deliver(chat, { text: message.text, source: 'core' });
      return true;
    } catch (error) {
      if (error instanceof ChatUnreachableError) return false;
      log.warn({ err: error }, 'telegram: direct message failed');
      return false;
    }
  };

  const send: ChatPort['send'] = async (chat, message, options) => {
    try {
      try {
        return await deliver(chat, message, options);
      } catch (error) {
        if (!(error instanceof ChatMovedError)) throw error;
        log.info({ chat: error.from, to: error.to }, 'telegram: group upgraded to a supergroup; sending there');
        await hooks.chatMoved?.(error.from, error.to);
        // The reply-to message stayed behind in the old group.
        return await deliver({ ...chat, id: error.to }, message, { ...options, replyTo: undefined });
      }
    } catch (error) {
      if (error instanceof ChatUnreachableError) return `${GONE_PREFIX}${++goneCount}`;
      throw error;
    }
  };

  const deliver: ChatPort['send'] = async (chat, message, options) => {
    if (isUnreachable(chat)) throw new ChatUnreachableError(chat.id, 'still unreachable');
    const replyTo = options?.replyTo !== undefined && !options.replyTo.startsWith(GONE_PREFIX) ? firstId(options.replyTo) : undefined;
    if (message.image) {
      const { parts: captionParts, markup } = render(message, MAX_CAPTION_CHARS);
      const caption = captionParts[0];
      const fits = captionParts.length === 1;
      const file = new InputFile(message.image.png, 'pnyx.png');
      const shownCaption = fits ? caption! : { text: message.image.alt, entities: [] };
      const sent = await call(chat, 'sendPhoto', (plain) =>
        api.sendPhoto(chat.id, file, {
          ...target(chat),
          caption: shownCaption.text,
          ...(plain || !shownCaption.entities.length ? {} : { caption_entities: shownCaption.entities as MessageEntity[] }),
          ...(fits && markup ? { reply_markup: markup } : {}),
          ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
        }),
      );
      if (fits) {
        const ref = String(sent.message_id);
        parts.set(`${chat.id}:${ref}`, { ids: [sent.message_id], photo: true });
        shown.set(`${chat.id}:${sent.message_id}`, signature(shownCaption, markup));
        return ref;
      }
      // The text is too long for a caption: it follows as its own message, which becomes the editable ref.
      return deliver(chat, { ...message, image: undefined }, { replyTo: String(sent.message_id) });
    }

    const { parts: chunks, markup } = render(message, limits.maxMessageChars);
    const ids: number[] = [];
    for (const [i, chunk] of chunks.entries()) {
      const last = i === chunks.length - 1;
      ids.push(await sendText(chat, chunk, last ? markup : undefined, i === 0 ? replyTo : ids[i - 1]));
    }
    const ref = String(ids[0]);
    parts.set(`${chat.id}:${ref}`, { ids, photo: false });
    for (const id of ids.slice(1)) alias.set(`${chat.id}:${id}`, ref);
    return ref;
  };

  const editOne = async (chat: ChatAddress, messageId: number, part: Formatted, markup: InlineKeyboardMarkup | undefined, photo: boolean): Promise<void> => {
    const key = `${chat.id}:${messageId}`;
    const next = signature(part, markup);
    if (shown.get(key) === next) return;
    try {
      await call(chat, 'edit', (plain) => {
        const entities = plain || !part.entities.length ? {} : photo ? { caption_entities: part.entities as MessageEntity[] } : { entities: part.entities as MessageEntity[] };
        const extra = { ...entities, ...(markup ? { reply_markup: markup } : {}) };
        return photo
          ? api.editMessageCaption(chat.id, messageId, { caption: part.text, ...extra })
          : api.editMessageText(chat.id, messageId, part.text, { ...extra, link_preview_options: { is_disabled: true } });
      });
    } catch (error) {
      if (error instanceof GrammyError && /message is not modified/i.test(error.description)) {
        // Already shows exactly this (e.g. after a restart forgot what was shown): nothing to do.
      } else if (error instanceof GrammyError && /message to edit not found|message can't be edited/i.test(error.description)) {
        // Someone deleted the message: the battle goes on without it.
        log.info({ chat: chat.id, messageId, description: error.description }, 'telegram: message to edit is gone');
      } else throw error;
    }
    shown.set(key, next);
  };

  const apply = async (chat: ChatAddress, ref: string, rendered: Rendered): Promise<void> => {
    const known = parts.get(`${chat.id}:${ref}`) ?? { ids: [firstId(ref)], photo: false };
    const chunks = known.photo ? rendered.parts.slice(0, 1) : rendered.parts;
    for (const [i, chunk] of chunks.entries()) {
      const markup = i === chunks.length - 1 ? rendered.markup : undefined;
      const id = known.ids[i];
      if (id !== undefined) {
        await editOne(chat, id, chunk, markup, known.photo);
      } else {
        // The reply outgrew its messages: continue it in a new one, replying to the previous part.
        const newId = await sendText(chat, chunk, markup, known.ids[i - 1]);
        known.ids.push(newId);
        alias.set(`${chat.id}:${newId}`, ref);
      }
    }
    // The text shrank: empty trailing parts are shown as an ellipsis rather than deleted (deleting loses replies).
    for (const id of known.ids.slice(chunks.length)) await editOne(chat, id, { text: '…', entities: [] }, undefined, false);
    parts.set(`${chat.id}:${ref}`, known);
  };

  const edit: ChatPort['edit'] = async (chat, ref, message) => {
    if (ref.startsWith(GONE_PREFIX) || isUnreachable(chat)) return;
    const photo = parts.get(`${chat.id}:${ref}`)?.photo ?? false;
    try {
      await apply(chat, ref, render(message, photo ? MAX_CAPTION_CHARS : limits.maxMessageChars));
    } catch (error) {
      if (!(error instanceof ChatUnreachableError)) throw error;
    }
  };

  const remove: ChatPort['delete'] = async (chat, ref) => {
    if (ref.startsWith(GONE_PREFIX) || isUnreachable(chat)) return;
    const key = `${chat.id}:${ref}`;
    const ids = parts.get(key)?.ids ?? [firstId(ref)];
    for (const id of ids) {
      try {
        await call(chat, 'delete', () => api.deleteMessage(chat.id, id));
      } catch (error) {
        if (error instanceof ChatUnreachableError) return;
        // Already deleted by someone: what was asked for is done.
        if (!(error instanceof GrammyError && /message to delete not found|message can't be deleted/i.test(error.description))) throw error;
      }
      shown.delete(`${chat.id}:${id}`);
    }
    parts.delete(key);
  };

  const typing: NonNullable<ChatPort['typing']> = async (chat) => {
    if (isUnreachable(chat)) return;
    try {
      await call(chat, 'typing', () => api.sendChatAction(chat.id, 'typing', target(chat)));
    } catch (error) {
      // "Typing…" is decoration: never let it fail a battle.
      if (!(error instanceof ChatUnreachableError)) log.debug({ chat: chat.id, err: error }, 'telegram: sendChatAction failed');
    }
  };

  return {
    platform: 'telegram',
    limits,
    send,
    edit,
    delete: remove,
    typing,
    // Telegram's flood limits are per chat, whatever the topic.
    pacingKey: (chat) => chat.id,
    commandHint: (name) => `/${name}`,
    keyboard,
    sendFile,
    sendDirect,
    refOf: (chatId, messageId) => alias.get(`${chatId}:${messageId}`) ?? String(messageId),
  };
}

function firstId(ref: string): number {
  const id = Number.parseInt(ref, 10);
  if (!Number.isSafeInteger(id)) throw new Error(`telegram: not a message ref: ${ref}`);
  return id;
}

/** A Map that forgets its oldest entries past `max`. */
class LruMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  delete(key: K): void {
    this.map.delete(key);
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }
}
