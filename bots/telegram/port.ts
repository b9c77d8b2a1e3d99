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
// This file assembles the port; the work is in port-state.ts (what is remembered), port-call.ts (plain-text fallback
// and unreachable chats), port-render.ts (parts and keyboards), port-send.ts and port-edit.ts (edits and deletes).
import type { Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Logger } from 'pino';
import type { Button, ChatAddress, ChatPort, Person, PersonalFile, PortLimits } from '../../core/port/types';
import { call, ChatUnreachableError, target } from './port-call';
import { edit, remove } from './port-edit';
import { keyboard } from './port-render';
import { send, sendDirect, sendFile } from './port-send';
import { createPortState, isUnreachable, type PortState } from './port-state';

export { ChatUnreachableError };

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

export function createTelegramPort(api: Api, log: Logger, limits: PortLimits = TELEGRAM_LIMITS, hooks: TelegramPortHooks = {}): TelegramPort {
  const state = createPortState(api, log, limits, hooks);
  return {
    platform: 'telegram',
    limits,
    send: (chat, message, options) => send(state, chat, message, options),
    edit: (chat, ref, message) => edit(state, chat, ref, message),
    delete: (chat, ref) => remove(state, chat, ref),
    typing: (chat) => typing(state, chat),
    // Telegram's flood limits are per chat, whatever the topic.
    pacingKey: (chat) => chat.id,
    commandHint: (name) => `/${name}`,
    keyboard: (buttons) => keyboard(limits, log, buttons),
    sendFile: (chat, file, caption, replyTo) => sendFile(state, chat, file, caption, replyTo),
    sendDirect: (to, message) => sendDirect(state, to, message),
    refOf: (chatId, messageId) => state.alias.get(`${chatId}:${messageId}`) ?? String(messageId),
  };
}

async function typing(state: PortState, chat: ChatAddress): Promise<void> {
  if (isUnreachable(state, chat)) return;
  try {
    await call(state, chat, 'typing', () => state.api.sendChatAction(chat.id, 'typing', target(chat)));
  } catch (error) {
    // "Typing…" is decoration: never let it fail a battle.
    if (!(error instanceof ChatUnreachableError)) state.log.debug({ chat: chat.id, err: error }, 'telegram: sendChatAction failed');
  }
}
