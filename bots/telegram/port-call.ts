// Every Bot API call of the port goes through `call`: it falls back to plain text when Telegram refuses the entities,
// and keeps the book of unreachable chats (403, or a 400 that means the same), logging each one once.
import { GrammyError } from 'grammy';
import type { ChatAddress } from '../../core/port/types';
import type { PortState } from './port-state';

/** How long a chat that answered 403 is left alone before Pnyx tries it again. */
const UNREACHABLE_RETRY_MS = 10 * 60_000;
/** 400s that mean the same as a 403 for Pnyx: nothing can be posted in this chat now. */
const UNREACHABLE_400 = /chat not found|not enough rights to send|have no rights to send|group chat was upgraded|CHAT_WRITE_FORBIDDEN/i;

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
export class ChatMovedError extends ChatUnreachableError {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(from, `the group is now supergroup ${to}`);
    this.name = 'ChatMovedError';
  }
}

/** Runs a call; on entities Telegram refuses, runs it again as plain text; when the chat cannot be written to
 * (403, or a 400 that means the same), reports it once and throws ChatUnreachableError. */
export async function call<T>(state: PortState, chat: ChatAddress, what: string, run: (plain: boolean) => Promise<T>): Promise<T> {
  try {
    const result = await runFallingBackToPlain(state, chat, run);
    state.unreachable.delete(chat.id);
    return result;
  } catch (error) {
    throw unreachableOr(state, chat, what, error);
  }
}

async function runFallingBackToPlain<T>(state: PortState, chat: ChatAddress, run: (plain: boolean) => Promise<T>): Promise<T> {
  try {
    return await run(false);
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 400 || !/entit|URL/i.test(error.description)) throw error;
    state.log.warn({ chat: chat.id, method: error.method, description: error.description }, 'telegram: entities refused, sending plain text');
    return await run(true);
  }
}

/** The error to throw for a failed call: ChatMovedError / ChatUnreachableError (the chat is then left alone for a
 * while), or the error itself. */
function unreachableOr(state: PortState, chat: ChatAddress, what: string, error: unknown): unknown {
  const movedTo = error instanceof GrammyError ? error.parameters.migrate_to_chat_id : undefined;
  if (movedTo !== undefined) {
    state.unreachable.set(chat.id, Date.now() + UNREACHABLE_RETRY_MS);
    return new ChatMovedError(chat.id, String(movedTo));
  }
  if (error instanceof GrammyError && (error.error_code === 403 || (error.error_code === 400 && UNREACHABLE_400.test(error.description)))) {
    if (!state.unreachable.has(chat.id)) {
      state.log.info({ chat: chat.id, method: error.method, description: error.description }, `telegram: chat unreachable (${what})`);
    }
    state.unreachable.set(chat.id, Date.now() + UNREACHABLE_RETRY_MS);
    return new ChatUnreachableError(chat.id, error.description);
  }
  return error;
}

/** Where in the chat a message goes (a forum topic, when the chat is one). */
export function target(chat: ChatAddress): { message_thread_id?: number } {
  return {
    ...(chat.thread ? { message_thread_id: Number(chat.thread) } : {}),
  };
}
